"""TXT005 request-flow: 正文所说的上年结转、办结(答复)、结转下年度件数与表三不符。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    FINISHED,
    HANDLED,
    is_own_body,
    read_claims,
)
from ogilint.plugins.rules.text_tables.common import _total, of_other_year, subject_note
from ogilint.rule import Rule

# The row of table 三 each kind of claim is compared with, and how messages name it.
_ROWS = {
    CARRIED_OVER: ("carried_over", "上年结转"),
    CARRIED_FORWARD: ("carried_forward", "结转下年度"),
    FINISHED: ("total_handled", ""),
    HANDLED: ("total_handled", ""),
}


class RequestFlow(Rule):
    """正文所说的上年结转、办结(答复)、结转下年度件数与表三不符。

    Why: besides the requests received, part 一 often states the rest of table 三's balance
    (spec §5, "第一项加第二项之和,等于第三项加第四项之和"): "含上年度结转申请34件" against 上年结转,
    "办结1191件" / "答复3050件" against (七)总计, "另有103件顺延到下年度答复" / "1件结转下年度继续办理" /
    "转下一年度办理答复的有1件" against 结转下年度继续办理 (a blank or unreadable cell is not compared).
    Read with the claims grammar (grammars/claims.lark); a bare "答复3050件"
    counts requests only in a sentence about requests, and a count of 留言, 建议 or 复议 is never one.

    "办理/处理 N 件" is loose: it may mean the requests dealt with in the year, so 本年新收 and 本年新收
    + 上年结转 are accepted besides (七)总计. "办结/答复 N 件" equal to 本年新收 or 本年新收 + 上年结转 is a
    warning (the text may count the requests received as answered); any other difference is an
    error. A sentence whose subject is not the report's body ("市政府", a department) gives a warning;
    the parts of a "其中" list and counts of another year ("去年办结…") are not compared.

    Fails: pingtan-2021 with "及时依法依规办结68件" while (七)总计 is 69.
    Passes: huaian-2024 "答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）" with
    (七)总计 3050, 上年结转 34, 结转下年度继续办理 103.
    """

    code = "TXT005"
    name = "request-flow"
    summary = "正文的上年结转、办结、结转下年度件数与表三不符"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        new = _total(report, "t3", "new_received")
        carried = _total(report, "t3", "carried_over")
        for c in read_claims(report):
            if c.kind not in _ROWS or not c.about_requests or c.approx:
                continue
            if (c.opener or c.in_list) and not (c.kind == CARRIED_OVER and c.opener in ("含", "包括")):
                continue  # a part of another count ("其中办结…"), except the carried-over requests it includes
            if c.kind in (FINISHED, HANDLED) and of_other_year(c, report):
                continue
            row, word = _ROWS[c.kind]
            label = spec.T3_2021.row(row).label
            cell = _total(report, "t3", row)
            if cell is None or c.value == cell.value:
                continue
            received = {new.value} if new is not None else set()
            if new is not None and carried is not None:
                received.add(new.value + carried.value)
            severity, confidence, why = ERROR, 0.8, ""
            if c.kind == HANDLED and c.verb in ("办理", "处理") and c.value in received:
                continue
            if not is_own_body(c, report.meta.body):
                severity, confidence, why = WARNING, 0.5, subject_note(c, report.meta.body)
            elif c.kind in (FINISHED, HANDLED) and c.value in received:
                severity, confidence, why = (
                    WARNING,
                    0.6,
                    "该数为表三本年新收(或加上年结转)之数,正文或把收到数说成了办结数",
                )
            yield self.finding(
                f"正文说{word or c.verb}申请{c.value:g}件,表三「{label}」行的总计为{cell.value:g}件"
                + (f"({why})" if why else ""),
                line=c.line,
                column=c.column,
                table="t3",
                row=row,
                col="total",
                expected=cell.value,
                actual=c.value,
                confidence=confidence,
                severity=severity,
                related=[Location(cell.line, cell.column, "t3", row, "total")],
            )
