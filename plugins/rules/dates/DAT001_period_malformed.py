"""DAT001 period-malformed: 统计期限写法有误,读不出起止日期。"""

from __future__ import annotations

from ogilint.finding import ERROR, WARNING
from ogilint.plugins.rules.dates.common import LOST_YEAR_MONTH
from ogilint.rule import Rule


class PeriodMalformed(Rule):
    """统计期限写法有误,读不出起止日期。

    原因: 统计期限应写作 "统计期限为××××年1月1日至××××年12月31日" (见格式说明 §1);写乱了的期限 ("202311日至
    20231231日") 是报告中显而易见的错误。

    "年"和"月"丢了而"日"还在的日期 ("202311日至20231231日"),有些 HTML 转文本的工具会造成这种结果 (发布的网页本身
    可能写得没错),与机关自己写错一样常见;这类情况给出警告,请核对原文,而不是错误。

    不通过的例子: "统计期限自2024年13月1日至2024年12月31日" (错误);"统计期限自202311日至20231231日" (警告)。
    通过的例子: "统计期限自2024年1月1日至2024年12月31日"。
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
            expected = f"{year}年1月1日至{year}年12月31日" if year else "××××年1月1日至××××年12月31日"
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
