"""Domain of the numbers: counts are non-negative integers; blank, "/" and 0 are kept apart
(``../shared/spec/REPORT-FORMAT.md`` §5)."""

from __future__ import annotations

from ogilint.finding import ERROR, INFO, WARNING
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule, iter_cells


def count_cells(report):
    """(table, row, col, cell) of every count cell: all but the money cells (t2 fees/procurement
    amounts of the 2021/2019 formats)."""
    for table in ("t2", "t3", "t4"):
        for row, col, cell in iter_cells(report, table):
            if table == "t2" and col == "amount":
                continue
            yield table, row, col, cell


class CountDomain(Rule):
    """计数为负数或带小数。

    Why: every count in tables 二/三/四 is a non-negative integer; only table 二's fee amount may be
    fractional, and only the 2019 format's 本年增/减 may be negative (spec §4–5).

    Fails: "予以公开⇥1.5". Passes: "予以公开⇥2".
    """

    code = "DOM001"
    name = "count-domain"
    summary = "计数为负数或带小数"
    severity = ERROR
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind != "number":
                continue
            negative = cell.value < 0 and col != "delta"
            fractional = isinstance(cell.value, float) and not cell.value.is_integer()
            if negative or fractional:
                what = "负数" if negative else "小数"
                yield self.finding(f"计数单元格为{what}: {cell.raw}", line=cell.line, column=cell.column,
                                   table=table, row=row, col=col, expected="非负整数", actual=cell.value)


class CountWithUnit(Rule):
    """计数单元格里写了单位或文字。

    Why: the cell holds a count of items; "5件" or "3 万元" in it means the cell was filled by hand
    with something else than the format asks (spec §5–6).
    """

    code = "DOM002"
    name = "count-with-unit"
    summary = "计数单元格中有单位或文字"
    severity = WARNING
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind == "number" and not cell.raw.replace(".", "", 1).lstrip("-").isdigit():
                yield self.finding(f"计数单元格中有单位或文字: {cell.raw}", line=cell.line, column=cell.column,
                                   table=table, row=row, col=col, expected="只填数字", actual=cell.raw)


class BlankOrNotApplicable(Rule):
    """计数单元格为空或填了「/」「—」(提示)。

    Why: in practice a blank count means 0 and "/" means not applicable; they are kept apart from 0
    (spec §5) and a reviewer may want them filled with 0 as the format expects.
    """

    code = "DOM003"
    name = "blank-or-not-applicable"
    summary = "计数单元格为空或为「/」"
    severity = INFO
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind in ("blank", "not_applicable"):
                shown = "空白" if cell.kind == "blank" else f"「{cell.raw}」"
                yield self.finding(f"计数单元格为{shown}", line=cell.line, column=cell.column, table=table,
                                   row=row, col=col, expected="0 或实际数字", actual=cell.raw or "空白")


@hookimpl
def ogilint_rules():
    return [CountDomain, CountWithUnit, BlankOrNotApplicable]
