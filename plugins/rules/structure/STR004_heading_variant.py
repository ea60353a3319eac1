"""STR004 heading-variant: 部分标题与 2021 年版格式的措辞不同 (提示)。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import INFO
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind
from ogilint.text import clean


class HeadingVariant(Rule):
    """部分标题与 2021 年版格式的措辞不同 (提示)。

    Why: accepted variants exist (spec §3: Shanghai follows the 条例 wording); the note tells the
    reviewer which wording was used. Wordings listed in the option ``accept`` are not noted, nor is
    a heading the parser found damaged (EXT011 says what is wrong with it: one finding, not two).

    Fails: "四、政府信息公开行政复议和行政诉讼情况" (an info note). Passes: "四、政府信息公开行政复议、行政诉讼情况".
    """

    code = "STR004"
    name = "heading-variant"
    summary = "部分标题措辞与国家格式不同"
    severity = INFO
    groups = ("structure",)
    options = {"accept": []}

    def check(self, report, ctx):
        accepted = {clean(a) for a in ctx.options.get("accept", [])}
        damaged = {p.line for p in report.problems if p.kind == ProblemKind.HEADING_DAMAGED}
        for p in report.parts:
            standard = spec.PART_TITLES[p.number]
            if p.line not in damaged and clean(p.heading) not in (clean(standard), *accepted):
                yield self.finding(
                    f"第{'一二三四五六'[p.number - 1]}部分标题为「{p.heading}」,国家格式为「{standard}」",
                    line=p.line,
                    column=p.column,
                    expected=standard,
                    actual=p.heading,
                )
