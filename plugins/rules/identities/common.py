"""What the identities rules share (one rule per file beside this module)."""

from __future__ import annotations

from typing import Optional

import attrs

from ogilint import spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.model import BLANK
from ogilint.rule import Rule, once_per_report
from ogilint.spec.identities import failing, t3_identities, t4_identities
from ogilint.spec.problems import ProblemKind as K

# A cell read with less confidence than this was placed by assumption (a lost cell's place guessed, a
# surplus cell dropped by guess, a row with a label that hardly names it): it is unknown when
# judging, so no identity accuses the body on the strength of the parser's guess.
GUESSED = 0.5

# How messages name the identities of table 三.
IDENTITY_NAMES = {"row": "行总计", "subtotal": "法人小计", "balance": "列平衡", "handled": "办理总计"}


def _num(cell):
    """A cell's value for judging: a number, 0 for blank, None (unknown) otherwise (spec/identities.py)
    — and None for a cell the parser placed by guess (confidence below GUESSED)."""
    if cell is None or cell.confidence < GUESSED:
        return None
    return cell.as_count()


def _loc(cell, table, row, col):
    return Location(cell.line, cell.column, table, row, col)


def t3_checked(report) -> list:
    """Table 三's identities as the report's table has them (its columns; a category printed as one
    row takes the place of its sub-rows); none when the table was not found."""
    t3 = report.tables.get("t3")
    if t3 is None or not t3.found:
        return []
    table_spec = spec.tables_for(report.meta.template_version)["t3"]
    printed = {c for c in spec.T3_CATEGORIES if c in t3.rows and c not in {r.key for r in table_spec.rows}}
    if printed:  # a category printed as one row: the identities run over that row
        table_spec = spec.with_categories_printed(table_spec, printed)
    return t3_identities(table_spec, t3.present_columns)


@once_per_report
def failures(report) -> tuple[dict, ...]:
    """Every failing identity of tables 三 and 四 (spec/identities.py, judging policy): its kind, the
    row or column it runs along, its cells, expected (Σ parts) and actual (the total) value. Worked
    out once per report for every identity rule (shared: not to be changed)."""
    identities = t3_checked(report)
    t4 = report.tables.get("t4")
    if t4 is not None and t4.found:
        identities += t4_identities()

    def value_of(table):
        rows = report.tables[table].rows
        return lambda r, c: _num(rows[r].cells.get(c))

    out = []
    for identity, expected, actual in failing(identities, value_of):
        where = {"col": identity.col} if identity.col is not None else {"row": identity.row}
        out.append(
            {
                "kind": identity.kind,
                **where,
                "expected": expected,
                "actual": actual,
                "cells": list(identity.cells),
                "left": list(identity.left),
            }
        )
    return tuple(out)


def change(f: dict, cell: tuple) -> float:
    """By how much ``cell`` must change for the failing identity ``f`` to hold (Σleft − Σright = 0)."""
    miss = f["expected"] - f["actual"]  # Σleft − Σright
    return -miss if cell in f["left"] else miss


def culprits(report, fails: list[dict]) -> dict:
    """{(row, col): [failures]} for cells shared by a failing row total and a failing column identity
    that the same change of that cell makes hold (a count stays zero or more)."""
    rows = [(f, set(f["cells"])) for f in fails if f["kind"] in ("row", "subtotal")]
    cols = [(f, set(f["cells"])) for f in fails if f["kind"] in ("balance", "handled")]
    t3 = report.tables.get("t3")
    found: dict = {}
    for r, r_cells in rows:
        for c, c_cells in cols:
            cell = (r["row"], c["col"])
            if cell not in c_cells or cell not in r_cells:
                continue
            delta = change(r, cell)
            value = _num(t3.cell(*cell)) if t3 is not None else None
            if abs(change(c, cell) - delta) > spec.TOLERANCE or value is None or value + delta < 0:
                continue
            found.setdefault(cell, [r]).append(c)
    return found


def read_by_one_cell(report) -> set:
    """Cells (row, col) of table 三 rows whose run-together digits no split made add up, read by the
    parser the one way a single cell (this one) explains: the parser's problem names the cell."""
    out = set()
    for p in report.problems:
        culprit = p.detail.get("culprit") if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t3" else None
        if culprit:
            out.add((p.row, culprit["col"]))
    return out


def row_name(report, row: str) -> str:
    """A row of table 三 as a reader finds it: its label, under its category for a sub-row
    ("(三)不予公开 5.属于三类内部事务信息"), without the note in brackets of (二)部分公开."""
    table = spec.tables_for(report.meta.template_version)["t3"]
    try:
        label = table.row(row).label
    except KeyError:
        return spec.T3_CATEGORIES.get(row, row)
    label = label.split("(区分", 1)[0]
    category = row.partition(".")[0]
    return f"{spec.T3_CATEGORIES[category]} {label}" if "." in row and category in spec.T3_CATEGORIES else label


