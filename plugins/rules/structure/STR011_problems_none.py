"""STR011 problems-none: 第五部分只写了"无",没有说明存在的问题和改进情况。"""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.structure.common import _truncated
from ogilint.rule import Rule

# What part 五 says when it says nothing, once white space and punctuation are gone: "无", "暂无",
# "暂无问题", "无问题", "本年度无", "暂未发现明显问题", "无相关情况". Run on at most 24 characters.
_NOTHING = re.compile(
    r"(?:本年度|本年|今年|我局|我单位|本单位|本机关|本部门|我镇|我乡|我街道|我办|我委)?(?:暂|尚|均)?"
    r"(?:无|没有|未发现)(?:存在)?(?:主要|明显|相关|突出)?(?:问题)?(?:及改进情况|和改进情况|情况)?"
)
# White space and punctuation, ASCII and full-width ("：", "。"): what is left are the words.
_PUNCT = re.compile(r"[\W_]+")
# A page footer ("- 5 -", "第5页") inside the part: no words of the report.
_FOOTER = re.compile(r"^\W*(?:第\s?)?\d{1,3}\s?(?:页)?\W*$")


class ProblemsNone(Rule):
    """第五部分只写了"无",没有说明存在的问题和改进情况。

    原因: 条例第五十条要求报告说明 "政府信息公开工作存在的主要问题及改进情况";国家格式的第五部分写的就是这些 (见
    格式说明 §3)。只写了 "无" ("暂无"、"无问题"、"暂无问题") 的第五部分,既没有说明问题,也没有说明改进: 评估者会
    把它看作没有写的部分。

    第五部分一直延续到中途中断的文本末尾时不报告,该部分写了更多内容时 (一个问题、一项改进、上一年的整改情况) 也
    不报告。

    不通过的例子: "五、存在的主要问题及改进情况 / 无。"。
    通过的例子: "五、存在的主要问题及改进情况 / 一是政策解读质量仍需提升……下一步,我市将着力加强政策解读质效……"。
    """

    code = "STR011"
    name = "problems-none"
    summary = "第五部分只写了“无”"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        part = report.part(5)
        if part is None:
            return
        later = [p for p in report.parts if (p.line, p.column) > (part.line, part.column)]
        if not later and _truncated(report):
            return
        lines = [line for line in report.part_text(5).split("\n") if not _FOOTER.match(line)]
        said = _after_heading(_PUNCT.sub("", "".join(lines)), part)
        if said is not None and len(said) <= 24 and _NOTHING.fullmatch(said):
            yield self.finding(
                f"第五部分「{spec.PART_TITLES[5]}」只写了「{said}」,没有说明存在的主要问题和改进情况",
                line=part.line,
                column=part.column,
                expected="存在的主要问题及改进情况",
                actual=said,
                hint="写明本年度政府信息公开工作存在的主要问题、改进措施及上年度问题的整改情况",
            )


def _after_heading(text: str, part) -> str | None:
    """What part 五 says after its heading, white space and punctuation gone: the text after the
    format's wording (or the heading as printed), which may be broken over two lines or run on into
    the text ("五、存在的主要问题及改进情况:无。"); None when the heading cannot be found in it."""
    variants = sorted({_PUNCT.sub("", v) for v in spec.PART_HEADING_VARIANTS[5]}, key=len, reverse=True)
    wordings = [*variants, _PUNCT.sub("", part.heading)]  # the format's first: a heading may hold "：无"
    for wording in wordings:
        at = text.find(wording, 0, 8 + len(wording))  # after the numeral and a stray character or two
        if wording and at >= 0:
            return text[at + len(wording) :]
    return None
