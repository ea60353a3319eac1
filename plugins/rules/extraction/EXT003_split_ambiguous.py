"""EXT003 split-ambiguous: 连写在一起的数字有多种拆法,无法确定各单元格的值。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class SplitAmbiguous(_FromProblems):
    """连写在一起的数字有多种拆法,无法确定各单元格的值。

    原因: 爬取的文本会把一行的数字连在一起 ("3960181");表中的勾稽关系允许多种拆法时,解析器如实说明,而不去猜 (见
    格式说明 §9)。

    不通过的例子: 表二「行政许可3960181」(没有勾稽关系能在 396/0/181 和 39/60/181 …之间作出判断)。
    通过的例子: 表三中的 "640020470",只有 64,0,0,2,0,4,70 满足勾稽关系。
    """

    code = "EXT003"
    name = "split-ambiguous"
    summary = "连写数字无法唯一拆分"
    severity = WARNING
    kinds = (K.SPLIT_AMBIGUOUS,)

    def hint_for(self, p):
        return "用报告原件 (PDF/网页表格) 核对"
