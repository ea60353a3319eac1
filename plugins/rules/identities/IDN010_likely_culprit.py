"""IDN010 likely-culprit: 一个单元格同时使所在行和所在列的勾稽关系不成立 (相差同一个数): 很可能就是它错了。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.identities.common import (
    IDENTITY_NAMES,
    change,
    culprits,
    failures,
    read_by_one_cell,
    row_name,
)
from ogilint.rule import Rule


class LikelyCulprit(Rule):
    """一个单元格同时使所在行和所在列的勾稽关系不成立 (相差同一个数): 很可能就是它错了。

    原因: 一个错误的单元格会使其所在行的总计和所在列的勾稽关系相差同一个数;把它作为最可能出错的地方报告一次,并以
    这些勾稽关系为依据,告诉审核人该看哪里,而不是给出一连串互不相干的错误 (见格式说明 §5)。对该单元格的同一个改动
    必须使所有这些关系都成立,且改后仍是一个计数 (零或以上)。

    数字连在一起的行 ("280020130"),若没有哪种拆法能加得上,解析器就按能由单个单元格解释的那一种读取 (EXT003 会说
    明);此时指出的单元格置信度较低。

    不通过的例子: 「予以公开」自然人 应为 1 而写成了 3: 行总计和该列的办理结果总计都因这一格相差 2。
    通过的例子: 所有勾稽关系都成立。
    """

    code = "IDN010"
    name = "likely-culprit"
    summary = "一个单元格解释了多个不成立的勾稽关系"
    severity = ERROR
    groups = ("identities",)

    def check(self, report, ctx):
        fails = failures(report)
        t3 = report.tables["t3"]
        guessed = read_by_one_cell(report)
        for (row, col), evidence in sorted(culprits(report, fails).items()):
            cell = t3.rows[row].cells[col]
            delta = change(evidence[0], (row, col))
            kinds = "、".join(IDENTITY_NAMES[e["kind"]] for e in evidence)
            split = (row, col) in guessed
            value = cell.value if cell.value is not None else 0  # a blank cell counts as 0 (spec §5)
            shown = f"的 {value:g} " if cell.value is not None else "空白,"
            yield self.finding(
                f"表三「{row_name(report, row)}」行「{spec.COLUMN_LABELS[col]}」列{shown}很可能有误: "
                f"{kinds}都相差 {abs(delta):g}(应为 {value + delta:g})"
                + (";这一行的数字连写在一起,是按这一格之差选定的拆分" if split else ""),
                line=cell.line,
                column=cell.column,
                table="t3",
                row=row,
                col=col,
                expected=value + delta,
                actual=cell.value,
                related=[
                    Location(t3.rows[r].cells[c].line, t3.rows[r].cells[c].column, "t3", r, c)
                    for e in evidence
                    for r, c in e["cells"]
                    if (r, c) != (row, col)
                ],
                hint="先核对这个单元格",
                extent=sum(len(e["cells"]) for e in evidence),
                confidence=0.6 if split or cell.value is None else 0.8,
                # a blank cell may have been left blank or lost on the way to this text: not an accusation
                severity=WARNING if cell.value is None else None,
            )
