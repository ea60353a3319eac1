"""EXT012 table-unreadable: 表中有数字无法确定属于哪一行,未读入。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class TableUnreadable(_FromProblems):
    """表中有数字无法确定属于哪一行,未读入。

    Why: rows of numbers whose labels were lost in extraction (a table pasted as bare numbers, a
    converter that dropped the first column) could stand in several rows of the format. Putting
    them in one by guess would hand the identity rules a wrong value as fact, so they are left out
    and reported here, once per table; the rules that need those rows skip them.

    Fails: table 三 given as three lines of seven numbers with no row labels.
    Passes: huaian-2024, every row of table 三 under its label.
    """

    code = "EXT012"
    name = "table-unreadable"
    summary = "表中有数字无法归入具体行"
    severity = WARNING
    kinds = (K.TABLE_UNREADABLE,)

    def hint_for(self, p):
        return "对照报告原件核对这张表;这些数字未被检查"
