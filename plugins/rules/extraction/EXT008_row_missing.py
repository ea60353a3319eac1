"""EXT008 row-missing: 表中缺少国家格式规定的行。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class RowMissing(_FromProblems):
    """表中缺少国家格式规定的行。

    Why: evaluators flag deleted table rows (spec §8); a row absent from the text is reported
    (unless the text is truncated before it).

    Fails: table 三 without the row "3.补正后申请内容仍不明确". Passes: every row of the format.
    """

    code = "EXT008"
    name = "row-missing"
    summary = "表中缺少规定的行"
    severity = WARNING
    kinds = (K.ROW_MISSING, K.TABLE_EMPTY)

    def hint_for(self, p):
        return "按国家格式补齐该行 (无数据时填 0)"
