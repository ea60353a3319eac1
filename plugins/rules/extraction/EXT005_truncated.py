"""EXT005 truncated: 文本在报告结束前中断。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class Truncated(_FromProblems):
    """文本在报告结束前中断。

    Why: a report cut off by its source (a crawler, a one-page excerpt) cannot be checked past the
    cut; its missing parts are reported once here, not part by part.

    Fails: an excerpt whose last line is "信息内容 | 本年收费金额(单", still inside part 二.
    Passes: a report whose part 六 ends with a full sentence.
    """

    code = "EXT005"
    name = "truncated"
    summary = "文本不完整(中途中断)"
    severity = WARNING
    kinds = (K.TRUNCATED,)
