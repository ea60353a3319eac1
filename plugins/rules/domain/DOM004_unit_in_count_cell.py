"""DOM004 unit-in-count-cell: 计数单元格中写了量词「件」「条」等(提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.model import NUMBER
from ogilint.plugins.rules.domain.common import count_cells, count_word
from ogilint.rule import Rule


class UnitInCountCell(Rule):
    """计数单元格中写了量词(件、条、个、次、人)(提示)。

    原因: 表二、表三、表四的计数单元格只写数字,单位在表头 (件数、申请数量);写成 "447228件" 的单元格仍读作计数
    447228,数值有效,该行也不算缺失,但这个字不是格式所印的内容 (见格式说明 §4–5)。计数单元格中的货币单位是另一回
    事 (DOM002);表二以万元计的收费金额不是计数 (见格式说明 §6)。

    不通过的例子: "(一)予以公开⇥⇥1件⇥0⇥0⇥0⇥0⇥0⇥1" (「自然人」一格带了「件」字)。
    通过的例子: "(一)予以公开⇥⇥1⇥0⇥0⇥0⇥0⇥0⇥1",以及 "行政事业性收费⇥12872.06 万元" (收费金额)。
    """

    code = "DOM004"
    name = "unit-in-count-cell"
    summary = "计数单元格中写了量词"
    severity = INFO
    groups = ("domain",)

    def check(self, report, ctx):
        for table, row, col, cell in count_cells(report):
            if cell.kind != NUMBER or " " not in cell.raw:
                continue
            word = count_word(cell.raw)
            if word:
                yield self.finding(
                    f"计数单元格中写了量词「{word}」(读作 {cell.value}): {cell.raw}",
                    line=cell.line,
                    column=cell.column,
                    table=table,
                    row=row,
                    col=col,
                    expected="只填数字",
                    actual=cell.raw,
                    hint="删去量词, 单元格只填数字",
                )
