"""EXT004 label-uncertain: 行标签缺失、与标准标签只部分相符,或表中多出无法对应的行。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class LabelUncertain(_FromProblems):
    """行标签缺失、与标准标签只部分相符,或表中多出无法对应的行。

    Why: OCR damage ("本生F新收") and local wording drift ("只计这一情况") are accepted and matched
    by position and similarity; this note tells the reviewer how the row was placed (spec §7, §9).

    Fails: "2.其他法律法规禁止公开⇥0…" (行政 left out: a reworded label).
    Passes: "2.其他法律行政法规禁止公开⇥0…", as the format prints it.
    """

    code = "EXT004"
    name = "label-uncertain"
    summary = "行标签缺失或不规范,已按位置/相似度归行"
    severity = INFO
    kinds = (K.LABEL_MISSING, K.LABEL_UNCERTAIN, K.LABEL_DRIFT, K.ROW_EXTRA)
