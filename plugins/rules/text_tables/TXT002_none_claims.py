"""TXT002 none-claims: 正文说「未收到申请」或「未发生行政复议、行政诉讼」,表中却有数。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.plugins.rules.text_tables.common import _narrative, _total, _where
from ogilint.rule import Rule


class NoneClaims(Rule):
    """正文说「未收到申请」或「未发生行政复议、行政诉讼」,表中却有数。

    Why: a claim of none that the tables contradict is text contradicting its own tables (spec §5, §8).

    Fails: "我局未收到依申请公开的政府信息申请" with 本年新收 总计 2.
    Passes: the same sentence with 本年新收 总计 0.
    """

    code = "TXT002"
    name = "none-claims"
    summary = "正文称「未收到/未发生」,表中却不为 0"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        text = _narrative(report)
        new = _total(report, "t3", "new_received")
        m = re.search(r"未(?:收到|受理|接到)[^。,;，；]{0,16}申请", text)
        if m and new is not None and new.value > 0:
            line, column = _where(report, text, m)
            yield self.finding(
                f"正文称「{m.group(0)}」,但表三本年新收总计为{new.value:g}",
                line=line,
                column=column,
                table="t3",
                row="new_received",
                col="total",
                expected=0,
                actual=new.value,
            )
        m = re.search(r"(?:未发生|未出现|没有发生|无)[^。;；]{0,24}?(?:行政复议|行政诉讼)", text)
        if m:
            totals = [_total(report, "t4", g) for g in ("review", "litigation_direct", "litigation_after_review")]
            total = sum(c.value for c in totals if c is not None)
            if total > 0:
                line, column = _where(report, text, m)
                yield self.finding(
                    f"正文称「{m.group(0)}」,但表四的复议、诉讼总计为{total:g}",
                    line=line,
                    column=column,
                    table="t4",
                    expected=0,
                    actual=total,
                )
