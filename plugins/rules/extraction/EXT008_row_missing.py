"""EXT008 row-missing: 表中缺少国家格式规定的行。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class RowMissing(_FromProblems):
    """表中缺少国家格式规定的行。

    原因: 评估中会指出删减表格行的问题 (见格式说明 §8);文本中没有的行会报告 (除非文本在这一行之前就已中断)。

    不通过的例子: 表三没有 "3.补正后申请内容仍不明确" 一行。
    通过的例子: 格式的每一行都在。
    """

    code = "EXT008"
    name = "row-missing"
    summary = "表中缺少规定的行"
    severity = WARNING
    kinds = (K.ROW_MISSING, K.TABLE_EMPTY)

    def hint_for(self, p):
        return "按国家格式补齐该行 (无数据时填 0)"
