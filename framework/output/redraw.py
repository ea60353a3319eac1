"""Tables 二, 三 and 四 of a report drawn again as the national format prints them, with the cells
the findings are about marked: what the HTML page shows an evaluator, who knows the official table
by sight and not by canonical keys.

Pure data, no markup: a :class:`Grid` per table holds rows of :class:`Box` (a header or a data
cell) with their spans, the ``headers`` ids that tie a data cell to its row and column labels, the
findings that hit the box and those that name it as a related cell. The template draws it; every
text in it is escaped there. Ids are made here from the report's number and counters, never from
report text.

Rows and columns, their labels and the row sets of each template version come from ``ogilint.spec``;
a category that the report printed as one row is drawn as that one row (as the identities read it),
the 法人 subtotal column where the report has one.
"""

from __future__ import annotations

from typing import Optional

from ogilint import spec
from ogilint.model import BLANK, MISSING, NOT_APPLICABLE, UNREADABLE
from ogilint.output.shown import SEVERITY_WORDS
from ogilint.spec.tables import (
    T2_CONTENT_HEAD,
    T2_ITEM_HEADS,
    T3_APPLICANTS,
    T3_LEGAL_ENTITIES,
    T3_RESULTS,
    T4_LITIGATION,
    column_heading,
    column_label,
    row_label,
)

# A cell read with less confidence than this was placed by the parser's guess (the rules do not
# judge on it either: plugins/rules/identities/common.GUESSED).
GUESSED = 0.5
_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
_KIND_WORDS = {
    MISSING: "未读到此单元格",
    UNREADABLE: "无法识别的内容",
    BLANK: "空白",
    NOT_APPLICABLE: "不适用",
}
_SHOWN_CHARS = 24  # an unreadable cell's text is cut to this many characters in the grid


class Box:
    """One cell of a redrawn table: a header (``th``) or a data cell."""

    __slots__ = (
        "th", "id", "text", "colspan", "rowspan", "kind", "header_ids", "about", "cell", "place",
        "hits", "rels", "marks", "hit",
    )  # fmt: skip

    def __init__(self, th: bool, id: str, text: str = "", colspan: int = 1, rowspan: int = 1, about: str = ""):
        self.th, self.id, self.text, self.about = th, id, text, about
        self.colspan, self.rowspan = colspan, rowspan
        # A data cell's state ("", "missing", "unreadable", "blank", "na", "low"); "absent" for the
        # header of a column the report's table does not have.
        self.kind = ""
        self.header_ids: list[str] = []  # a data cell's header ids, row labels first
        self.cell = None  # a data cell's model Cell (None when the report has none)
        self.place: tuple = ()  # a data cell's (version, table, row, col)
        # Filled by :meth:`add_hit` and :meth:`add_rel` (most boxes stay without: no list for them).
        self.hits: list[str] | tuple = ()  # ids of the findings about this cell
        self.rels: list[str] | tuple = ()  # ids of the findings that name it as a related cell
        self.marks: list[tuple[int, str]] | tuple = ()  # (number, id) of those findings, for the markers
        self.hit = ""  # the worst severity among its findings

    def add_hit(self, number: int, fid: str, severity: str) -> None:
        self.hits = [*self.hits, fid]
        self.marks = [*self.marks, (number, fid)]
        self.hit = severity if _SEVERITY_RANK.get(severity, 0) > _SEVERITY_RANK.get(self.hit, 0) else self.hit

    def add_rel(self, fid: str) -> None:
        if fid not in self.rels and fid not in self.hits:
            self.rels = [*self.rels, fid]

    @property
    def marked(self) -> bool:
        """A data cell the page marks (a finding's, a related one, one read badly or not at all): it
        gets its id, ``headers`` and tooltip; the plain cells go without, which would otherwise
        double the size of a page of 500 reports."""
        return bool(self.kind or self.hits or self.rels)

    @property
    def headers(self) -> str:
        return " ".join(self.header_ids)

    @property
    def title(self) -> str:
        """The tooltip: a header's, or a marked data cell's (its place and how it was read)."""
        if self.th:
            return self.about
        return _about(self) if self.marked else ""

    @property
    def classes(self) -> str:
        out = [self.kind] if self.kind else []
        if self.hits:
            out += ["hit", "hit-" + self.hit]
        if self.rels:
            out.append("rel")
        return " ".join(out)


