"""IDN007 legal-entity-subtotal: 表三增设「法人或其他组织小计」列时: 小计 = 五类法人或其他组织之和。"""

from __future__ import annotations

from ogilint import spec
from ogilint.plugins.rules.identities.common import _Identity, row_name


class LegalEntitySubtotal(_Identity):
    """表三增设「法人或其他组织小计」列时: 小计 = 五类法人或其他组织之和。

    原因: 官方表格没有小计列;增设小计列的报告必须保持其一致 (见格式说明 §4: 接受这一列,记为
    ``legal_entity_subtotal``,并加以检查)。

    不通过的例子: 商业企业 2、科研机构 1、其余 0,小计 2。
    通过的例子: 小计 3。
    """

    code = "IDN007"
    name = "legal-entity-subtotal"
    summary = "表三法人小计 = 五类法人或其他组织之和"
    kind = "subtotal"

    def make(self, report, f):
        cell = report.tables["t3"].rows[f["row"]].cells[spec.T3_SUBTOTAL]
        return self.finding(
            f"表三「{row_name(report, f['row'])}」行: 五类法人或其他组织之和 = {f['expected']:g},但小计为 {f['actual']:g}",
            line=cell.line,
            column=cell.column,
            table="t3",
            row=f["row"],
            col=spec.T3_SUBTOTAL,
            expected=f["expected"],
            actual=f["actual"],
            related=self.related(report, "t3", f["cells"]),
            extent=6,
        )
