"""What the identities rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, Location
from ogilint.rule import Rule
from ogilint.spec.identities import failing, t3_identities, t4_identities

# A cell read with less confidence than this was placed by assumption (a lost cell's place guessed, a
# surplus cell dropped by guess, a row with a label that hardly names it): it is unknown when
# judging, so no identity accuses the body on the strength of the parser's guess.
GUESSED = 0.5


def _num(cell):
    """A cell's value for judging: a number, 0 for blank, None (unknown) otherwise (spec/identities.py)
    — and None for a cell the parser placed by guess (confidence below GUESSED)."""
    if cell is None or cell.confidence < GUESSED:
        return None
    return cell.as_count()


def _loc(cell, table, row, col):
    return Location(cell.line, cell.column, table, row, col)


def failures(report) -> list[dict]:
    """Every failing identity of tables 三 and 四 (spec/identities.py, judging policy): its kind, the
    row or column it runs along, its cells, expected (Σ parts) and actual (the total) value."""
    identities = []
    t3 = report.tables.get("t3")
    if t3 is not None and t3.found:
        table_spec = spec.tables_for(report.meta.template_version)["t3"]
        printed = {c for c in spec.T3_CATEGORIES if c in t3.rows and c not in {r.key for r in table_spec.rows}}
        if printed:  # a category printed as one row: the identities run over that row
            table_spec = spec.with_categories_printed(table_spec, printed)
        identities += t3_identities(table_spec, t3.present_columns)
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
            {"kind": identity.kind, **where, "expected": expected, "actual": actual, "cells": list(identity.cells)}
        )
    return out


def culprits(report, fails: list[dict]) -> dict:
    """{(row, col): [failures]} for cells shared by a failing row total and a failing column identity
    that miss by the same amount."""
    rows = [f for f in fails if f["kind"] in ("row", "subtotal")]
    cols = [f for f in fails if f["kind"] in ("balance", "handled")]
    found: dict = {}
    for r in rows:
        diff = abs(r["expected"] - r["actual"])
        for c in cols:
            if abs(abs(c["expected"] - c["actual"]) - diff) > spec.TOLERANCE:
                continue
            cell = (r["row"], c["col"])
            if cell in c["cells"]:
                found.setdefault(cell, [r]).append(c)
    return found


class _Identity(Rule):
    groups = ("identities",)
    severity = ERROR
    kind = ""

    def check(self, report, ctx):
        fails = failures(report)
        explained = {id(f) for fs in culprits(report, fails).values() for f in fs}
        for f in fails:
            if f["kind"] == self.kind and id(f) not in explained:
                yield self.make(report, f)

    def make(self, report, f):  # pragma: no cover - overridden
        raise NotImplementedError

    @staticmethod
    def related(report, table, cells):
        t = report.tables[table]
        return [_loc(t.rows[r].cells[c], table, r, c) for r, c in cells if t.rows[r].cells.get(c) is not None]


def last_year(report, run_reports):
    """The report of the same body for the previous year, among the reports of the run."""
    m = report.meta
    if not m.body or not m.year:
        return None
    for other in run_reports:
        if other.meta.body == m.body and other.meta.year == m.year - 1:
            return other
    return None
