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

    原因: 报告中的数字涵盖一个自然年,报告要写明这一点 ("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31
    日止",见格式说明 §1);统计期限错误或缺失属于评估中会指出的问题 (见格式说明 §8)。没有它,读者无法知道表中统计的
    是哪一年。

    任何写法的期限都算写明了: "统计期限"、"统计时间"、"所列统计数据的期限"、"报告期",或在一个短语中写出一年的第
    一天和最后一天 ("2023年1月1日至12月31日")。以下情况不报告: 从报告中间开始的文本 (其前言在文本之外)、中途中断
    的文本 (期限可能在中断处之后)、有页面没有文字的 PDF,以及一个部分标题也没有的文本 (它可能不是报告)。

    不通过的例子: 报告从标题直接进入 "一、总体情况",始终没有写统计期限。
    通过的例子: 前言中写有 "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"。
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
        example = f"{year}年1月1日起至{year}年12月31日止" if year else "××××年1月1日起至××××年12月31日止"
        yield self.finding(
            "报告没有写明统计期限(本报告所列数据的起止日期)",
            expected=f"本报告中所列数据的统计期限自{example}",
            actual="未写明",
            confidence=0.9,
            hint=f"在报告开头写明「本报告中所列数据的统计期限自{example}」",
        )
