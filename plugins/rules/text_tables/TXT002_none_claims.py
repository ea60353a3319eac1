"""TXT002 none-claims: 正文说「未收到申请」或「未发生行政复议、行政诉讼」,表中却有数。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.plugins.rules.text_tables.common import _narrative, _total, _where
from ogilint.rule import Rule

# A request that names these is a request for review or a lawsuit (table 四), not for information.
_REVIEW = re.compile(r"复议|诉讼")


def _object(said: str) -> str:
    """What a "未收到…申请" says was not received, up to its first 申请 (依申请公开 is no end)."""
    m = re.search(r"(?<!依)申请(?!人|书|表)", said)
    return said[: m.start()] if m else said


class NoneClaims(Rule):
    """正文说「未收到申请」或「未发生行政复议、行政诉讼」,表中却有数。

    原因: 说 "一件也没有" 而表格与之相矛盾,就是正文与其自己的表格相矛盾 (见格式说明 §5、§8)。"未收到申请" 与表
    三 本年新收 的总计比较,除非没有收到的是复议申请 ("未收到政府信息公开类行政复议申请及行政诉讼案件"): 这时与表
    四中句子提到的各组的总计比较;"未发生行政复议、行政诉讼" 与表四的总计比较;"未发生…被行政复议纠错或行政诉讼败
    诉的情况" 只是说没有被纠正或败诉的,与表四中句子提到的各组的 结果纠正 单元格比较。

    "未收到该申请人提交的补正" 说的是申请人,不是申请: 不算这种说法。

    不通过的例子: "我局未收到依申请公开的政府信息申请",本年新收 总计 2。
    通过的例子: 同一句话,本年新收 总计 0。
    """

    code = "TXT002"
    name = "none-claims"
    summary = "正文称「未收到/未发生」,表中却不为 0"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        text = _narrative(report)
        new = _total(report, "t3", "new_received")
        for m in re.finditer(r"未(?:收到|受理|接到)[^。,;，；]{0,16}申请(?!人|书|表)", text):
            if _REVIEW.search(_object(m.group(0))):
                # "未收到政府信息公开类行政复议申请及行政诉讼案件": no review or lawsuit, a claim about table 四.
                yield from self._none_received_review(report, text, m)
                continue
            if new is not None and new.value > 0:
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
            break
        m = re.search(r"(?:未发生|未出现|没有发生|无)[^。;；]{0,24}?(?:行政复议|行政诉讼)", text)
        if m:
            yield from self._review_claim(report, text, m)

    def _none_received_review(self, report, text, m):
        """ "未收到…行政复议申请(及行政诉讼案件)": against table 四's totals of the groups the clause names."""
        clause = re.split(r"[。;；，,]", text[m.start() : m.start() + 60])[0]
        groups, names = [], []
        if "复议" in clause:
            groups.append("review")
            names.append("行政复议")
        if "诉讼" in clause:
            groups += ["litigation_direct", "litigation_after_review"]
            names.append("行政诉讼")
        cells = [_total(report, "t4", g) for g in groups]
        total = sum(c.value for c in cells if c is not None)
        if total > 0:
            line, column = _where(report, text, m)
            yield self.finding(
                f"正文称「{clause.replace(chr(10), '')}」,但表四的{'、'.join(names)}总计为{total:g}",
                line=line,
                column=column,
                table="t4",
                col="total",
                expected=0,
                actual=total,
            )

    def _review_claim(self, report, text, m):
        # The rest of the clause says what did not happen: "…被行政复议纠错或行政诉讼败诉的情况" claims
        # no review corrected and no lawsuit lost, not that there was no review or lawsuit at all.
        clause = text[m.start() : m.start() + 60]
        clause = re.split(r"[。;；]", clause)[0]
        corrected = list(re.finditer(r"纠错|纠正|败诉|撤销|确认违法|被改变", clause))
        quote = m.group(0)
        if corrected:
            groups, names = [], []
            if "复议" in clause:
                groups.append("review")
                names.append("行政复议")
            if "诉讼" in clause or "败诉" in clause:
                groups += ["litigation_direct", "litigation_after_review"]
                names.append("行政诉讼")
            cells = [_total(report, "t4", g, "corrected") for g in groups]
            total = sum(c.value for c in cells if c is not None)
            what, col = f"{'、'.join(names)}的「结果纠正」", "corrected"
            quote = clause[: corrected[-1].end()].replace("\n", "")
        else:
            cells = [_total(report, "t4", g) for g in ("review", "litigation_direct", "litigation_after_review")]
            total = sum(c.value for c in cells if c is not None)
            what, col = "复议、诉讼总计", "total"
        if total > 0:
            line, column = _where(report, text, m)
            yield self.finding(
                f"正文称「{quote}」,但表四的{what}为{total:g}",
                line=line,
                column=column,
                table="t4",
                col=col,
                expected=0,
                actual=total,
            )
