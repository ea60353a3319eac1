"""EXT001 column-missing: 表三缺少一整列 (例如「其他」列)。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class ColumnMissing(_FromProblems):
    """表三缺少一整列 (例如「其他」列)。

    原因: 2021 年版格式的表三有七列 (见格式说明 §4);缺了一列的表,隐去了那一类申请人的申请,表中每一行也都少一个
    数。对这一列只报告一次,而不是在每一行各报一个求和错误。

    不通过的例子: 表头为 "商业企业 科研机构 社会公益组织 法律服务机构 总计" (没有「其他」),各行六个数。
    通过的例子: 国家格式的七列。
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
