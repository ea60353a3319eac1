"""DOM004 unit-in-count-cell: 计数单元格中写了量词「件」「条」等(提示)。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.model import NUMBER
from ogilint.plugins.rules.domain.common import count_cells, count_word
from ogilint.rule import Rule


class UnitInCountCell(Rule):
    """计数单元格中写了量词(件、条、个、次、人)(提示)。

    Why: the count cells of tables 二, 三 and 四 hold bare numbers, the unit is in the header (件数,
    申请数量); a cell typed "447228件" is still read as the count 447228, so the value stands and the
    row is not missing, but the word is not what the format prints (spec §4–5). A money unit in a count
    cell is a different matter (DOM002); table 二's fee amount in 万元 is no count (spec §6).

    Fails: "(一)予以公开⇥⇥1件⇥0⇥0⇥0⇥0⇥0⇥1" (the 自然人 cell typed with 件).
    Passes: "(一)予以公开⇥⇥1⇥0⇥0⇥0⇥0⇥0⇥1", and "行政事业性收费⇥12872.06 万元" (the fee amount).
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
