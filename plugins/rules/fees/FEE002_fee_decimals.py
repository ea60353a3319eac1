"""FEE002 fee-decimals: 收费金额的小数位数不合规。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.plugins.rules.fees.common import _fee_cell
from ogilint.rule import Rule


class FeeDecimals(Rule):
    """收费金额的小数位数不合规。

    原因: 六位小数的金额是由元换算成万元后没有取舍的结果;有些省份在表头规定了小数位数 ("(单位:万元,保留4位小
    数)",河南,见格式说明 §6–7)。

    不通过的例子: "24252.311082" (六位小数)。
    通过的例子: "96171.6";"0"。
    """

    code = "FEE002"
    name = "fee-decimals"
    summary = "收费金额小数位数过多或不符合地方规定"
    severity = WARNING
    groups = ("fees",)
    options = {"max_decimals": 4, "decimals": None}

    def check(self, report, ctx):
        cell = _fee_cell(report)
        if cell is None:
            return
        digits = cell.raw.split()[0]
        places = len(digits.split(".", 1)[1]) if "." in digits else 0
        required = ctx.options.get("decimals")
        header = re.search(r"保留\s*(\d)\s*位小数", "".join(report.lines))
        if header:
            required = int(header.group(1))
        if required is not None and places not in (0, required) and cell.value != 0:
            yield self.finding(
                f"收费金额应保留{required}位小数,实际为{places}位: {digits}",
                line=cell.line,
                column=cell.column,
                table="t2",
                row="fees",
                col="amount",
                expected=f"{required}位小数",
                actual=digits,
            )
        elif places > ctx.options.get("max_decimals", 4):
            yield self.finding(
                f"收费金额有{places}位小数,像是未经取舍的元→万元换算: {digits}",
                line=cell.line,
                column=cell.column,
                table="t2",
                row="fees",
                col="amount",
                expected=f"至多{ctx.options.get('max_decimals', 4)}位小数",
                actual=digits,
                hint="按万元保留适当位数 (如 2 位或地方规定的位数)",
            )
