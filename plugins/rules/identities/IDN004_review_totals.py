"""IDN004 review-totals: 表四每一组: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。"""

from __future__ import annotations

from ogilint.plugins.rules.identities.common import _Identity


class ReviewTotals(_Identity):
    """表四每一组: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。

    原因: 见格式说明 §5,表四的每一组 (行政复议、未经复议直接起诉、复议后起诉)。

    不通过的例子: 行政复议 1、0、0、0,总计 2。
    通过的例子: huaian-2024 行政复议 72 + 64 + 178 + 37 = 351。
    """

    code = "IDN004"
    name = "review-totals"
    summary = "表四各组总计 = 四项之和"
    kind = "t4"

    def make(self, report, f):
        cell = report.tables["t4"].rows[f["row"]].cells["total"]
        group = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
        return self.finding(
            f"表四「{group[f['row']]}」: 四项之和 = {f['expected']:g},但总计为 {f['actual']:g}",
            line=cell.line,
            column=cell.column,
            table="t4",
            row=f["row"],
            col="total",
            expected=f["expected"],
            actual=f["actual"],
            related=self.related(report, "t4", f["cells"]),
            hint="核对这一组的五个数",
            extent=5,
            confidence=min((c.confidence for c in self.cells(report, "t4", f["cells"])), default=1.0),
        )