class Note:
    """A finding about a table, shown under it, linked to the box it is about."""

    __slots__ = ("number", "id", "severity", "word", "code", "message", "place", "target")

    def __init__(self, number, id, severity, code, message, place, target):
        self.number, self.id, self.severity, self.code = number, id, severity, code
        self.word = SEVERITY_WORDS.get(severity, severity)
        self.message, self.place, self.target = message, place, target


class Grid:
    """A table as drawn: its caption, header rows and body rows of boxes, the notes under it."""

    __slots__ = ("key", "id", "caption", "found", "head", "body", "notes", "hits", "hit", "_cells", "_rows", "_cols")

    def __init__(self, key: str, id: str, caption: str, found: bool):
        self.key, self.id, self.caption, self.found = key, id, caption, found
        self.head: list[list[Box]] = []
        self.body: list[list[Box]] = []
        self.notes: list[Note] = []
        self.hits: list[str] = []  # findings about the whole table
        self.hit = ""  # the worst severity among them (the caption is outlined in its colour)
        self._cells: dict[tuple[str, str], Box] = {}
        self._rows: dict[str, Box] = {}
        self._cols: dict[str, list[Box]] = {}

    def boxes(self, row: Optional[str], col: Optional[str]) -> list[Box]:
        """The boxes a place names: its data cell, else its row's label, else its column's labels."""
        if row and col and (row, col) in self._cells:
            return [self._cells[row, col]]
        if row and row in self._rows:
            return [self._rows[row]]
        if col and not row:
            return self._cols.get(col, [])
        return []


class _Ids:
    """Ids for the boxes of one table: the report's prefix, the table key, a counter."""

    def __init__(self, prefix: str, key: str):
        self.stem, self.n = f"{prefix}-{key}-", 0

    def __call__(self) -> str:
        self.n += 1
        return f"{self.stem}{self.n}"


_KIND_CLASSES = {MISSING: "missing", UNREADABLE: "unreadable", BLANK: "blank", NOT_APPLICABLE: "na"}


def _data(table, row: str, col: str, ids: _Ids, headers: list[str], place: tuple) -> Box:
    cell = table.cell(row, col) if table is not None else None
    box = Box(False, ids())
    box.header_ids, box.cell, box.place = headers, cell, place
    if cell is None:
        box.kind = "missing"
    else:
        text = cell.raw.strip()
        box.text = text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
        box.kind = _KIND_CLASSES.get(cell.kind, "")
        if not box.kind and cell.confidence < GUESSED:
            box.kind = "low"
    return box


def _about(box: Box) -> str:
    """A data cell's tooltip: its place in the format's words, how it was read, its line."""
    label = spec.cell_label(*box.place)
    cell = box.cell
    if cell is None:
        return f"{label} ({_KIND_WORDS[MISSING]})"
    state = [_KIND_WORDS.get(cell.kind, "")]
    if cell.confidence < 1:
        state.append(f"识别置信度 {cell.confidence:.2f}")
    if cell.line:
        state.append(f"第{cell.line}行")
    shown = ",".join(x for x in state if x)
    return label + (f" ({shown})" if shown else "")


def _row_head(table, key: str, label: str, ids: _Ids, colspan: int = 1, rowspan: int = 1) -> Box:
    """A row's label as the format prints it; the label the report printed, when it differs, as title."""
    row = table.rows.get(key) if table is not None else None
    read = row.label.strip() if row is not None and row.label else ""
    title = f"报告原文: {read}" if read and read.replace(" ", "") != label.replace(" ", "") else ""
    return Box(True, ids(), label, colspan=colspan, rowspan=rowspan, about=title)


