"""DOM002 count-with-unit: 计数单元格里写了单位或文字。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.model import NUMBER
from ogilint.plugins.rules.domain.common import count_cells, count_word, has_note
from ogilint.rule import Rule


class CountWithUnit(Rule):
    """计数单元格里写了单位或文字。

    原因: 这一格应是事项的件数;写成 "5件" 或 "3 万元",说明这一格是手工填的,填的不是格式要求的内容 (见格式说明 §5
    –6)。

    量词 ("447228件") 归 DOM004 报告;数字后面括号里的说明 ("22（其中修订16件）") 是报告对一个有效计数的备注: 二
    者都不在这里报告。

    不通过的例子: "行政规范性文件⇥4⇥0⇥12元" (「现行有效件数」一格写了单位)。
    通过的例子: 只有收费金额带单位,"行政事业性收费⇥12872.06 万元"。
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
