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

    Why: "信息公开类行政复议7件，诉讼9件，均获维持" says every review and lawsuit the sentence names ended
    with the body's decision upheld, while table 四 counts each group's 结果维持, 结果纠正, 其他结果 and
    尚未审结 (spec §4–§5, text against tables). Read with the claims grammar (grammars/claims.lark,
    start symbol ``verdict``: "均获维持", "均被维持", "均维持原行政行为", "全部维持"); the groups are the
    ones the sentence names before it, since its last semicolon ("复议" → 行政复议, "诉讼" → both kinds
    of lawsuit, "复议后起诉" / "直接起诉" → one). Not compared: a sentence naming no group, granting
    exceptions ("其余均获维持"), naming other years, or not about information disclosure (no 公开, 信息
    or 申请 in it: a government may tell of all its reviews); a group whose row of table 四 is not read
    or does not add up. One about the cases concluded ("已审结的均获维持") is contradicted only by
    结果纠正 and 其他结果.

    An error when a named group has 结果纠正 or 其他结果 above 0, the sentence's subject is the report's
    own body, it is about this year, and those cells were read with confidence ≥ 0.9. Cases 尚未审结
    alone give a warning: a case open at the year's end may have been decided when the report was
    written.

    Fails: hunt/sh-bgt-2019 "信息公开类行政复议7件，诉讼9件，均获维持" while table 四 has 尚未审结 2
    (行政复议) and 1 (未经复议直接起诉).
    Passes: pingtan-2021 with "因政府信息公开申请被提起行政诉讼12件，均获维持" and 未经复议直接起诉 结果维持 12,
    总计 12 (复议后起诉 0; the reviews' 其他结果 2 are not what the sentence speaks of).
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
