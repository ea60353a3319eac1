"""DAT004 title-year-mismatch: 标题年度与统计期限的年度不一致。"""

from __future__ import annotations

from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.dates.common import describe, judge_years, other_evidence, period_year, title_year
from ogilint.rule import Rule


class TitleYearMismatch(Rule):
    """标题年度与统计期限的年度不一致。

    原因: 标题或统计期限中的年份写错,属于评估中会指出的问题 (见格式说明 §8)。二者与其他证据 (发布日期、第一部分
    一再提到的年份) 一并判断,只报告一次: 标题与其他证据不一致,或无法判断时 (此时消息会说明),由本规则报告;统计期
    限与其他证据不一致时由 DAT002 报告。

    读不出统计期限时,用解析器根据其他证据确定的年度来对照标题 (``Meta.year``: 至少两个来源 —— 发布日期、正文提到
    最多的年份 —— 一致指向另一年,且没有一个来源支持标题的年份)。

    不通过的例子: 标题为 "2023年…年度报告",统计期限为 2024年1月1日至2024年12月31日,正文讲的是 2024 年。
    通过的例子: 二者都是 2024 年。
    """

    code = "DAT004"
    name = "title-year-mismatch"
    summary = "标题年度与统计期限不一致"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        verdict = judge_years(report)
        if verdict is None:
            yield from self._without_period(report)
            return
        if verdict.wrong == "period":
            return
        title, period = verdict.title, verdict.period
        if verdict.wrong == "title":
            why = f";其他依据都指向{period.year}年:{describe((period, *verdict.evidence))}"
        else:
            why = f";{describe(verdict.evidence)}不足以判断哪一个有误" if verdict.evidence else ",请核对哪一个有误"
        yield self.finding(
            f"标题年度 {title.year} 与统计期限 {period.year} 不一致{why}",
            line=title.line,
            expected=str(period.year),
            actual=str(title.year),
            related=[Location(line=period.line, column=report.meta.period.column)],
        )

    def _without_period(self, report):
        title, year = title_year(report), report.meta.year
        if title is None or year is None or period_year(report) is not None:
            return
        if title.year != year:  # the parser settled on another year: two sources at least
            evidence = [e for e in other_evidence(report) if e.year == year]
            shown = f":{describe(evidence)}" if evidence else ""
            yield self.finding(
                f"标题年度 {title.year} 与报告其他依据所指的年度 {year} 不一致{shown}",
                line=title.line,
                expected=str(year),
                actual=str(title.year),
            )
            return
        evidence = other_evidence(report)
        against = [e for e in evidence if e.year != title.year]
        if against and len(against) == len(evidence):  # one source only, and nothing for the title
            yield self.finding(
                f"标题年度 {title.year} 与其他依据不一致:{describe(against)};没有统计期限可以核对,请核对标题年度",
                severity=WARNING,
                confidence=0.6,
                line=title.line,
                expected=str(against[0].year),
                actual=str(title.year),
            )
