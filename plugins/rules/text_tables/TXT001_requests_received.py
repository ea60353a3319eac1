"""TXT001 requests-received: 正文所说的收到申请数与表三不符。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.plugins.rules.text_tables.common import NUMBER, _narrative, _total, _where, to_number
from ogilint.rule import Rule


class RequestsReceived(Rule):
    """正文所说的收到申请数与表三不符。

    Why: "收到政府信息公开申请N件" in 一、总体情况 must agree with table 三's 本年新收 total (some
    reports count the carried-over requests in: that sum is accepted too) (spec §5).

    Fails: text "共收到政府信息公开申请 5 件", table 三 本年新收 总计 3.
    Passes: huaian-2024 "全市共受理政府信息公开申请 3119 件" and 本年新收 总计 3119.
    """

    code = "TXT001"
    name = "requests-received"
    summary = "正文的收到申请数与表三不符"
    severity = ERROR
    groups = ("text",)

    PATTERN = re.compile(r"(?:收到|受理|接收)[^。,;，；]{0,20}?申请\s*(?:共|合计)?\s*" + NUMBER + r"\s*(?:件|份|条|个)")

    def check(self, report, ctx):
        new = _total(report, "t3", "new_received")
        if new is None:
            return
        carried = _total(report, "t3", "carried_over")
        text = _narrative(report)
        for m in self.PATTERN.finditer(text):
            if "未" in text[max(0, m.start() - 2) : m.start()]:
                continue
            n = to_number(m.group(1))
            accepted = {new.value} | ({new.value + carried.value} if carried is not None else set())
            if n is not None and n not in accepted:
                line, column = _where(report, text, m)
                yield self.finding(
                    f"正文说收到申请{n}件,表三本年新收总计为{new.value:g}件",
                    line=line,
                    column=column,
                    table="t3",
                    row="new_received",
                    col="total",
                    expected=new.value,
                    actual=n,
                    confidence=0.8,
                    related=[self._loc(new, "new_received")],
                )

    @staticmethod
    def _loc(cell, row):
        from ogilint.finding import Location

        return Location(cell.line, cell.column, "t3", row, "total")
