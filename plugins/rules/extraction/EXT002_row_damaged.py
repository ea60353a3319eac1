"""EXT002 row-damaged: 一行的数字个数与列数不符: 少了或多了单元格。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import WARNING, Location
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class RowDamaged(_FromProblems):
    """一行的数字个数与列数不符: 少了或多了单元格。

    原因: 文本提取会丢失或重复单元格 (合并的标签单元格会吞掉第一个数)。能确定位置的单元格保留其值;丢失的单元格记
    为 ``missing``,从不补填。每个受损的行一条发现,并降低置信度,而不是报告好几个算术错误;一张表中受损的行多于
    ``group_above`` 行时,合为一条发现,列出各行的行号。

    不通过的例子: "(一) 予以公开⇥⇥⇥⇥0⇥0⇥0⇥0⇥0⇥1" (七列只有六个数)。
    通过的例子: 每列恰好一个数的行。
    """

    code = "EXT002"
    name = "row-damaged"
    summary = "行的单元格数与列数不符(缺失或多余)"
    severity = WARNING
    kinds = (K.CELL_MISSING, K.CELL_EXTRA, K.CELL_JOINED)

    options = {"group_above": 3}

    def hint_for(self, p):
        return "对照报告原件核对这一行"

    def check(self, report, ctx):
        """Rows of one table damaged alike are one finding when there are many of them."""
        by_table: dict = {}
        for p in report.problems:
            if p.kind in self.kinds:
                by_table.setdefault(p.table, []).append(p)
        for table, problems in by_table.items():
            if len(problems) <= ctx.options.get("group_above", 3):
                for p in problems:
                    yield self.finding(
                        p.message,
                        line=p.line,
                        column=p.column,
                        table=p.table,
                        row=p.row,
                        confidence=p.confidence,
                        hint=self.hint_for(p),
                    )
                continue
            first = problems[0]
            lines = "、".join(str(p.line) for p in problems[:12]) + ("…" if len(problems) > 12 else "")
            name = spec.TABLE_NAMES.get(table, table)
            yield self.finding(
                f"{name}有{len(problems)}行的单元格数与列数不符(第{lines}行);各行详情可用 ogilint parse 查看",
                line=first.line,
                column=first.column,
                table=table,
                confidence=min(p.confidence for p in problems),
                hint="对照报告原件核对这些行",
                extent=len(problems),
                related=[Location(p.line, p.column, p.table, p.row) for p in problems[1:]],
            )
