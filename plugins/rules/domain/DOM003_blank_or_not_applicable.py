"""DOM003 blank-or-not-applicable: 计数单元格为空或填了「/」「—」(提示)。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import INFO, Location
from ogilint.model import BLANK, NOT_APPLICABLE
from ogilint.plugins.rules.domain.common import count_cells
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind


class BlankOrNotApplicable(Rule):
    """计数单元格为空或填了「/」「—」(提示)。

    原因: 实际上空白的计数表示 0,"/" 表示不适用;它们与 0 分开记录 (见格式说明 §5),审核人可能希望按格式的要求填
    上 0。

    每张表一条提示 ("表三有 125 个空白单元格"),指向第一个这样的单元格,其余的作为相关位置: 否则一张留了一半空白的
    网页表格会把其他发现都淹没。所有单元格都是空白的表,作为空表报告一次 (EXT008),不在这里报告。

    不通过的例子: "规章⇥0⇥⇥0" (一个空白单元格) 和 "行政许可⇥/"。
    通过的例子: 每个计数单元格都填了数字。
    """

    code = "DOM003"
    name = "blank-or-not-applicable"
    summary = "计数单元格为空或为「/」"
    severity = INFO
    groups = ("domain",)

    def check(self, report, ctx):
        empty = {p.table for p in report.problems if p.kind == ProblemKind.TABLE_EMPTY}
        by_table: dict = {}
        for table, row, col, cell in count_cells(report):
            if cell.kind in (BLANK, NOT_APPLICABLE) and table not in empty:
                by_table.setdefault(table, []).append((row, col, cell))
        version = report.meta.template_version
        for table, cells in by_table.items():
            blanks = sum(1 for _, _, c in cells if c.kind == BLANK)
            marks = sorted({c.raw for _, _, c in cells if c.kind == NOT_APPLICABLE})
            counted = [f"{blanks} 个空白单元格"] if blanks else []
            if len(cells) > blanks:
                counted.append(f"{len(cells) - blanks} 个填了{'、'.join(f'「{m}」' for m in marks)}的单元格")
            row, col, first = cells[0]
            where = ":" if len(cells) == 1 else ",第一个是"
            yield self.finding(
                f"{spec.TABLE_NAMES[table]}有 {'、'.join(counted)}{where}{spec.cell_label(version, table, row, col)}",
                line=first.line,
                column=first.column,
                table=table,
                row=row,
                col=col,
                expected="0 或实际数字",
                actual="空白" if first.kind == BLANK else first.raw,  # the first cell's (the message counts them)
                related=[Location(c.line, c.column, table, r, k) for r, k, c in cells[1:]],
                extent=len(cells),
                hint="不适用或为零的计数一般填 0",
            )
