"""EXT006 cell-unreadable: 数字单元格中是无法识别为数字的文字。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class CellUnreadable(_FromProblems):
    """数字单元格中是无法识别为数字的文字。

    Why: OCR turns digits into letters ("O", "l"); such a cell is ``unreadable`` and no identity
    that needs it is checked.

    Fails: "2.重复申请⇥0⇥O⇥0…" (the letter O in a count cell). Passes: digits in every count cell.
    """

    code = "EXT006"
    name = "cell-unreadable"
    summary = "单元格内容无法识别为数字"
    severity = WARNING
    kinds = (K.CELL_UNREADABLE,)
