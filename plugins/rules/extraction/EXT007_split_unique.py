"""EXT007 split-unique: 连写数字已按勾稽关系唯一拆分 (提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class SplitUnique(_FromProblems):
    """连写数字已按勾稽关系唯一拆分 (提示)。

    Why: the values of such rows rest on the identities; the reviewer should know they were cut.

    Fails: "2.重复申请 2500000 25" (only 25, 0, 0, 0, 0, 0 adds up to the total 25).
    Passes: numbers written apart.
    """

    code = "EXT007"
    name = "split-unique"
    summary = "连写数字已唯一拆分"
    severity = INFO
    kinds = (K.SPLIT_UNIQUE,)
