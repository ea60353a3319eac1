"""STR007 foreign-table-item: 表二出现了本报告所用格式没有的栏目。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import ProblemRule
from ogilint.spec.problems import ProblemKind as K


class ForeignTableItem(ProblemRule):
    """表二出现了本报告所用格式没有的栏目。

    Why: table 二 is made of the blocks "第二十条第(X)项"; the 2021 format prints items (一)(五)(六)(八),
    the 2019 trial format also (九) 政府集中采购 (spec §2, §4). A block of the other format, or an
    item the format has none of, has no canonical cells: its numbers are not checked, and the report
    mixes two formats.

    Fails: a 2024 report (2021 format) with a block "第二十条 第(九)项 … 政府集中采购 2 50.5".
    Passes: huaian-2024 with items (一)(五)(六)(八) only.
    """

    code = "STR007"
    name = "foreign-table-item"
    summary = "表二出现所用格式版本没有的栏目"
    severity = WARNING
    groups = ("structure",)

    kinds = (K.FOREIGN_ITEM,)

    def hint_for(self, p):
        return "按报告所用版本的格式填写表二;这一栏的数字未被检查"
