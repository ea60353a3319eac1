"""DAT001 period-malformed: 统计期限写法有误,读不出起止日期。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.rule import Rule


class PeriodMalformed(Rule):
    """统计期限写法有误,读不出起止日期。

    Why: the period must read "统计期限为YYYY年1月1日至YYYY年12月31日" (spec §1); a garbled one
    ("202311日至20231231日") is a visible error of the report.

    Fails: "统计期限自202311日至20231231日". Passes: "统计期限自2024年1月1日至2024年12月31日".
    """

    code = "DAT001"
    name = "period-malformed"
    summary = "统计期限写法有误"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        p = report.meta.period
        if p is not None and (p.start is None or p.end is None):
            year = report.meta.year
            expected = f"{year}年1月1日至{year}年12月31日" if year else "YYYY年1月1日至YYYY年12月31日"
            yield self.finding(
                f"统计期限写法有误:「{p.raw}」",
                line=p.line,
                column=p.column,
                expected=expected,
                actual=p.raw,
                hint=f"改为「{expected}」",
            )
