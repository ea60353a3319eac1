"""FEE001 fee-unit-typed: 收费金额单元格里写了单位。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR, WARNING
from ogilint.plugins.rules.fees.common import _fee_cell
from ogilint.rule import Rule


class FeeUnitTyped(Rule):
    """收费金额单元格里写了单位。

    原因: 列标题已经规定了单位 (本年收费金额(单位:万元));单元格里写了单位 ("12872.06 万元"、"251000元"),说明数字
    是从别处粘贴来的,单位也常常是错的 (见格式说明 §6)。

    不通过的例子: "行政事业性收费⇥12872.06 万元"。
    通过的例子: "行政事业性收费⇥0"。
    """

    code = "FEE001"
    name = "fee-unit-typed"
    summary = "收费金额单元格中写了单位"
    severity = WARNING
    groups = ("fees",)

    def check(self, report, ctx):
        cell = _fee_cell(report)
        if cell is not None and re.search(r"元", cell.raw):
            unit = "万元" if "万元" in cell.raw else "元"
            yield self.finding(
                f"收费金额单元格中写了单位「{unit}」(表头已规定单位为万元): {cell.raw}",
                line=cell.line,
                column=cell.column,
                table="t2",
                row="fees",
                col="amount",
                expected="只填数字 (万元)",
                actual=cell.raw,
                hint="去掉单位;若原数以元计,换算为万元",
                severity=ERROR if unit == "元" else WARNING,
            )
