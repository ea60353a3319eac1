"""DAT004 title-year-mismatch: 标题年度与统计期限的年度不一致。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.rule import Rule


class TitleYearMismatch(Rule):
    """标题年度与统计期限的年度不一致。

    Why: a wrong year in the title or the period is among what evaluators flag (spec §8).

    Fails: title "2023年…年度报告" with period 2022年1月1日至2022年12月31日. Passes: both 2023.
    """

    code = "DAT004"
    name = "title-year-mismatch"
    summary = "标题年度与统计期限不一致"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        m = report.meta
        if m.title is None or m.period is None or m.period.start is None:
            return
        title_year = re.search(r"((?:19|20)\d{2})\s*年", m.title)
        if title_year and int(title_year.group(1)) != int(m.period.start[:4]):
            yield self.finding(
                f"标题年度 {title_year.group(1)} 与统计期限 {m.period.start[:4]} 不一致",
                line=m.title_line,
                expected=m.period.start[:4],
                actual=title_year.group(1),
            )
