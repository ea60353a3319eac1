"""EXT001 column-missing: 表三缺少一整列 (例如「其他」列)。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class ColumnMissing(_FromProblems):
    """表三缺少一整列 (例如「其他」列)。

    Why: the 2021 format's table 三 has seven columns (spec §4); a report whose table lacks one
    hides the requests of that applicant group, and every row of the table is one number short.
    Reported once for the column, not as a wrong sum in every row.

    Fails: header "商业企业 科研机构 社会公益组织 法律服务机构 总计" (no 其他) and rows of six numbers.
    Passes: the seven columns of the national format.
    """

    code = "EXT001"
    name = "column-missing"
    summary = "表三缺少一整列"
    severity = ERROR
    kinds = (K.COLUMN_MISSING,)

    def hint_for(self, p):
        return "按国家格式补齐该列 (无数据时填 0)"

    def extent_for(self, report, p):
        return 25
