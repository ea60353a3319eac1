"""DAT002 period-wrong-year: 统计期限不是报告年度的整个自然年。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.dates.common import describe, judge_years
from ogilint.rule import Rule


class PeriodWrongYear(Rule):
    """统计期限不是报告年度的整个自然年。

    原因: 统计期限是报告年度的自然年 (见格式说明 §1);写成别的年份或不满一年,说明数据有误或报告是照抄的。期限的年
    份与标题不同时,由其他证据 —— 发布日期 (应在次年) 和第一部分一再提到的年份 —— 判断两者中哪一个错了,只报告错的
    那一个: 是期限时由本规则报告,是标题或无法判断时由 DAT004 报告。

    不通过的例子: 一份 2023 年报告,发布于 2024-03-08,正文讲的是 2023 年,却写着 "统计期限为2022年1月1日至2022年12
    月31日"。
    通过的例子: 报告年度的 1 月 1 日至 12 月 31 日。
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
