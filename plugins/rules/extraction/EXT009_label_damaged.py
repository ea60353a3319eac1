"""EXT009 label-damaged: 行标签有识别 (OCR) 错误。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class LabelDamaged(_FromProblems):
    """行标签有识别 (OCR) 错误。

    Why: characters changed inside a label ("本生F新收" for "本年新收") mean the row went through
    OCR; the row was placed by similarity, and its numbers may be damaged too (spec §9).

    Fails: "一、本生⇥F新收政府⇥信息公开申请数量⇥1⇥0…".
    Passes: "一、本年新收政府信息公开申请数量⇥1⇥0…"; a label whose tail went to the next line.
    """

    code = "EXT009"
    name = "label-damaged"
    summary = "行标签有识别错误"
    severity = WARNING
    kinds = (K.LABEL_DAMAGED,)

    def hint_for(self, p):
        return "对照报告原件核对这一行的标签和数字"
