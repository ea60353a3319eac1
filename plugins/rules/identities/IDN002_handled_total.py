"""IDN002 handled-total: 表三每一列: (七)总计 等于 (一) 至 (六) 各项之和。"""

from __future__ import annotations

from ogilint import spec
from ogilint.plugins.rules.identities.common import _Identity


class HandledTotal(_Identity):
    """表三每一列: (七)总计 等于 (一) 至 (六) 各项之和。

    原因: 办理结果的总计把每一种结果各计一次 (见格式说明 §5)。

    不通过的例子: 予以公开 1,其他各项 0,(七)总计 2。
    通过的例子: huaian-2024 自然人列: 1288 + 447 + … = 2932。
    """

    code = "IDN002"
    name = "handled-total"
    summary = "表三办理结果总计 = 各项之和"
    kind = "handled"

    def make(self, report, f):
        cell = report.tables["t3"].rows["total_handled"].cells[f["col"]]
        return self.finding(
            f"表三「{spec.COLUMN_LABELS[f['col']]}」列: 办理结果各项之和 = {f['expected']:g},但(七)总计为 {f['actual']:g}",
            line=cell.line,
            column=cell.column,
            table="t3",
            row="total_handled",
            col=f["col"],
            expected=f["expected"],
            actual=f["actual"],
            related=self.related(report, "t3", f["cells"]),
            hint="核对这一列的各项和总计",
            extent=len(f["cells"]),
        )
