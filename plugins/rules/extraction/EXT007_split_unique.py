"""EXT007 split-unique: 连写数字已按勾稽关系唯一拆分 (提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class SplitUnique(_FromProblems):
    """连写数字已按勾稽关系唯一拆分 (提示)。

    原因: 这样的行,其数值依赖于勾稽关系;审核人应当知道它们是拆分出来的。

    不通过的例子: "2.重复申请 2500000 25" (只有 25、0、0、0、0、0 加起来等于总计 25)。
    通过的例子: 分开书写的数字。
    """

    code = "EXT007"
    name = "split-unique"
    summary = "连写数字已唯一拆分"
    severity = INFO
    kinds = (K.SPLIT_UNIQUE,)
