"""DOM003 blank-or-not-applicable: 计数单元格为空或填了「/」「—」(提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.model import BLANK, NOT_APPLICABLE
from ogilint.plugins.rules.domain.common import count_cells
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind


class BlankOrNotApplicable(Rule):
    """计数单元格为空或填了「/」「—」(提示)。

    Why: in practice a blank count means 0 and "/" means not applicable; they are kept apart from 0
    (spec §5) and a reviewer may want them filled with 0 as the format expects.

    A table whose cells are all blank is reported once as empty (EXT008), not here cell by cell.

    Fails: "规章⇥0⇥⇥0" (a blank cell) and "行政许可⇥/". Passes: every count cell filled with a number.
    """

    code = "DOM003"
    name = "blank-or-not-applicable"
    summary = "计数单元格为空或为「/」"
    severity = INFO
    groups = ("domain",)

    def check(self, report, ctx):
        empty = {p.table for p in report.problems if p.kind == ProblemKind.TABLE_EMPTY}
        for table, row, col, cell in count_cells(report):
            if cell.kind in (BLANK, NOT_APPLICABLE) and table not in empty:
                shown = "空白" if cell.kind == BLANK else f"「{cell.raw}」"
                yield self.finding(
                    f"计数单元格为{shown}",
                    line=cell.line,
                    column=cell.column,
                    table=table,
                    row=row,
                    col=col,
                    expected="0 或实际数字",
                    actual=cell.raw or "空白",
                )
