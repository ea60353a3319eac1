"""FEE005 unpaid-fee-without-statement: 表三「逾期未按收费通知要求缴纳费用」不为 0,但全文没有提到信息处理费。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.model import NUMBER
from ogilint.rule import Rule
from ogilint.text import clean


class UnpaidFeeWithoutStatement(Rule):
    """表三「逾期未按收费通知要求缴纳费用」不为 0,但全文没有提到信息处理费。

    原因: 这一行统计的是因申请人未按收费通知缴费而不再处理的申请,说明收取过费用;第六部分应当说明 (见格式说明
    §6)。

    不通过的例子: 表三「2.申请人逾期未按收费通知要求缴纳费用…」一行的总计为 6,全文却没有 "信息处理费"。
    通过的例子: huaian-2024 (3940 元)。
    """

    code = "FEE005"
    name = "unpaid-fee-without-statement"
    summary = "有逾期未缴费的申请,却未说明信息处理费"
    severity = WARNING
    groups = ("fees",)

    def check(self, report, ctx):
        t3 = report.tables.get("t3")
        cell = t3.cell("other.unpaid_fee", "total") if t3 is not None else None
        if cell is None or cell.kind != NUMBER or not cell.value:
            return
        if "处理费" not in clean("".join(report.lines)):
            yield self.finding(
                f"表三有{cell.value:g}件申请因逾期未缴费不再处理,但全文没有说明信息处理费",
                line=cell.line,
                column=cell.column,
                table="t3",
                row="other.unpaid_fee",
                col="total",
                actual=cell.value,
                hint="在第六部分说明信息处理费的收取情况",
            )
