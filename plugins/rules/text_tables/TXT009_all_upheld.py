"""TXT009 all-upheld: 正文称行政复议、行政诉讼均获维持,表四却有纠正、其他结果或尚未审结的案件。"""

from __future__ import annotations

import re

from ogilint import model, spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import VERDICT, is_own_body, read_claims
from ogilint.plugins.rules.text_tables.common import of_other_year, subject_note
from ogilint.rule import Rule

GUESSED = 0.5  # a cell read by guess is not judged (identities/common.GUESSED)
SURE = 0.9  # an error needs the cells that contradict the text read at least this well

# The groups of table 四 a sentence names before its "均获维持" (since its last semicolon).
_AFTER_REVIEW = re.compile(r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)")
_DIRECT = re.compile(r"未经复议|直接(?:提起)?(?:行政)?(?:起诉|诉讼)")
_LITIGATION = re.compile(r"诉讼|起诉|应诉")
_REVIEW = re.compile(r"复议")
# The sentence itself grants exceptions ("除1件尚未审结外,其余均获维持"), or speaks of other years.
_EXCEPTED = re.compile(r"其余|其他|其它|剩余|余下|另有|除|去年|上年|往年|历年")
# The claim is about the cases concluded ("已审结的均获维持"): a case still open does not contradict it.
_CONCLUDED = re.compile(r"审结|结案|已结|终结")

# The sentence is about information disclosure: a government's text may tell of all its reviews.
_DISCLOSURE = re.compile(r"公开|信息|申请")

_CONTRADICTING = ("corrected", "other", "pending")


def groups_named(text: str) -> tuple[str, ...]:
    """The rows of table 四 a text names: "行政复议" → review, "诉讼" → both kinds of lawsuit,
    "复议后起诉" / "直接起诉" → one of them."""
    found = []
    rest = _DIRECT.sub("", _AFTER_REVIEW.sub("", text))
    if _REVIEW.search(rest):
        found.append("review")
    if _DIRECT.search(text):
        found.append("litigation_direct")
    if _AFTER_REVIEW.search(text):
        found.append("litigation_after_review")
    if _LITIGATION.search(rest) and not (_DIRECT.search(text) or _AFTER_REVIEW.search(text)):
        found += ["litigation_direct", "litigation_after_review"]
    return tuple(found)


def _quote(scope: str) -> str:
    """The words of the claim, from the groups it names (at most 40 characters)."""
    scope = scope.strip()
    return scope if len(scope) <= 40 else "…" + scope[-40:]


class AllUpheld(Rule):
    """正文称行政复议、行政诉讼均获维持,表四却有纠正、其他结果或尚未审结的案件。

    原因: "信息公开类行政复议7件，诉讼9件，均获维持" 是说句中提到的每一件复议和诉讼都以维持机关的决定告终,而表四
    统计每一组的 结果维持、结果纠正、其他结果 和 尚未审结 (见格式说明 §4–§5,正文对照表格)。用 claims 语法读取
    (grammars/claims.lark,起始符号 ``verdict``: "均获维持"、"均被维持"、"均维持原行政行为"、"全部维持");比较的组
    是句中在它之前 (自最后一个分号起) 提到的那些 ("复议" → 行政复议,"诉讼" → 两类诉讼,"复议后起诉" / "直接起诉"
    → 其中一类)。以下不比较: 没有提到任何组的句子、留有例外的句子 ("其余均获维持")、提到其他年份的句子,或与信息
    公开无关的句子 (句中没有 公开、信息 或 申请: 政府可能讲的是它所有的复议);表四中该组一行未读取或加不上的组。
    关于已审结案件的说法 ("已审结的均获维持") 只与 结果纠正 和 其他结果 相矛盾。

    以下情况为错误: 句中提到的一组 结果纠正 或 其他结果 大于 0,句子的主语是报告机关本身,讲的是本年,且这些单元格
    读取的置信度 ≥ 0.9。只有 尚未审结 的案件时为警告: 年底未结的案件在编写报告时可能已经有了结果。

    不通过的例子: hunt/sh-bgt-2019 "信息公开类行政复议7件，诉讼9件，均获维持",而表四 尚未审结 有 2 (行政复议)
    和 1 (未经复议直接起诉)。
    通过的例子: pingtan-2021 写有 "因政府信息公开申请被提起行政诉讼12件，均获维持",未经复议直接起诉 结果维持 12,
    总计 12 (复议后起诉 0;复议的 其他结果 2 不是这句话所讲的)。
    """

    code = "TXT009"
    name = "all-upheld"
    summary = "正文称复议、诉讼均获维持,表四却有未维持的案件"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        t4 = report.tables.get("t4")
        if t4 is None or not t4.found:
            return
        version = report.meta.template_version
        for c in read_claims(report):
            if c.kind != VERDICT or of_other_year(c, report):
                continue
            scope = c.before.rpartition("；")[2] + c.text
            if _EXCEPTED.search(scope) or not _DISCLOSURE.search(c.sentence_text):
                continue
            named = groups_named(scope)
            columns = _CONTRADICTING[:2] if _CONCLUDED.search(scope) else _CONTRADICTING
            against = []
            for row in named:
                cells = {col: t4.cell(row, col) for col in spec.T4_COLUMNS}
                if any(x is None or x.as_count() is None or x.confidence < GUESSED for x in cells.values()):
                    continue  # a group not read: not judged
                parts = sum(cells[col].as_count() for col in spec.T4_COLUMNS if col != "total")
                if abs(parts - cells["total"].as_count()) > spec.TOLERANCE:
                    continue  # the group's own total does not hold: the table is in doubt (IDN's)
                against += [(row, col, cells[col]) for col in columns if cells[col].as_count() > 0]
            if not against:
                continue
            definite = [x for x in against if x[1] != "pending"]
            severity, confidence, why = WARNING, 0.6, ""
            if definite and min(x[2].confidence for x in definite) >= SURE:
                severity, confidence = ERROR, 0.8
                if not is_own_body(c, report.meta.body):
                    severity, confidence, why = WARNING, 0.5, subject_note(c, report.meta.body)
            elif not definite:
                why = "尚未审结的案件或在报告成文时已审结"
            where = "、".join(
                f"{spec.cell_label(version, 't4', row, col)}为{cell.value:g}件"
                for row, col, cell in against
                if cell.kind == model.NUMBER
            )
            row, col, first = against[0]
            yield self.finding(
                f"正文称「{_quote(scope)}」,但表四{where}" + (f"({why.replace('表三', '表四')})" if why else ""),
                line=c.line,
                column=c.column,
                table="t4",
                row=row,
                col=col,
                expected=0,
                actual=first.value,
                confidence=confidence,
                severity=severity,
                related=[Location(x.line, x.column, "t4", r, k) for r, k, x in against],
            )
