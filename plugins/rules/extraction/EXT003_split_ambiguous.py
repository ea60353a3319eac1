"""EXT003 split-ambiguous: 连写在一起的数字有多种拆法,无法确定各单元格的值。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class SplitAmbiguous(_FromProblems):
    """连写在一起的数字有多种拆法,无法确定各单元格的值。

    Why: crawler texts run a row's numbers together ("3960181"); where the table's identities
    allow several cuts the parser says so rather than guessing (spec §9).

    Fails: 表二「行政许可3960181」 (no identity decides between 396/0/181 and 39/60/181 …).
    Passes: "640020470" in table 三, which only 64,0,0,2,0,4,70 satisfies.
    """

    code = "EXT003"
    name = "split-ambiguous"
    summary = "连写数字无法唯一拆分"
    severity = WARNING
    kinds = (K.SPLIT_AMBIGUOUS,)

    def hint_for(self, p):
        return "用报告原件 (PDF/网页表格) 核对"
