"""IDN010 likely-culprit: 一个单元格同时使所在行和所在列的勾稽关系不成立 (相差同一个数): 很可能就是它错了。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, Location
from ogilint.plugins.rules.identities.common import culprits, failures
from ogilint.rule import Rule


class LikelyCulprit(Rule):
    """一个单元格同时使所在行和所在列的勾稽关系不成立 (相差同一个数): 很可能就是它错了。

    Why: a single wrong cell breaks its row total and its column's identities by the same amount;
    reporting it once, as the likely culprit with the identities as evidence, tells the reviewer
    where to look instead of a burst of separate errors (spec §5).

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
        for (row, col), evidence in sorted(culprits(report, fails).items()):
            cell = t3.rows[row].cells[col]
            row_f = evidence[0]
            diff = row_f["actual"] - row_f["expected"]
            kinds = "、".join(
                {"row": "行总计", "subtotal": "法人小计", "balance": "列平衡", "handled": "办理总计"}[e["kind"]]
                for e in evidence
            )
            yield self.finding(
                f"表三「{row}」行「{spec.COLUMN_LABELS[col]}」列的 {cell.value:g} 很可能有误: {kinds}都相差 {abs(diff):g}",
                line=cell.line,
                column=cell.column,
                table="t3",
                row=row,
                col=col,
                expected=row_f["expected"] if col in ("total", spec.T3_SUBTOTAL) else cell.value + diff,
                actual=cell.value,
                related=[
                    Location(t3.rows[r].cells[c].line, t3.rows[r].cells[c].column, "t3", r, c)
                    for e in evidence
                    for r, c in e["cells"]
                    if (r, c) != (row, col)
                ],
                hint="先核对这个单元格",
                extent=sum(len(e["cells"]) for e in evidence),
                confidence=0.8,
            )
