"""DOM002 count-with-unit: 计数单元格里写了单位或文字。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.model import NUMBER
from ogilint.plugins.rules.domain.common import count_cells, count_word, has_note
from ogilint.rule import Rule


class CountWithUnit(Rule):
    """计数单元格里写了单位或文字。

    Why: the cell holds a count of items; "5件" or "3 万元" in it means the cell was filled by hand
    with something else than the format asks (spec §5–6).

    A counting word ("447228件") is DOM004's, a bracketed note after the number ("22（其中修订16件）")
    is the report's remark on a count that stands: neither is reported here.

    Fails: "行政规范性文件⇥4⇥0⇥12元" (a unit typed in the 现行有效件数 cell).
    Passes: a unit only in the fee amount, "行政事业性收费⇥12872.06 万元".
    """

    code = "DOM002"
    name = "count-with-unit"
    summary = "计数单元格中有单位或文字"
    severity = WARNING
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind != NUMBER or count_word(cell.raw) or has_note(cell.raw):
                continue
            if not cell.raw.replace(".", "", 1).lstrip("-").isdigit():
                yield self.finding(
                    f"计数单元格中有单位或文字: {cell.raw}",
                    line=cell.line,
                    column=cell.column,
                    table=table,
                    row=row,
                    col=col,
                    expected="只填数字",
                    actual=cell.raw,
                )
