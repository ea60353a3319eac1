"""Build one canonical table from observed rows.

Observed rows are aligned to the template's rows (``align.py``); each row's values are read into
cells by ``splitting.py`` under the identities inside the row; rows that still have several readings
are settled, where possible, by identities down the columns (table 三). What cannot be settled is
reported, never guessed. Table 三's header and table 四's single run of numbers are read by the
builders in ``t3.py`` and ``t4.py``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Optional

import attrs

from ogilint import model, spec
from ogilint.model import Cell, Problem, Row, Table
from ogilint.parsing.labels import has_label, label_change, similarity
from ogilint.parsing.tables.align import align, unplaceable
from ogilint.parsing.tables.atoms import BAD, EMPTY, NA, NUM
from ogilint.parsing.tables.rows import ObservedRow
from ogilint.parsing.tables.splitting import MISSING, Piece, Reading, count_of, distinct, readings
from ogilint.spec.identities import Identity, may_hold_values
from ogilint.spec.problems import ProblemKind as K

UNCERTAIN = 0.5  # label similarity below this is reported as an uncertain label
CATEGORY_MATCH = 0.8  # how well a row's label must name a category to be read as the category's row


def _cell(piece, confidence: float, line: Optional[int]) -> Cell:
    if piece is MISSING:
        return Cell(None, "", model.MISSING, line, None, 0.0)
    if piece.kind == NUM:
        raw = piece.raw + ((" " + piece.unit) if piece.unit else "")
        return Cell(piece.value, raw, model.NUMBER, piece.line, piece.column, confidence)
    if piece.kind == NA:
        return Cell(None, piece.raw, model.NOT_APPLICABLE, piece.line, piece.column, confidence)
    if piece.kind == EMPTY:
        return Cell(None, "", model.BLANK, piece.line, piece.column, confidence)
    return Cell(None, piece.raw, model.UNREADABLE, piece.line, piece.column, 0.0)


class TableBuilder:
    """Builds one Table and the problems met on the way."""

    def __init__(
        self,
        table: spec.TableSpec,
        present: tuple[str, ...] | None = None,
        row_identities: Callable[[str, tuple], list[Identity]] | None = None,
        stated: dict | None = None,
    ):
        """``row_identities(row key, columns)``: the identities inside one row (none for table 二).
        ``stated``: {(row, column): (value, the words)} the narrative states (``spec.narrative``),
        used only to choose among splits of run-together digits the table cannot decide."""
        self.spec = table
        self.stated = stated or {}
        self.text_note = ""  # what the narrative settled in the row being read
        self.present = present or table.columns
        self.row_identities = row_identities or (lambda key, columns: [])
        self.problems: list[Problem] = []
        self.split_rows: list = []  # rows whose run-together digits had exactly one valid cut
        self.has_identity = row_identities is not None
        self.categories = spec.category_rows(table) if table.key == "t3" else {}
        self.row_specs = {r.key: r for r in table.rows} | self.categories

    # --- reading rows ---------------------------------------------------------------------------
    def width(self, row: spec.RowSpec) -> tuple[str, ...]:
        """The columns of ``row`` that this report's table has."""
        return tuple(c for c in row.columns if c in self.present)

    def read_row(self, row: spec.RowSpec, obs: ObservedRow) -> tuple[list[Reading], bool]:
        cols = self.width(row)
        ok = row_check(self.row_identities(row.key, row.columns), cols)
        values = within_width(obs.values, len(cols))
        rs, exhausted = readings(values, len(cols), ok, obs.may_cut, may_join=self.has_identity)
        if not rs:  # nothing satisfies the identity: read the atoms as they stand
            rs, exhausted = readings(values, len(cols), lambda v: True, obs.may_cut)
            fewest = min((r.gaps for r in rs), default=0)  # once, not once per reading
            rs = [r for r in rs if r.gaps == fewest]
        return distinct(rs), exhausted

    # --- the table --------------------------------------------------------------------------------
    def build(
        self,
        observed: list[ObservedRow],
        found: bool,
        truncated: bool,
        column_check: Callable[[dict], int] | None = None,
    ) -> Table:
        observed = self._one_line_table(observed)
        assigned, extra, scores = align(observed, self.spec)
        printed = self._categories_printed_as_rows(assigned, scores)
        unplaced, unread_rows = unplaceable(assigned, scores, self.spec)
        options: dict[str, list[Reading]] = {}
        exhausted: dict[str, bool] = {}
        for key, obs in assigned.items():
            options[key], exhausted[key] = self.read_row(self.row_specs[key], obs)
        if column_check is not None:
            self._settle_by_columns(options, column_check)
        rows = {}
        found_idx = [i for i, r in enumerate(self.spec.rows) if r.key in assigned]
        first_found, last_found = min(found_idx, default=0), max(found_idx, default=-1)
        for idx, rspec in enumerate(self.spec.rows):
            category = rspec.key.partition(".")[0]
            if category in printed and category not in rows:
                crow = self.categories[category]
                obs = assigned[category]
                rows[category] = self.make_row(
                    crow, obs, options[category], exhausted[category], scores.get(category, 0.0)
                )
            obs = assigned.get(rspec.key)
            if obs is None:
                rows[rspec.key] = Row(
                    rspec.key, "", 0.0, None, {c: Cell(None, "", model.MISSING, None, None, 0.0) for c in rspec.columns}
                )
                if category in printed or rspec.key in unread_rows:  # printed as one row / not placeable
                    continue
                if found and not (truncated and not first_found <= idx <= last_found):
                    self._problem(K.ROW_MISSING, f"{self._name()}缺少「{rspec.label}」行", None, rspec.key)
                continue
            rows[rspec.key] = self.make_row(
                rspec, obs, options[rspec.key], exhausted[rspec.key], scores.get(rspec.key, 0.0)
            )
        for obs in extra:
            if obs.blank:  # empty cells under a label that names no row: nothing is lost
                continue
            self._problem(
                K.ROW_EXTRA,
                f"{self._name()}中有一行无法对应到标准行:「{obs.label.strip()[:30]}」",
                obs.line,
                None,
                column=obs.column,
                confidence=0.6,
            )
        if unplaced:
            self._unplaced(unplaced, unread_rows)
        self.report_if_unfilled(rows, found)
        self.report_splits()
        first_line = min((o.line for o in observed), default=None)
        return Table(self.spec.key, self.spec.columns, self.present, rows, first_line, found)

    def _one_line_table(self, observed: list) -> list:
        """A row holding exactly as many numbers as the whole table has cells (all of table 三 on one
        line, labels lost): read as the format's rows in order, row by row, as the shape says — each
        piece then has no label and is placed only if the rows fill the table exactly. One problem."""
        full = len(self.spec.rows) * len(self.present)
        out = []
        for obs in observed:
            values = [a for a in obs.values if a.kind != EMPTY]
            if len(values) != full or len(self.spec.rows) < 2:
                out.append(obs)
                continue
            width = len(self.present)
            for i in range(0, full, width):
                piece = tuple(values[i : i + width])
                out.append(attrs.evolve(obs, label="", label_line=None, values=piece, one_line=True))
            self._problem(
                K.LABEL_MISSING,
                f"{self._name()}的{full}个数写在同一行(第{obs.line}行),没有行标签,"
                f"已按国家格式的行序每{width}个一行读入",
                obs.line,
                None,
                column=obs.column,
                confidence=0.6,
            )
        return out

    def report_if_unfilled(self, rows: dict, found: bool) -> None:
        """A table whose rows are there but hold nothing (a blank template, an unfilled Word table):
        one problem for the table, not one per cell."""
        cells = [c for r in rows.values() for c in r.cells.values()]
        if (
            found
            and any(c.kind == model.BLANK for c in cells)
            and all(c.kind in (model.BLANK, model.MISSING) for c in cells)
        ):
            self._problem(K.TABLE_EMPTY, f"{self._name()}的单元格全部空白,没有填写任何数字", None, None, confidence=0.9)

    def _unplaced(self, unplaced: list, unread_rows: set) -> None:
        """One problem for the rows of numbers that have no label and no certain place."""
        first = unplaced[0]
        names = [r.label for r in self.spec.rows if r.key in unread_rows]
        self._problem(
            K.TABLE_UNREADABLE,
            f"{self._name()}有{len(unplaced)}行数字没有行标签(如第{first.line}行),"
            f"可能属于「{names[0]}」至「{names[-1]}」之间的{len(names)}行中的任意几行,无法确定,未读入",
            first.line,
            None,
            column=first.column,
            confidence=0.9,
            detail={"rows": sorted(unread_rows, key=list(self.row_specs).index), "lines": [o.line for o in unplaced]},
        )

    def _categories_printed_as_rows(self, assigned: dict, scores: dict) -> set:
        """Categories of table 三 the report prints as one row ("(六)其他处理 0 0 0 0 0 0 0" and no
        sub-rows): the row is kept as the category's row, as printed, and reported; its numbers are
        not forced into one of the sub-rows. Moves those rows in ``assigned`` to the category key."""
        printed = set()
        for category, crow in self.categories.items():
            subs = [k for k in assigned if k.startswith(category + ".")]
            if len(subs) != 1:
                continue
            obs = assigned[subs[0]]
            as_category = similarity(obs.label, crow.label)
            if as_category < CATEGORY_MATCH or as_category <= similarity(obs.label, self.row_specs[subs[0]].label):
                continue
            del assigned[subs[0]]
            assigned[category] = obs
            scores[category] = as_category
            printed.add(category)
            self._problem(
                K.CATEGORY_ROW,
                f"{self._name()}「{crow.label}」只印了一行数字,没有分列其下各小项;已按原样记为该类别的合计行",
                obs.line,
                category,
                column=obs.column,
                confidence=0.9,
                detail={"sub_rows": [r.key for r in self.spec.rows if r.key.startswith(category + ".")]},
            )
        return printed

    def make_row(
        self, rspec: spec.RowSpec, obs: ObservedRow, opts: list[Reading], exhausted: bool, score: float
    ) -> Row:
        cols = self.width(rspec)
        label_conf = round(min(1.0, score), 2) if has_label(obs.label) else 0.3
        if not has_label(obs.label) and obs.one_line:
            label_conf = 0.5  # reported once for the table (_one_line_table)
        elif not has_label(obs.label):
            self._problem(
                K.LABEL_MISSING,
                f"{self._name()}第{obs.line}行的数字没有行标签,按位置归入「{rspec.label}」",
                obs.line,
                rspec.key,
                column=obs.column,
                confidence=0.5,
            )
        elif (change := label_change(obs.label, rspec.label, keep_weak=True)) == "drift":
            self._problem(
                K.LABEL_DRIFT,
                f"{self._name()}行标签「{_shown(obs.label, rspec.label)}」与国家格式「{rspec.label}」措辞不同,已按相似度归行",
                obs.label_line or obs.line,
                rspec.key,
                confidence=0.8,
            )
        elif change == "ocr":
            self._problem(
                K.LABEL_DAMAGED,
                f"{self._name()}行标签「{_shown(obs.label, rspec.label)}」有识别错误(标准为「{rspec.label}」),"
                f"已按相似度归入该行;这一行的数字也可能受损",
                obs.label_line or obs.line,
                rspec.key,
                column=None,
                confidence=0.7,
            )
        elif score < UNCERTAIN or change == "weak":
            self._problem(
                K.LABEL_UNCERTAIN,
                f"{self._name()}行标签「{obs.label.strip()[-30:]}」与「{rspec.label}」只部分相符",
                obs.line,
                rspec.key,
                confidence=score,
            )
        cells: dict[str, Cell] = {}
        by_text = self._by_the_text(rspec, obs, opts, cols) if len(opts) > 1 else None
        if by_text is not None:
            opts = by_text
        if len(opts) == 1:
            chosen = opts[0]
            conf = 0.8 if by_text is not None else 1.0
            if chosen.cuts and by_text is None:
                conf = 0.9
                self.split_rows.append((rspec.key, obs))
            if chosen.gaps:
                conf = min(conf, 0.6)
                lost = [c for c, p in zip(cols, chosen.pieces) if p is MISSING]
                self._problem(
                    K.CELL_MISSING,
                    f"{self._row_name(rspec)}少了{chosen.gaps}个数,依勾稽关系判定缺的是:"
                    + self._column_names(rspec, lost),
                    obs.line,
                    rspec.key,
                    column=obs.column,
                    confidence=0.6,
                    detail={"lost": lost, "placement": "identity"},
                )
            if chosen.joined:
                conf = min(conf, 0.7)
                a, b = chosen.joined
                self._problem(
                    K.CELL_JOINED,
                    f"{self._row_name(rspec)}的「{a.raw}」「{b.raw}」是拆在两格里的一个数,"
                    f"按勾稽关系合读为 {a.raw}{b.raw}",
                    a.line,
                    rspec.key,
                    column=a.column,
                    confidence=0.7,
                    detail={"pieces": [a.raw, b.raw]},
                )
            if chosen.dropped:
                conf = min(conf, 0.7)
                self._problem(
                    K.CELL_EXTRA,
                    f"{self._row_name(rspec)}多出{len(chosen.dropped)}个数,已略去多余的单元格",
                    obs.line,
                    rspec.key,
                    column=obs.column,
                    confidence=0.7,
                    detail={"dropped": [a.raw for a in chosen.dropped]},
                )
            pieces = chosen.pieces
            per_cell_conf = [conf] * len(cols)
        else:
            pieces, per_cell_conf = self._unsettled(rspec, obs, opts, exhausted, cols)
        for c in rspec.columns:
            if c not in cols:
                cells[c] = Cell(None, "", model.MISSING, obs.line, None, 0.0)
        for c, p, conf in zip(cols, pieces, per_cell_conf):
            cells[c] = _cell(p, round(conf * max(label_conf, 0.3), 2) if p is not MISSING else 0.0, obs.line)
            if p is not MISSING and p.kind == BAD and not p.ambiguous:
                self._problem(
                    K.CELL_UNREADABLE,
                    f"{self._row_name(rspec)}有无法识别为数字的内容「{p.raw}」",
                    p.line,
                    rspec.key,
                    column=p.column,
                    col=c,
                    confidence=0.8,
                )
        cells = {c: cells[c] for c in rspec.columns}
        return Row(rspec.key, obs.label, label_conf, obs.line, cells)

    def _by_the_text(self, rspec, obs, opts: list[Reading], cols) -> list[Reading] | None:
        """The readings whose cell agrees with the figure the narrative states for it, when that
        narrows the choice (None when nothing is stated or it rules out all or none). Said in a
        problem: the cell comes from the text's word, not from the table alone."""
        for col in cols:
            stated = self.stated.get((rspec.key, col))
            if stated is None:
                continue
            value, words = stated
            idx = cols.index(col)
            kept = [r for r in opts if r.pieces[idx] is not MISSING and r.pieces[idx].value == value]
            if not kept or len(kept) == len(opts):
                continue
            told = f"正文「{words}」说{spec.T2_COLUMN_LABELS.get(col, col)}为{value}"
            if len(kept) > 1:
                self.text_note = f";{told},已据此确定这一格"  # said with the remaining choice (_unsettled)
                return kept
            shown = ",".join("?" if p is MISSING else p.raw for p in kept[0].pieces)
            self._problem(
                K.SPLIT_UNIQUE,
                f"{self._row_name(rspec)}的数字「{' '.join(a.raw for a in obs.values)}」有{len(opts)}种拆分,"
                f"{told},据此读作 {shown}",
                obs.line,
                rspec.key,
                column=obs.column,
                col=col,
                confidence=0.8,
                detail={"by_text": words},
            )
            return kept
        return None

    def report_splits(self) -> None:
        """One note per table for all rows whose run-together digits had a single valid cut."""
        if not self.split_rows:
            return
        key, first = self.split_rows[0]
        how = "按勾稽关系" if self.has_identity else ""
        self._problem(
            K.SPLIT_UNIQUE,
            f"{self._name()}有{len(self.split_rows)}行数字连写在一起(如第{first.line}行第{first.column}列),"
            f"均已{how}唯一拆分",
            first.line,
            key if len(self.split_rows) == 1 else None,
            column=first.column,
            confidence=0.9,
            detail={
                "rows": [k for k, _ in self.split_rows],
                "raw": {k: " ".join(a.raw for a in o.values) for k, o in self.split_rows},
            },
        )
        self.split_rows = []

    def _unsettled(self, rspec, obs, opts: list[Reading], exhausted: bool, cols):
        """Several readings remain: keep what they agree on; say what they do not."""
        note, self.text_note = self.text_note, ""
        if not opts:  # the enumeration gave up before finding any reading
            raw = " ".join(a.raw for a in obs.values)
            self._problem(
                K.SPLIT_AMBIGUOUS,
                f"{self._row_name(rspec)}的数字「{raw[:40]}」无法读成本行的单元格",
                obs.line,
                rspec.key,
                column=obs.column,
                confidence=0.9,
                detail={"count": 0},
            )
            return [_unreadable_piece(obs, raw)] * len(cols), [0.0] * len(cols)
        if all(not r.cuts and not r.dropped for r in opts) and all(r.gaps for r in opts):
            chosen = opts[0]  # leftmost placement of the lost cells (enumeration order)
            lost = [c for c, p in zip(cols, chosen.pieces) if p is MISSING]
            self._problem(
                K.CELL_MISSING,
                f"{self._row_name(rspec)}少了{chosen.gaps}个数,无法判定缺哪一列,按最左列缺失处理:"
                + self._column_names(rspec, lost),
                obs.line,
                rspec.key,
                column=obs.column,
                confidence=0.4,
                detail={"lost": lost, "placement": "assumed"},
            )
            return chosen.pieces, [0.4] * len(cols)
        if all(r.dropped for r in opts) and not any(r.joined for r in opts):
            chosen = opts[0]
            self._problem(
                K.CELL_EXTRA,
                f"{self._row_name(rspec)}多出{len(chosen.dropped)}个数,无法判定哪个是多余的",
                obs.line,
                rspec.key,
                column=obs.column,
                confidence=0.4,
                detail={"dropped": [a.raw for a in chosen.dropped]},
            )
            return chosen.pieces, [0.4] * len(cols)
        pieces, confs = [], []
        for idx in range(len(cols)):
            values = {None if r.pieces[idx] is MISSING else (r.pieces[idx].kind, r.pieces[idx].value) for r in opts}
            if len(values) == 1:
                pieces.append(opts[0].pieces[idx])
                confs.append(0.8)
            else:
                raw = " ".join(a.raw for a in obs.values)
                pieces.append(_unreadable_piece(obs, raw))
                confs.append(0.0)
        shown = "; ".join(",".join("?" if p is MISSING else p.raw for p in r.pieces) for r in opts[:4])
        more = "" if len(opts) <= 4 else f" 等{len(opts)}种"
        fits = "都符合勾稽关系" if self.has_identity else "都说得通(本表没有勾稽关系可以判定)"
        self._problem(
            K.SPLIT_AMBIGUOUS,
            f"{self._row_name(rspec)}的数字「{' '.join(a.raw for a in obs.values)}」"
            f"有多种拆分{fits}({shown}{more}),无法确定{note}"
            if not exhausted
            else f"{self._row_name(rspec)}的数字拆分方式过多,无法确定",
            obs.line,
            rspec.key,
            column=obs.column,
            confidence=0.9,
            detail={
                "readings": [[None if p is MISSING else p.raw for p in r.pieces] for r in opts[:20]],
                "count": len(opts),
            },
        )
        return pieces, confs

    def _settle_by_columns(self, options: dict, column_check: Callable[[dict], int]) -> None:
        """Choose among rows' readings by how many column identities they let hold.

        With few open rows every combination is tried; otherwise each open row is tried alone with
        the other open rows counted as unknown (weaker, but linear instead of exponential).
        """
        open_rows = [k for k, v in options.items() if len(v) > 1]
        if not open_rows:
            return
        fixed = {k: self._by_column(k, v[0]) for k, v in options.items() if len(v) == 1}
        values = {k: [self._by_column(k, r) for r in options[k]] for k in open_rows}
        product = 1
        for k in open_rows:
            product *= len(options[k])
        if product <= 64:
            groups = [open_rows]
        else:
            groups = [[k] for k in open_rows]
        for group in groups:
            best_score, best = -1, []
            for combo_idx in itertools.product(*(range(len(options[k])) for k in group)):
                chosen = dict(fixed)
                for k, i in zip(group, combo_idx):
                    chosen[k] = values[k][i]
                score = column_check(chosen)
                if score > best_score:
                    best_score, best = score, [combo_idx]
                elif score == best_score:
                    best.append(combo_idx)
            for pos, key in enumerate(group):
                options[key] = distinct([options[key][combo[pos]] for combo in best])

    def _by_column(self, key: str, reading: Reading) -> dict:
        cols = self.width(self.row_specs[key])
        return {c: count_of(p) for c, p in zip(cols, reading.pieces)}

    # --- helpers ------------------------------------------------------------------------------------
    def _name(self) -> str:
        return spec.TABLE_NAMES[self.spec.key]

    def _column_names(self, rspec, cols) -> str:
        """Columns of ``rspec`` as the format names them ("本年新制作数量、本年新公开数量"), never by key."""
        names = []
        for c in cols:
            group, _, col = c.rpartition(".")  # table 四 read as one run: "review.upheld"
            if self.spec.key == "t2":
                procurement = c == "amount" and rspec.key == "procurement"
                names.append("采购总金额" if procurement else spec.T2_COLUMN_LABELS.get(c, c))
            elif self.spec.key == "t4":
                name = spec.T4_COLUMN_LABELS.get(col, col)
                names.append(f"{spec.T4.row(group).label}「{name}」" if group else name)
            else:
                names.append(spec.COLUMN_LABELS.get(c, c))
        return "、".join(names)

    def _row_name(self, rspec) -> str:
        """ "表三「(七)总计」行"; table 四's one run of fifteen figures is "表四的数据行"."""
        if rspec.key == self.spec.key:
            return f"{self._name()}的数据行"
        return f"{self._name()}「{rspec.label}」行"

    def _problem(self, kind, message, line, row, column=None, col=None, confidence=1.0, detail=None):
        self.problems.append(
            Problem(
                kind,
                message,
                line=line,
                column=column,
                table=self.spec.key,
                row=row,
                col=col,
                confidence=confidence,
                detail=detail or {},
            )
        )


