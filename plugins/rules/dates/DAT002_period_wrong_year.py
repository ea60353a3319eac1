"""DAT002 period-wrong-year: 统计期限不是报告年度的整个自然年。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.dates.common import describe, judge_years
from ogilint.rule import Rule


class PeriodWrongYear(Rule):
    """统计期限不是报告年度的整个自然年。

    Why: the statistics period is the calendar year of the report (spec §1); another year or a
    partial year means the wrong data or a copied report. When the period's year differs from the
    title's, the other evidence — the date of publication (the following year) and the year part
    一 keeps naming — decides which of the two is wrong, and only that one is reported: here when
    it is the period, by DAT004 when it is the title or nothing decides.

    Fails: a 2023 report published 2024-03-08 whose text speaks of 2023, with "统计期限为2022年1月1日
    至2022年12月31日". Passes: the report year's 1 Jan–31 Dec.
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
        verdict = judge_years(report)
        if verdict is not None:
            if verdict.wrong == "period":
                year = verdict.title.year
                yield self.finding(
                    f"统计期限「{p.raw}」不是{year}年的自然年;标题和其他依据都指向{year}年:"
                    f"{describe((verdict.title, *verdict.evidence))}",
                    line=p.line,
                    column=p.column,
                    expected=f"{year}-01-01 至 {year}-12-31",
                    actual=f"{p.start} 至 {p.end}",
                )
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
