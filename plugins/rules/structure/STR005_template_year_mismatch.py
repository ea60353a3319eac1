"""STR005 template-year-mismatch: 报告所用的表格格式与报告年度不符。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.rule import Rule


class TemplateYearMismatch(Rule):
    """报告所用的表格格式与报告年度不符。

    Why: reports for 2021 onward use the 2021 format (国办公开办函〔2021〕30号); 2019 and 2020 use
    the 2019 trial format (spec §2). A mismatch is itself a finding.

    Fails: a 2022 report whose table 二 has 本年新制作数量/本年新公开数量. Passes: 本年制发件数.
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
