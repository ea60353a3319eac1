"""EXT007 split-unique: 连写数字已按勾稽关系唯一拆分 (提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class SplitUnique(_FromProblems):
    """连写数字已按勾稽关系唯一拆分 (提示)。

    Why: the values of such rows rest on the identities; the reviewer should know they were cut.
    """

    code = "EXT007"
    name = "split-unique"
    summary = "连写数字已唯一拆分"
    severity = INFO
    kinds = (K.SPLIT_UNIQUE,)
