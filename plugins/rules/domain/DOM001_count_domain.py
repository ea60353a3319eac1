"""DOM001 count-domain: 计数为负数或带小数。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.model import NUMBER
from ogilint.plugins.rules.domain.common import count_cells
from ogilint.rule import Rule


class CountDomain(Rule):
    """计数为负数或带小数。

    原因: 表二、表三、表四中的计数都是非负整数;只有表二的收费金额可以有小数,也只有 2019 年版格式的「本年增/减」
    可以是负数 (见格式说明 §4–5)。

    不通过的例子: "予以公开⇥1.5"。
    通过的例子: "予以公开⇥2"。
    """

    code = "DOM001"
    name = "count-domain"
    summary = "计数为负数或带小数"
    severity = ERROR
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind != NUMBER:
                continue
            negative = cell.value < 0 and col != "delta"
            fractional = isinstance(cell.value, float) and not cell.value.is_integer()
            if negative or fractional:
                what = "负数" if negative else "小数"
                yield self.finding(
                    f"计数单元格为{what}: {cell.raw}",
                    line=cell.line,
                    column=cell.column,
                    table=table,
                    row=row,
                    col=col,
                    expected="非负整数",
                    actual=cell.value,
                )
