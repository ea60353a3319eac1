"""STR004 heading-variant: 部分标题与 2021 年版格式的措辞不同 (提示)。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import INFO
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind
from ogilint.text import clean


class HeadingVariant(Rule):
    """部分标题与 2021 年版格式的措辞不同 (提示)。

    原因: 有一些被接受的变体 (见格式说明 §3: 上海采用条例的措辞);这条提示告诉审核人用的是哪种措辞。选项
    ``accept`` 中列出的措辞不提示;解析器认定受损的标题也不提示 (由 EXT011 说明其问题: 一条发现,而不是两条)。

    不通过的例子: "四、政府信息公开行政复议和行政诉讼情况" (一条提示)。
    通过的例子: "四、政府信息公开行政复议、行政诉讼情况"。
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