def swapped_rows(report, fails: list[dict]) -> Optional[tuple[str, str]]:
    """The two rows of table 三 whose numbers, exchanged, make every identity of the table that fails
    as written hold (and break none that holds), when exactly one pair does: (first, second) in the
    table's order. A row's own total moves with it, so only identities down the columns can be
    mended by an exchange: with a row total failing there is none. Rows in the same place of every
    identity (本年新收 and 上年结转; two outcome rows) exchange invisibly and are never found here."""
    t3_fails = [f for f in fails if f["kind"] in ("balance", "handled", "row", "subtotal")]
    if not t3_fails or any(f["kind"] in ("row", "subtotal") for f in t3_fails):
        return None
    t3 = report.tables["t3"]
    columns = list(t3.present_columns)
    sides = []  # per column identity: its column, {row: +1 left / −1 right}, Σleft − Σright as written
    rows: dict = {}
    for identity in t3_checked(report):
        if identity.kind not in ("balance", "handled"):
            continue
        coef = {r: 1 for r, _ in identity.left} | {r: -1 for r, _ in identity.right}
        values = [_num(t3.cell(r, c)) for r, c in identity.cells]
        miss = None if None in values else sum(v * coef[r] for (r, _), v in zip(identity.cells, values))
        sides.append((identity.col, coef, miss))
        rows.update(dict.fromkeys(coef))
    value = {r: {c: _num(t3.cell(r, c)) for c in columns} for r in rows}
    known = [r for r in t3.rows if r in rows and None not in value[r].values()]  # in the table's order
    found = []
    for i, a in enumerate(known):
        for b in known[i + 1 :]:
            if value[a] == value[b]:
                continue
            mended = True
            for col, coef, miss in sides:
                if miss is None:
                    continue
                shift = (coef.get(a, 0) - coef.get(b, 0)) * (value[b][col] - value[a][col])
                if abs(miss + shift) > spec.TOLERANCE:
                    mended = False
                    break
            if mended:
                found.append((a, b))
                if len(found) > 1:
                    return None
    return found[0] if found else None


@once_per_report
def swapped_in(report) -> Optional[tuple[str, str]]:
    """:func:`swapped_rows` of the report's failing identities, once per report."""
    return swapped_rows(report, failures(report))


@once_per_report
def explained_by_one_cell(report) -> frozenset:
    """The ids of the report's failing identities that one cell explains (:func:`culprits`), worked
    out once per report: each identity rule asks."""
    return frozenset(id(f) for fs in culprits(report, failures(report)).values() for f in fs)


class _Identity(Rule):
    groups = ("identities",)
    severity = ERROR
    kind = ""

    def check(self, report, ctx):
        fails, explained = failures(report), explained_by_one_cell(report)
        if self.kind != "t4" and swapped_in(report) is not None:
            fails = [f for f in fails if f["kind"] == "t4"]  # table 三's misses are IDN011's (two rows exchanged)
            explained = frozenset()  # one cell explains a row of 三 with a column of 三: none of 四
        mine = [f for f in fails if f["kind"] == self.kind and id(f) not in explained]
        left_blank = [f for f in mine if blank_dependent(report, f)]
        for f in mine:
            if f not in left_blank:
                yield self.make(report, f)
        if left_blank:
            yield self.blank_finding(report, left_blank)

    def blank_finding(self, report, fails: list[dict]):
        """One warning for the identities that fail only if blank cells are read as 0: a report that
        leaves cells empty (a whole 总计 column, say) may have meant 0 or left them unfilled, and which
        it was cannot be told from the table (spec §5: blank, "/" and 0 are kept apart)."""
        first = self.make(report, fails[0])
        table = first.location.table
        more = f";同样的还有{len(fails) - 1}处" if len(fails) > 1 else ""
        others = [loc for f in fails[1:] for loc in self.related(report, table, f["cells"])]
        return attrs.evolve(
            first,
            severity=WARNING,
            confidence=0.5,
            message=f"{first.message}(空白单元格按 0 计;空白若是漏填,这一关系无法核对){more}",
            related=first.related + tuple(others),
            extent=first.extent + len(others),
            hint="补填空白单元格 (没有的填 0) 后再核对",
        )

    def make(self, report, f):  # pragma: no cover - overridden
        raise NotImplementedError

    @staticmethod
    def cells(report, table, cells):
        """The cells an identity involves (a guessed reading makes the finding less sure)."""
        t = report.tables[table]
        return [t.rows[r].cells[c] for r, c in cells if t.rows[r].cells.get(c) is not None]

    @staticmethod
    def related(report, table, cells):
        t = report.tables[table]
        return [_loc(t.rows[r].cells[c], table, r, c) for r, c in cells if t.rows[r].cells.get(c) is not None]


def new_and_carried_swapped(report, prev):
    """(columns, last year's 结转下年度, this year's 上年结转) when this year's 本年新收 row holds, column
    for column, what last year's report carried forward while its 上年结转 row does not: the two rows
    exchanged (IDN011 names them; IDN005 then does not report the carried-over figure again). None
    otherwise."""
    before = prev.tables.get("t3") if prev is not None else None
    if before is None or not before.found:
        return None
    now = report.tables["t3"]
    cols = [c for c in spec.T3_COLUMNS if c in now.present_columns and c in before.present_columns]
    forward = [_num(before.cell("carried_forward", c)) for c in cols]
    new = [_num(now.cell("new_received", c)) for c in cols]
    carried = [_num(now.cell("carried_over", c)) for c in cols]
    if None in forward + new + carried or not any(forward) or new != forward or carried == forward:
        return None
    return cols, forward, carried


def blank_dependent(report, f: dict) -> bool:
    """Whether failing identity ``f`` fails only because its blank cells are read as 0: a blank on
    the side that falls short could be the missing number."""
    table = "t4" if f["kind"] == "t4" else "t3"
    rows = report.tables[table].rows
    blank = {(r, c) for r, c in f["cells"] if (cell := rows[r].cells.get(c)) is not None and cell.kind == BLANK}
    if not blank:
        return False
    short = f["left"] if f["expected"] < f["actual"] else [c for c in f["cells"] if c not in f["left"]]
    return any(tuple(c) in blank for c in short)
