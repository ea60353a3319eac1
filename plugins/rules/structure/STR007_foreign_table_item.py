"""STR007 foreign-table-item: 表二出现了本报告所用格式没有的栏目。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import ProblemRule
from ogilint.spec.problems import ProblemKind as K


class ForeignTableItem(ProblemRule):
    """表二出现了本报告所用格式没有的栏目。

    原因: 表二由 "第二十条第(X)项" 各栏组成;2021 年版格式印有 (一)(五)(六)(八) 项,2019 年试行格式还有 (九) 政府
    集中采购 (见格式说明 §2、§4)。另一版格式的栏目,或格式中根本没有的项,没有规范的单元格: 其数字不检查,而且报告
    混用了两种格式。

    不通过的例子: 一份 2024 年报告 (2021 年版格式) 有一栏 "第二十条 第(九)项 … 政府集中采购 2 50.5"。
    通过的例子: huaian-2024,只有 (一)(五)(六)(八) 项。
    """

    code = "STR007"
    name = "foreign-table-item"
    summary = "表二出现所用格式版本没有的栏目"
    severity = WARNING
    groups = ("structure",)

    kinds = (K.FOREIGN_ITEM,)

    def hint_for(self, p):
        return "按报告所用版本的格式填写表二;这一栏的数字未被检查"
