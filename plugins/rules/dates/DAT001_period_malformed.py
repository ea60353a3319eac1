"""DAT001 period-malformed: 统计期限写法有误,读不出起止日期。"""

from __future__ import annotations

from ogilint.finding import ERROR, WARNING
from ogilint.plugins.rules.dates.common import LOST_YEAR_MONTH
from ogilint.rule import Rule


class PeriodMalformed(Rule):
    """统计期限写法有误,读不出起止日期。

    Why: the period must read "统计期限为YYYY年1月1日至YYYY年12月31日" (spec §1); a garbled one
    ("202311日至20231231日") is a visible error of the report.

    Dates whose 年 and 月 are gone while 日 stays ("202311日至20231231日") are left that way by some
    HTML-to-text converters (the published page may read well), as often as by the body; they are
    a warning that asks for the original to be checked, not an error.

    Fails: "统计期限自2024年13月1日至2024年12月31日" (error); "统计期限自202311日至20231231日" (warning).
    Passes: "统计期限自2024年1月1日至2024年12月31日".
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
            lost = LOST_YEAR_MONTH.search(p.raw) is not None
            yield self.finding(
                f"统计期限写法有误:「{p.raw}」"
                + ("缺少「年」「月」字 (也可能是网页转成文本时丢失,请核对原文)" if lost else ""),
                severity=WARNING if lost else None,
                confidence=0.5 if lost else 1.0,
                line=p.line,
                column=p.column,
                expected=expected,
                actual=p.raw,
                hint=f"改为「{expected}」",
            )
