"""EXT012 table-unreadable: 表中有数字无法确定属于哪一行,未读入。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class TableUnreadable(_FromProblems):
    """表中有数字无法确定属于哪一行,未读入。

    原因: 标签在提取中丢失的数字行 (以纯数字粘贴的表格、丢掉第一列的转换工具) 可能对应格式中的好几行。凭猜测放进
    其中一行,会把错误的值当作事实交给勾稽关系规则,所以这些数字不读入,并在这里报告 (每张表一次);需要这些行的规则
    会跳过它们。

    不通过的例子: 表三写成三行、每行七个数,没有行标签。
    通过的例子: huaian-2024,表三每一行都在其标签之下。
    """

    code = "EXT012"
    name = "table-unreadable"
    summary = "表中有数字无法归入具体行"
    severity = WARNING
    kinds = (K.TABLE_UNREADABLE,)

    def hint_for(self, p):
        return "对照报告原件核对这张表;这些数字未被检查"
