"""STR005 template-year-mismatch: 报告所用的表格格式与报告年度不符。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.rule import Rule


class TemplateYearMismatch(Rule):
    """报告所用的表格格式与报告年度不符。

    原因: 2021 年及以后的报告使用 2021 年版格式 (国办公开办函〔2021〕30号);2019 和 2020 年的报告使用 2019 年试行
    格式 (见格式说明 §2)。不相符本身就是一条发现。

    不通过的例子: 一份 2022 年报告,表二有 本年新制作数量/本年新公开数量。
    通过的例子: 本年制发件数。
    """

    code = "STR005"
    name = "template-year-mismatch"
    summary = "表格格式版本与报告年度不符"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        m = report.meta
        if not m.template_detected or m.year is None:
            return
        expected = spec.template_for_year(m.year)
        if m.template_version != expected:
            t2 = report.tables.get("t2")
            yield self.finding(
                f"{m.year}年度报告使用了{m.template_version}年版表格格式 (应为{expected}年版)",
                line=t2.line if t2 is not None else None,
                expected=expected,
                actual=m.template_version,
                extent=10,
                hint="依据: " + "、".join(m.template_evidence[:3]),
            )
