"""TXT001 requests-received: 正文所说的收到申请数与表三不符。"""

from __future__ import annotations

from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import RECEIVED, is_own_body, read_claims
from ogilint.plugins.rules.text_tables.common import _total, of_other_year, subject_note
from ogilint.rule import Rule


class RequestsReceived(Rule):
    """正文所说的收到申请数与表三不符。

    原因: 一、总体情况中的 "收到政府信息公开申请N件" 必须与表三 本年新收 的总计一致 (见格式说明 §5)。有些报告把
    上年结转的申请也算进去: 本年新收 + 上年结转 也接受。句子用 claims 语法读取 (grammars/claims.lark): "共受理…
    申请1件"、"共收到70件申请"、"接收…各类申请共计81件"、"新收…申请数量0件"。

    只有对表格的任何一种解读都解释不了正文时,才是错误。以下情况为警告: 句子的主语不是报告机关本身 ("区政府办代表
    区政府受理…17件",地区报告中的一个部门或乡镇: 表中统计的可能是另一批申请);正文的数字等于表三的 (七)总计,即办
    理的申请数 (正文可能把它们称作收到的);(七)总计 读不出、而正文的数字小于 本年新收 + 上年结转 (可能是办理的申
    请数);以及 上年结转 读不出。某一天收到的申请数 ("11月4日,我局收到…申请1份") 只在超过全年数时才比较;另一年的
    数字 (2024 年报告中的 "2023年受理…2800件"、"去年受理…") 和列举中的一项 ("其中…") 不比较。

    不通过的例子: 正文 "共收到政府信息公开申请 5 件",表三 本年新收 总计 3 (上年结转 0)。
    通过的例子: huaian-2024 "全市共受理政府信息公开申请 3119 件",本年新收 总计 3119。
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
