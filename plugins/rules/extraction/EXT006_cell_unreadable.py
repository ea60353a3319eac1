"""EXT006 cell-unreadable: 数字单元格中是无法识别为数字的文字。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class CellUnreadable(_FromProblems):
    """数字单元格中是无法识别为数字的文字。

    原因: 文字识别 (OCR) 会把数字认成字母 ("O"、"l");这样的单元格记为 ``unreadable``,需要它的勾稽关系都不检查。

    不通过的例子: "2.重复申请⇥0⇥O⇥0…" (计数单元格里是字母 O)。
    通过的例子: 每个计数单元格都是数字。
    """

    code = "EXT006"
    name = "cell-unreadable"
    summary = "单元格内容无法识别为数字"
    severity = WARNING
    kinds = (K.CELL_UNREADABLE,)
