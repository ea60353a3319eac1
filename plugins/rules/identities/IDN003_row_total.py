"""IDN003 row-total: 表三每一行: 总计 = 自然人 + 五类法人或其他组织。"""

from __future__ import annotations

from ogilint.plugins.rules.identities.common import _Identity, row_name


class RowTotal(_Identity):
    """表三每一行: 总计 = 自然人 + 五类法人或其他组织。

    原因: 总计列是各申请人列之和 (见格式说明 §5)。

    不通过的例子: huaian-2024 中「信访举报投诉类申请」和「重复申请」两行的总计互换 (56 6 0 0 0 0 25;25 0 0 0 0
    0 62): 两行都不成立,而总计列本身仍然加得上 (单独一个错误的总计归 IDN010 报告)。
    通过的例子: huaian-2024「本年新收」 3001 + 53 + 0 + 0 + 61 + 4 = 3119。
    """

    code = "IDN003"
    name = "row-total"
    summary = "表三行总计 = 各申请人类型之和"
    kind = "row"

    def make(self, report, f):
        cell = report.tables["t3"].rows[f["row"]].cells["total"]
        return self.finding(
            f"表三「{row_name(report, f['row'])}」行: 各类申请人之和 = {f['expected']:g},但总计为 {f['actual']:g}",
            line=cell.line,
            column=cell.column,
            table="t3",
            row=f["row"],
            col="total",
            expected=f["expected"],
            actual=f["actual"],
            related=self.related(report, "t3", f["cells"]),
            hint="核对这一行的各数和总计",
            extent=len(f["cells"]),
        )
