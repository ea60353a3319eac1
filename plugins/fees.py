"""Fees: table 二's 行政事业性收费 amount (万元) and the 信息处理费 statement of part 六
(``../shared/spec/REPORT-FORMAT.md`` §6; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号)."""

from __future__ import annotations

import re

from ogilint.finding import ERROR, WARNING
from ogilint.hookspec import hookimpl
from ogilint.parse.labels import clean
from ogilint.rule import Rule


def _fee_cell(report):
    if report.meta.template_version != "2021":
        return None  # the 2019 format's fee row counts items, not money
    t2 = report.tables.get("t2")
    cell = t2.cell("fees", "amount") if t2 is not None else None
    return cell if cell is not None and cell.kind == "number" else None


class FeeUnitTyped(Rule):
    """收费金额单元格里写了单位。

    Why: the column header already fixes the unit (本年收费金额(单位:万元)); a unit typed into the
    cell ("12872.06 万元", "251000元") shows the figure was pasted from elsewhere and is often in the
    wrong unit (spec §6).

    Fails: "行政事业性收费⇥12872.06 万元". Passes: "行政事业性收费⇥0".
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
            yield self.finding(f"收费金额单元格中写了单位「{unit}」(表头已规定单位为万元): {cell.raw}",
                               line=cell.line, column=cell.column, table="t2", row="fees", col="amount",
                               expected="只填数字 (万元)", actual=cell.raw,
                               hint="去掉单位;若原数以元计,换算为万元",
                               severity=ERROR if unit == "元" else WARNING)


class FeeDecimals(Rule):
    """收费金额的小数位数不合规。

    Why: an amount with six decimals is an unrounded 元→万元 conversion; some provinces fix the
    number of decimals in the header ("(单位:万元,保留4位小数)", Henan, spec §6–7).

    Fails: "24252.311082" (six decimals). Passes: "96171.6"; "0".
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
            yield self.finding(f"收费金额应保留{required}位小数,实际为{places}位: {digits}", line=cell.line,
                               column=cell.column, table="t2", row="fees", col="amount",
                               expected=f"{required}位小数", actual=digits)
        elif places > ctx.options.get("max_decimals", 4):
            yield self.finding(f"收费金额有{places}位小数,像是未经取舍的元→万元换算: {digits}", line=cell.line,
                               column=cell.column, table="t2", row="fees", col="amount",
                               expected=f"至多{ctx.options.get('max_decimals', 4)}位小数", actual=digits,
                               hint="按万元保留适当位数 (如 2 位或地方规定的位数)")


class FeeImplausible(Rule):
    """收费金额与机关的类型和层级不相称。

    Why: most bodies that charge nothing — science, statistics, petition bureaus, townships —
    report 0; 12872.06 万元 (128 million yuan) from a municipal science bureau is implausible and
    usually a unit or a copy error (spec §6). Whole-city governments do collect large sums.
    Thresholds (万元) are options: the first pattern that matches the body's name applies.

    Fails: 聊城市科学技术局 "12872.06 万元". Passes: 淮安市人民政府 96171.6 (a city's total).
    """

    code = "FEE003"
    name = "fee-implausible"
    summary = "收费金额与机关类型不相称"
    severity = ERROR
    groups = ("fees",)
    options = {"limits": {"科学技术|科技|统计|信访|档案|地方志|研究室|乡|镇|街道|苏木": 100,
                          "人民政府|管委会|管理委员会": None},
               "default_limit": 50000}

    def check(self, report, ctx):
        cell = _fee_cell(report)
        if cell is None or not cell.value:
            return
        body = report.meta.body or report.meta.title or ""
        limit = ctx.options.get("default_limit")
        for pattern, value in ctx.options.get("limits", {}).items():
            if re.search(pattern, body):
                limit = value
                break
        if limit is not None and cell.value > limit:
            yield self.finding(f"{body or '本机关'}的行政事业性收费 {cell.value} 万元 (约 {cell.value / 10000:.2f} 亿元)"
                               f"与其类型不相称 (上限参考 {limit:g} 万元)", line=cell.line, column=cell.column,
                               table="t2", row="fees", col="amount", expected=f"≤ {limit:g}", actual=cell.value,
                               hint="核对单位 (元/万元) 和数据来源;不收费的机关应填 0", confidence=0.85)


class ProcessingFeeStatement(Rule):
    """第六部分没有说明信息处理费的收取情况,或以万元表述。

    Why: the 信息处理费 charged to requesters (国办函〔2020〕109号) is reported in part 六, in 元;
    confusing it with table 二's 万元 figure is a classic error (spec §6).

    Fails: "六、其他需要报告的事项 / 无". Passes: "本年度未收取信息处理费" in part 六.
    """

    code = "FEE004"
    name = "processing-fee-statement"
    summary = "第六部分未说明信息处理费或单位用万元"
    severity = WARNING
    groups = ("fees",)

    def check(self, report, ctx):
        part = report.part(6)
        if part is None:
            return
        text = report.part_text(6)
        if "处理费" not in clean(text):
            yield self.finding("第六部分没有说明信息处理费的收取情况", line=part.line, column=part.column,
                               expected="信息处理费收取情况 (元)", actual="未提及",
                               hint="写明本年度收取信息处理费的金额 (元),未收取的写明未收取")
        elif re.search(r"处理费[^。]{0,30}?\d+(?:\.\d+)?\s*万元", text):
            yield self.finding("信息处理费以万元表述;该费用按元计算并报告", line=part.line, column=part.column,
                               expected="元", actual="万元")


class UnpaidFeeWithoutStatement(Rule):
    """表三「逾期未按收费通知要求缴纳费用」不为 0,但全文没有提到信息处理费。

    Why: that row counts requests dropped because a fee notice went unpaid, so fees were charged;
    part 六 should state them (spec §6).

    Fails: other.unpaid_fee total 6 with no "信息处理费" in the text. Passes: huaian-2024 (3940 元).
    """

    code = "FEE005"
    name = "unpaid-fee-without-statement"
    summary = "有逾期未缴费的申请,却未说明信息处理费"
    severity = WARNING
    groups = ("fees",)

    def check(self, report, ctx):
        t3 = report.tables.get("t3")
        cell = t3.cell("other.unpaid_fee", "total") if t3 is not None else None
        if cell is None or cell.kind != "number" or not cell.value:
            return
        if "处理费" not in clean("".join(report.lines)):
            yield self.finding(f"表三有{cell.value:g}件申请因逾期未缴费不再处理,但全文没有说明信息处理费",
                               line=cell.line, column=cell.column, table="t3", row="other.unpaid_fee", col="total",
                               actual=cell.value, hint="在第六部分说明信息处理费的收取情况")


@hookimpl
def ogilint_rules():
    return [FeeUnitTyped, FeeDecimals, FeeImplausible, ProcessingFeeStatement, UnpaidFeeWithoutStatement]