def _t2(grid: Grid, table, version: str, ids: _Ids) -> None:
    table_spec = spec.tables_for(version)["t2"]
    width = max(len(r.columns) for r in table_spec.rows)
    col_heads: list[Box] = []
    for r in table_spec.rows:
        if r.key in T2_ITEM_HEADS or not grid.body:
            item = Box(True, ids(), T2_ITEM_HEADS.get(r.key, ""), colspan=width + 1)
            grid.body.append([item])
            content = Box(True, ids(), T2_CONTENT_HEAD)
            col_heads = []
            for i, c in enumerate(r.columns):
                span = width - len(r.columns) + 1 if i == len(r.columns) - 1 else 1
                head = Box(True, ids(), column_heading(version, "t2", c), colspan=span)
                grid._cols.setdefault(c, []).append(head)
                col_heads.append(head)
            grid.body.append([content, *col_heads])
            by_col = dict(zip(r.columns, col_heads))
        head = grid._rows[r.key] = _row_head(table, r.key, r.label, ids)
        line = [head]
        for i, c in enumerate(r.columns):
            col_head = by_col.get(c) or col_heads[min(i, len(col_heads) - 1)]
            place = (version, "t2", r.key, c)
            box = grid._cells[r.key, c] = _data(table, r.key, c, ids, [head.id, col_head.id], place)
            box.colspan = col_head.colspan if i == len(r.columns) - 1 else 1
            line.append(box)
        filled = sum(b.colspan for b in line[1:])
        if filled < width:
            line.append(Box(False, ids(), colspan=width - filled))
        grid.body.append(line)


def _t3_spec(table, version: str):
    table_spec = spec.tables_for(version)["t3"]
    if table is not None and spec.T3_SUBTOTAL in table.columns:
        table_spec = spec.with_subtotal(table_spec)
    keys = {r.key for r in table_spec.rows}
    printed = {c for c in spec.T3_CATEGORIES if table is not None and c in table.rows and c not in keys}
    return spec.with_categories_printed(table_spec, printed) if printed else table_spec


def _t3(grid: Grid, table, version: str, ids: _Ids) -> None:
    table_spec = _t3_spec(table, version)
    columns = table_spec.columns
    present = set(table.present_columns) if table is not None and table.found else set(columns)
    legal = [c for c in columns if c in spec.T3_LEGAL_ENTITY or c == spec.T3_SUBTOTAL]
    corner = Box(True, ids(), "", colspan=3, rowspan=3)
    applicants = Box(True, ids(), T3_APPLICANTS, colspan=len(columns))
    group = Box(True, ids(), T3_LEGAL_ENTITIES, colspan=len(legal))
    col_head: dict[str, Box] = {}
    second, third = [], []
    for c in columns:
        box = col_head[c] = Box(True, ids(), column_label(version, "t3", c), rowspan=1 if c in legal else 2)
        if c not in present:
            box.kind, box.about = "absent", "报告的表三没有这一列"
        grid._cols[c] = [box]
        if c in legal:
            if not third:
                second.append(group)
            third.append(box)
        else:
            second.append(box)
    grid.head = [[corner, applicants], second, third]
    col_ids = {c: [applicants.id] + ([group.id] if c in legal else []) + [col_head[c].id] for c in columns}

    keys = [r.key for r in table_spec.rows]
    first, last = keys.index("granted"), keys.index("total_handled")
    results: Optional[Box] = None
    categories: dict[str, Box] = {}
    for i, r in enumerate(table_spec.rows):
        line: list[Box] = []
        row_ids: list[str] = []
        if first <= i <= last:
            if results is None:
                results = Box(True, ids(), T3_RESULTS, rowspan=last - first + 1)
                line.append(results)
            row_ids.append(results.id)
            category, dot, _ = r.key.partition(".")
            if dot:
                if category not in categories:
                    span = sum(1 for k in keys if k.startswith(category + "."))
                    cat = categories[category] = Box(True, ids(), spec.T3_CATEGORIES.get(category, ""), rowspan=span)
                    grid._rows[category] = cat
                    line.append(cat)
                row_ids.append(categories[category].id)
                head = _row_head(table, r.key, r.label, ids)
            else:
                head = _row_head(table, r.key, r.label, ids, colspan=2)
        else:
            head = _row_head(table, r.key, r.label, ids, colspan=3)
        grid._rows[r.key] = head
        line.append(head)
        row_ids.append(head.id)
        for c in columns:
            place = (version, "t3", r.key, c)
            box = grid._cells[r.key, c] = _data(table, r.key, c, ids, row_ids + col_ids[c], place)
            if c not in present:
                box.kind = "missing"
            line.append(box)
        grid.body.append(line)


