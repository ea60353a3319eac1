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

    Why: a single wrong cell breaks its row total and its column's identities by the same amount;
    reporting it once, as the likely culprit with the identities as evidence, tells the reviewer
    where to look instead of a burst of separate errors (spec §5). The same change of the cell must
    make every one of them hold, and leave it a count (zero or more).

    A row whose digits ran together ("280020130") and that no split makes add up is read by the parser
    the one way a single cell explains (EXT003 says so); the cell is then named with less confidence.

    Fails: 「予以公开」自然人 typed 3 instead of 1: row total and the column's handled total both
    miss by 2 through that cell.
    Passes: every identity holds.
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
