"""STR009 period-missing: 报告没有写明统计期限。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.plugins.rules.structure.common import Joined, _starts_inside, _truncated, segments
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind as K

# Any way of stating the period, more than the parser reads as one (``report.meta.period`` needs
# "统计期限…" and the dates): "统计时间为…", "所列统计数据的期限自…", "报告期", or the calendar year's
# first and last day in one phrase ("2023年1月1日至12月31日"), "截至…12月31日". Bounded gaps only.
_STATED = re.compile(
    r"统计(?:期限|期间|时限|时段|区间|周期|时间|范围|年度|口径)|数据(?:的)?(?:期限|时限|期间|时间)|报告期"
    r"|1\s?月\s?1\s?日.{0,16}?12\s?月\s?31\s?日|截至.{0,16}?12\s?月\s?31\s?日"
)


class PeriodMissing(Rule):
    """报告没有写明统计期限。

    Why: the figures of the report cover one calendar year, and the report states it ("本报告中所列
    数据的统计期限自2023年1月1日起至2023年12月31日止", spec §1); a wrong or missing period is among
    what evaluators flag (spec §8). Without it a reader cannot tell which year the tables count.

    Any wording of the period counts as stating it: "统计期限", "统计时间", "所列统计数据的期限", "报告期",
    or the year's first and last day in one phrase ("2023年1月1日至12月31日"). Not reported on a text
    that starts inside the report (its foreword lies outside the text), on one that breaks off (the
    period may stand past the cut), on a PDF with a page without text, nor on a text with no part
    heading at all (it may be no report).

    Fails: a report that goes from its title straight to "一、总体情况" and never names its period.
    Passes: "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。" in the foreword.
    """

    code = "STR009"
    name = "period-missing"
    summary = "没有写明统计期限"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        if report.meta.period is not None or not report.parts:
            return
        if _starts_inside(report) or _truncated(report):
            return
        if any(p.kind in (K.PAGE_NO_TEXT, K.PAGE_UNREADABLE) for p in report.problems):
            return
        if _STATED.search(Joined.of(segments(report)).text):
            return
        year = report.meta.year
        example = f"{year}年1月1日起至{year}年12月31日止" if year else "YYYY年1月1日起至YYYY年12月31日止"
        yield self.finding(
            "报告没有写明统计期限(本报告所列数据的起止日期)",
            expected=f"本报告中所列数据的统计期限自{example}",
            actual="未写明",
            confidence=0.9,
            hint=f"在报告开头写明「本报告中所列数据的统计期限自{example}」",
        )
