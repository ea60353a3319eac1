"""IDN001 column-balance: 表三每一列: 第一项加第二项之和,等于第三项加第四项之和。"""

from __future__ import annotations

from ogilint import spec
from ogilint.plugins.rules.identities.common import _Identity


class Balance(_Identity):
    """表三每一列: 第一项加第二项之和,等于第三项加第四项之和。

    原因: 表头印有这一关系 (见格式说明 §5): 本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理,每一个申请人列都
    要成立。

    不通过的例子: 「自然人」列 新收 1、结转 0,总计 1、结转下年 1 (1 ≠ 2)。
    通过的例子: huaian-2024: 3001 + 34 = 2932 + 103。
    """

    code = "IDN001"
    name = "column-balance"
    summary = "表三列平衡: 新收+上年结转 = 办理总计+结转下年"
    kind = "balance"

    def make(self, report, f):
        cell = report.tables["t3"].rows["total_handled"].cells[f["col"]]
        return self.finding(
            f"表三「{spec.COLUMN_LABELS[f['col']]}」列: 新收+上年结转 = {f['expected']:g},但办理总计+结转下年 = {f['actual']:g}",
            line=cell.line,
            column=cell.column,
            table="t3",
            row="total_handled",
            col=f["col"],
            expected=f["expected"],
            actual=f["actual"],
            related=self.related(report, "t3", f["cells"]),
            hint="核对这一列的四个数",
            extent=4,
        )