def within_width(values: tuple, width: int) -> list:
    """A row's value atoms without the empty cells that stand past the table's width (the padding
    of a table row, the closing "|" of a markdown row): trailing empty cells inside it are blanks."""
    out = list(values)
    while len(out) > width and out[-1].kind == EMPTY:
        out.pop()
    return out


class RowCheck:
    """A test of one row's candidate values (in ``columns`` order) against the identities inside the
    row (reading policy); a column the report's table lacks is unknown.

    :meth:`prefix` tests the first cells of a reading before the rest is cut: an identity whose cells
    all lie among them already decides, so the digit-splitting search drops every reading that
    starts that way at once instead of enumerating them (``splitting.readings``)."""

    __slots__ = ("sides",)

    def __init__(self, identities: list[Identity], columns: tuple):
        where = {c: i for i, c in enumerate(columns)}
        sides = []
        for identity in identities:
            left = [where.get(c) for _, c in identity.left]
            right = [where.get(c) for _, c in identity.right]
            known = [k for k in left + right if k is not None]
            sides.append(
                (
                    max(known, default=-1),
                    [k for k in left if k is not None],
                    None in left,
                    [k for k in right if k is not None],
                    None in right,
                )
            )
        self.sides = tuple(sorted(sides, key=lambda side: side[0]))

    def __call__(self, vec: tuple) -> bool:
        return self._holds(vec, -1, len(vec))

    def prefix(self, vec: tuple, start: int) -> bool:
        """Whether the identities completed by cells ``start`` to ``len(vec) - 1`` of the first cells
        ``vec`` of a reading may hold (those completed earlier were tested with the shorter prefix)."""
        return self._holds(vec, start, len(vec))

    def _holds(self, vec: tuple, start: int, end: int) -> bool:
        for last, left, left_open, right, right_open in self.sides:
            if last < start:
                continue
            if last >= end:
                break
            lv = [vec[k] for k in left] + [None] if left_open else [vec[k] for k in left]
            rv = [vec[k] for k in right] + [None] if right_open else [vec[k] for k in right]
            if not may_hold_values(lv, rv):
                return False
        return True


def row_check(identities: list[Identity], columns: tuple) -> RowCheck:
    """The :class:`RowCheck` of a row (a callable on a reading's values)."""
    return RowCheck(identities, columns)


def _shown(label: str, canonical: str) -> str:
    """The end of an observed label, about as long as the canonical one (header junk left out)."""
    flat = re.sub(r"\s+", "", label)
    return flat[-(len(re.sub(r"\s+", "", canonical)) + 2) :]


def _unreadable_piece(obs: ObservedRow, raw: str):
    return Piece(BAD, raw, None, obs.line, obs.column, ambiguous=True)
