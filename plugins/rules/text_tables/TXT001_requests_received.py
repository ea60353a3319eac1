"""TXT001 requests-received: 正文所说的收到申请数与表三不符。"""

from __future__ import annotations

from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import RECEIVED, is_own_body, read_claims
from ogilint.plugins.rules.text_tables.common import _total, of_other_year, subject_note
from ogilint.rule import Rule


class RequestsReceived(Rule):
    """正文所说的收到申请数与表三不符。

    Why: "收到政府信息公开申请N件" in 一、总体情况 must agree with table 三's 本年新收 total (spec §5).
    Some reports count the carried-over requests in: 本年新收 + 上年结转 is accepted too. The
    sentence is read with the claims grammar (grammars/claims.lark): "共受理…申请1件", "共收到70件
    申请", "接收…各类申请共计81件", "新收…申请数量0件".

    An error only when no reading of the tables explains the text. A warning when the sentence's
    subject is not the report's own body ("区政府办代表区政府受理…17件", a department or a 乡镇 in a
    region's report: the table may count another set of requests); when the text's number is table
    三's (七)总计, the requests handled (the text may call them received); when (七)总计 cannot be read
    and the text's number is below 本年新收 + 上年结转 (it may be the requests handled); and when
    上年结转 cannot be read. A count of one day's requests ("11月4日,我局收到…申请1份") is compared
    only when it exceeds the year's; a count of another year ("2023年受理…2800件" in a 2024 report,
    "去年受理…") and a part of a list ("其中…") are not compared.

    Fails: text "共收到政府信息公开申请 5 件", table 三 本年新收 总计 3 (上年结转 0).
    Passes: huaian-2024 "全市共受理政府信息公开申请 3119 件" and 本年新收 总计 3119.
    """

    code = "TXT001"
    name = "requests-received"
    summary = "正文的收到申请数与表三不符"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        new = _total(report, "t3", "new_received")
        if new is None:
            return
        carried = _total(report, "t3", "carried_over")
        handled = _total(report, "t3", "total_handled")
        for c in read_claims(report):
            if c.kind != RECEIVED or not c.about_requests or c.opener or c.in_list or c.approx:
                continue
            if of_other_year(c, report):
                continue
            n = c.value
            ceiling = new.value + carried.value if carried is not None else None
            if n == new.value or n == ceiling:
                continue
            message = f"正文说收到申请{n:g}件,表三本年新收总计为{new.value:g}件"
            severity, confidence, why = ERROR, 0.8, ""
            if not is_own_body(c, report.meta.body):
                severity, confidence, why = WARNING, 0.5, subject_note(c, report.meta.body)
            elif c.dated and (ceiling is None or n <= ceiling):
                continue  # one day's requests, not the year's
            elif ceiling is None:
                severity, confidence, why = WARNING, 0.5, "表三上年结转未能读出,正文的数或含上年结转"
            elif n < ceiling and handled is None:
                severity, confidence, why = WARNING, 0.5, "表三(七)总计未能读出,正文的数或为办理数"
            elif handled is not None and n == handled.value:
                severity, confidence, why = WARNING, 0.6, "该数为表三(七)总计,正文或把办理数说成了收到数"
            yield self.finding(
                message + (f"({why})" if why else ""),
                line=c.line,
                column=c.column,
                table="t3",
                row="new_received",
                col="total",
                expected=new.value,
                actual=n,
                confidence=confidence,
                severity=severity,
                related=[Location(new.line, new.column, "t3", "new_received", "total")],
            )
