"""EXT005 truncated: 文本在报告结束前中断。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class Truncated(_FromProblems):
    """文本在报告结束前中断。

    Why: a report cut off by its source (a crawler, a one-page excerpt) cannot be checked past the
    cut; its missing parts are reported once here, not part by part. It is an error so that a run
    over such a text never passes the default gate as if the report had been checked: what failed is
    the check, and the message says so (the cut may be the source's, not the body's).

    Fails: an excerpt whose last line is "信息内容 | 本年收费金额(单", still inside part 二.
    Passes: a report whose part 六 ends with a full sentence.
    """

    code = "EXT005"
    name = "truncated"
    summary = "文本不完整(中途中断)"
    severity = ERROR
    kinds = (K.TRUNCATED,)

    def hint_for(self, p) -> str:
        return "报告未能完整检查:请取得完整的报告(原件或完整的网页)后重新检查"
