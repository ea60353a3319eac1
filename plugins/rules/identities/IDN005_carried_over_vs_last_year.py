"""IDN005 carried-over-vs-last-year: 本年「上年结转」应等于上一年报告的「结转下年度继续办理」。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.plugins.rules.identities.common import _num, new_and_carried_swapped
from ogilint.rule import Rule, last_year


class CarriedOver(Rule):
    """本年「上年结转」应等于上一年报告的「结转下年度继续办理」。

    原因: 结转到本年的申请,正是上一年报告结转下年度的那些 (见格式说明 §5,跨年度)。运行中有同一机关上一年的报告时
    才检查。

    不通过的例子: 2024 年报告 上年结转 总计 34,2023 年报告 结转下年度继续办理 总计 30。
    通过的例子: 二者逐列相等。
    """

    code = "IDN005"
    name = "carried-over-vs-last-year"
    summary = "上年结转与上一年报告的结转下年度不一致"
    severity = ERROR
    groups = ("identities", "cross-year")
    across_reports = True  # last year's report of the same body

    def check(self, report, ctx):
        prev = last_year(report, ctx.run_reports)
        if prev is None or new_and_carried_swapped(report, prev) is not None:
            return  # the two rows exchanged: IDN011's finding, not a wrong carried-over figure
        now_t3, prev_t3 = report.tables["t3"], prev.tables["t3"]
        for c in spec.T3_COLUMNS:
            now = now_t3.cell("carried_over", c)
            before = prev_t3.cell("carried_forward", c)
            a, b = _num(now), _num(before)
            if a is None or b is None or abs(a - b) < spec.TOLERANCE:
                continue
            yield self.finding(
                f"表三「{spec.COLUMN_LABELS[c]}」列上年结转为 {a:g},但 {prev.meta.year} 年报告的结转下年度继续办理为 {b:g}",
                line=now.line,
                column=now.column,
                table="t3",
                row="carried_over",
                col=c,
                expected=b,
                actual=a,
                hint=f"核对 {prev.meta.year} 年报告 ({prev.meta.source or ''}) 的结转数",
            )
