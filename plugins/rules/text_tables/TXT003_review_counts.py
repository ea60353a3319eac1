"""TXT003 review-counts: 正文所说的行政复议、行政诉讼件数与表四不符。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.plugins.rules.text_tables.common import NUMBER, _narrative, _total, _where, to_number
from ogilint.rule import Rule


class ReviewCounts(Rule):
    """正文所说的行政复议、行政诉讼件数与表四不符。

    原因: 正文所说的件数必须与表四的总计一致 (见格式说明 §5)。

    不通过的例子: "政府信息公开行政复议 5 件",行政复议 总计 3。
    通过的例子: huaian-2024 "行政复议 351 件" / "行政诉讼 46 件" (26 + 20)。
    """

    code = "TXT003"
    name = "review-counts"
    summary = "正文的复议、诉讼件数与表四不符"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        text = _narrative(report)
        review = _total(report, "t4", "review")
        direct = _total(report, "t4", "litigation_direct")
        after = _total(report, "t4", "litigation_after_review")
        checks = []
        if review is not None:
            checks.append(("行政复议", review.value, "review"))
        if direct is not None and after is not None:
            checks.append(("行政诉讼", direct.value + after.value, "litigation_direct"))
        for word, value, row in checks:
            for m in re.finditer(word + r"(?:案件)?\s*(?:共)?\s*" + NUMBER + r"\s*(?:件|起)", text):
                n = to_number(m.group(1))
                if n is not None and n != value:
                    line, column = _where(report, text, m)
                    yield self.finding(
                        f"正文说{word}{n}件,表四为{value:g}件",
                        line=line,
                        column=column,
                        table="t4",
                        row=row,
                        col="total",
                        expected=value,
                        actual=n,
                        confidence=0.8,
                    )
