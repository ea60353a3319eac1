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

    原因: 除了收到的申请数,第一部分还常常说明表三收支平衡的其余各项 (见格式说明 §5,"第一项加第二项之和,等于第三
    项加第四项之和"): "含上年度结转申请34件" 对照 上年结转,"办结1191件" / "答复3050件" 对照 (七)总计,"另有103件
    顺延到下年度答复" / "1件结转下年度继续办理" / "转下一年度办理答复的有1件" 对照 结转下年度继续办理 (空白或读
    不出的单元格不比较)。用 claims 语法读取 (grammars/claims.lark);单独的 "答复3050件" 只有在讲申请的句子中才算
    申请数,留言、建议或复议的件数从不算。

    "办理/处理 N 件" 较宽泛: 可能指当年处理过的申请,所以除 (七)总计 外,本年新收 和 本年新收 + 上年结转 也接受。
    "办结/答复 N 件" 等于 本年新收 或 本年新收 + 上年结转 的,为警告 (正文可能把收到的申请算作已答复);其他任何差
    异都是错误。句子的主语不是报告机关时 ("市政府"、一个部门) 给出警告;"其中" 列举中的各项和另一年的数字 ("去年
    办结…") 不比较。

    不通过的例子: pingtan-2021 写 "及时依法依规办结68件",而 (七)总计 为 69。
    通过的例子: huaian-2024 "答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）",(七)总计 3050,
    上年结转 34,结转下年度继续办理 103。
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
