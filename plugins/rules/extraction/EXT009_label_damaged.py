"""EXT009 label-damaged: 行标签有识别 (OCR) 错误。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class LabelDamaged(_FromProblems):
    """行标签有识别 (OCR) 错误。

    原因: 标签内部的字被换掉 ("本生F新收" 代替 "本年新收"),说明这一行经过了文字识别;该行按相似度归入,其数字也可
    能受损 (见格式说明 §9)。

    不通过的例子: "一、本生⇥F新收政府⇥信息公开申请数量⇥1⇥0…"。
    通过的例子: "一、本年新收政府信息公开申请数量⇥1⇥0…";标签后半截转到了下一行的。
    """

    code = "EXT009"
    name = "label-damaged"
    summary = "行标签有识别错误"
    severity = WARNING
    kinds = (K.LABEL_DAMAGED,)

    def hint_for(self, p):
        return "对照报告原件核对这一行的标签和数字"
