"""DAT002 period-wrong-year: 统计期限不是报告年度的整个自然年。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.rule import Rule


class PeriodWrongYear(Rule):
    """统计期限不是报告年度的整个自然年。

    Why: the statistics period is the calendar year of the report (spec §1); another year or a
    partial year means the wrong data or a copied report.

    Fails: a 2023 report "统计期限为2022年1月1日至2022年12月31日". Passes: the report year's 1 Jan–31 Dec.
    """

    code = "DAT002"
    name = "period-wrong-year"
    summary = "统计期限不是报告年度的自然年"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        p, year = report.meta.period, report.meta.year
        if p is None or p.start is None or p.end is None or year is None:
            return
        want = (f"{year}-01-01", f"{year}-12-31")
        if (p.start, p.end) != want:
            yield self.finding(
                f"统计期限「{p.raw}」不是{year}年的自然年",
                line=p.line,
                column=p.column,
                expected=f"{want[0]} 至 {want[1]}",
                actual=f"{p.start} 至 {p.end}",
            )