def _t4(grid: Grid, table, version: str, ids: _Ids) -> None:
    groups = spec.T4.rows
    columns = spec.T4.columns
    word, litigation = T4_LITIGATION
    lit = [g for g in groups if g.key in litigation]
    top = [g for g in groups if g.key not in litigation]
    lit_box = Box(True, ids(), word, colspan=len(columns) * len(lit))
    first: list[Box] = []
    second: list[Box] = []
    third: list[Box] = []
    heads: dict[str, list[str]] = {}  # group -> the ids of its labels
    col_heads: dict[tuple[str, str], Box] = {}
    for g in top:
        g_box = grid._rows[g.key] = Box(True, ids(), g.label, colspan=len(columns))
        first.append(g_box)
        heads[g.key] = [g_box.id]
        for c in columns:
            box = col_heads[g.key, c] = Box(True, ids(), column_label(version, "t4", c), rowspan=2)
            second.append(box)
    if lit:
        first.append(lit_box)
    for g in lit:
        g_box = grid._rows[g.key] = Box(True, ids(), g.label, colspan=len(columns))
        second.append(g_box)
        heads[g.key] = [lit_box.id, g_box.id]
        for c in columns:
            box = col_heads[g.key, c] = Box(True, ids(), column_label(version, "t4", c))
            third.append(box)
    for (_, c), box in col_heads.items():
        grid._cols.setdefault(c, []).append(box)
    grid.head = [first, second] + ([third] if third else [])
    line = []
    for g in top + lit:
        for c in columns:
            place = (version, "t4", g.key, c)
            box = grid._cells[g.key, c] = _data(table, g.key, c, ids, heads[g.key] + [col_heads[g.key, c].id], place)
            line.append(box)
    grid.body = [line]


_DRAW = {"t2": _t2, "t3": _t3, "t4": _t4}


def _place(version: str, table: str, row: Optional[str], col: Optional[str]) -> str:
    """How a note names the place it is about, in the words of the format."""
    if row and col:
        return spec.cell_label(version, table, row, col)
    if row:
        return f"「{row_label(version, table, row)}」" + ("" if table == "t4" else "行")
    if col:
        return f"「{column_label(version, table, col)}」列"
    return spec.TABLE_NAMES.get(table, table)


def redraw(report, findings, prefix: str) -> tuple[list[Grid], dict[str, str]]:
    """The report's tables 二/三/四 as grids with the findings marked, and for each finding located in
    a table the id of the box it is about (``{finding id: box id}``). Finding ``i`` (1-based, in the
    given order) has the id ``{prefix}-f{i}``."""
    version = spec.template_or_default(report.meta.template_version)
    grids: dict[str, Grid] = {}
    for key, draw in _DRAW.items():
        table = report.tables.get(key)
        found = table is not None and table.found
        caption = f"{spec.TABLE_NAMES[key]} {spec.tables_for(version)[key].title}"
        grid = grids[key] = Grid(key, f"{prefix}-{key}", caption, found)
        if found:
            draw(grid, table, version, _Ids(prefix, key))
    targets: dict[str, str] = {}
    for i, f in enumerate(findings, 1):
        fid = f"{prefix}-f{i}"
        loc = f.location
        grid = grids.get(loc.table) if loc.table else None
        if grid is None:
            continue
        boxes = grid.boxes(loc.row, loc.col)
        for box in boxes:
            box.add_hit(i, fid, f.severity)
        if not boxes:
            grid.hits.append(fid)
            if _SEVERITY_RANK.get(f.severity, 0) > _SEVERITY_RANK.get(grid.hit, 0):
                grid.hit = f.severity
        target = boxes[0].id if boxes else grid.id
        targets[fid] = target
        place = _place(version, loc.table, loc.row, loc.col)
        grid.notes.append(Note(i, fid, f.severity, f.code, f.message, place, target))
        for rel in f.related:
            other = grids.get(rel.table) if rel.table else None
            for box in other.boxes(rel.row, rel.col) if other is not None else ():
                box.add_rel(fid)
    return list(grids.values()), targets
