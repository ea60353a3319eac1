"""Extraction problems: what the parser could not read cleanly, as findings.

These are not errors of the report's arithmetic: a row whose cell was lost in extraction is one
finding here with lowered confidence, and the identity rules skip identities that involve a cell
that is not a number. Source: the parser's problem list (``Report.problems``); the layouts are
described in ``../shared/spec/REPORT-FORMAT.md`` §9.
"""

from __future__ import annotations

from ogilint.finding import ERROR, INFO, WARNING, Location
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule


class _FromProblems(Rule):
    kinds: tuple = ()
    groups = ("extraction",)

    def check(self, report, ctx):
        for p in report.problems:
            if p.kind in self.kinds:
                yield self.finding(p.message, line=p.line, column=p.column, table=p.table, row=p.row,
                                   col=p.col, confidence=p.confidence, hint=self.hint_for(p),
                                   extent=self.extent_for(report, p))

    def hint_for(self, p) -> str:
        return ""

    def extent_for(self, report, p) -> int:
        return 1


class ColumnMissing(_FromProblems):
    """表三缺少一整列 (例如「其他」列)。

    Why: the 2021 format's table 三 has seven columns (spec §4); a report whose table lacks one
    hides the requests of that applicant group, and every row of the table is one number short.
    Reported once for the column, not as a wrong sum in every row.

    Fails: header "商业企业 科研机构 社会公益组织 法律服务机构 总计" (no 其他) and rows of six numbers.
    Passes: the seven columns of the national format.
    """

    code = "EXT001"
    name = "column-missing"
    summary = "表三缺少一整列"
    severity = ERROR
    kinds = ("column-missing",)

    def hint_for(self, p):
        return "按国家格式补齐该列 (无数据时填 0)"

    def extent_for(self, report, p):
        return 25


class RowDamaged(_FromProblems):
    """一行的数字个数与列数不符: 少了或多了单元格。

    Why: extraction loses or duplicates cells (merged label cells swallow the first number). The
    cells that could be placed keep their values; a lost cell is ``missing`` and never filled in.
    One finding per damaged row, with lowered confidence, instead of several arithmetic errors.

    Fails: "(一) 予以公开⇥⇥⇥⇥0⇥0⇥0⇥0⇥0⇥1" (six numbers for seven columns).
    Passes: a row with exactly one number per column.
    """

    code = "EXT002"
    name = "row-damaged"
    summary = "行的单元格数与列数不符(缺失或多余)"
    severity = WARNING
    kinds = ("cell-missing", "cell-extra")

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
                    yield self.finding(p.message, line=p.line, column=p.column, table=p.table, row=p.row,
                                       confidence=p.confidence, hint=self.hint_for(p))
                continue
            first = problems[0]
            lines = "、".join(str(p.line) for p in problems[:12]) + ("…" if len(problems) > 12 else "")
            name = {"t2": "表二", "t3": "表三", "t4": "表四"}.get(table, table)
            yield self.finding(
                f"{name}有{len(problems)}行的单元格数与列数不符(第{lines}行);各行详情见 ogilint parse 的 problems",
                line=first.line, column=first.column, table=table, confidence=min(p.confidence for p in problems),
                hint="对照报告原件核对这些行", extent=len(problems),
                related=[Location(p.line, p.column, p.table, p.row) for p in problems[1:]])


class SplitAmbiguous(_FromProblems):
    """连写在一起的数字有多种拆法,无法确定各单元格的值。

    Why: crawler texts run a row's numbers together ("3960181"); where the table's identities
    allow several cuts the parser says so rather than guessing (spec §9).

    Fails: 表二「行政许可3960181」 (no identity decides between 396/0/181 and 39/60/181 …).
    Passes: "640020470" in table 三, which only 64,0,0,2,0,4,70 satisfies.
    """

    code = "EXT003"
    name = "split-ambiguous"
    summary = "连写数字无法唯一拆分"
    severity = WARNING
    kinds = ("split-ambiguous",)

    def hint_for(self, p):
        return "用报告原件 (PDF/网页表格) 核对"


class LabelUncertain(_FromProblems):
    """行标签缺失、与标准标签只部分相符,或表中多出无法对应的行。

    Why: OCR damage ("本生F新收") and local wording drift ("只计这一情况") are accepted and matched
    by position and similarity; this note tells the reviewer how the row was placed (spec §7, §9).
    """

    code = "EXT004"
    name = "label-uncertain"
    summary = "行标签缺失或不规范,已按位置/相似度归行"
    severity = INFO
    kinds = ("label-missing", "label-uncertain", "label-drift", "row-extra")


class Truncated(_FromProblems):
    """文本在报告结束前中断。

    Why: a report cut off by its source (a crawler, a one-page excerpt) cannot be checked past the
    cut; its missing parts are reported once here, not part by part.
    """

    code = "EXT005"
    name = "truncated"
    summary = "文本不完整(中途中断)"
    severity = WARNING
    kinds = ("truncated",)


class CellUnreadable(_FromProblems):
    """数字单元格中是无法识别为数字的文字。

    Why: OCR turns digits into letters ("O", "l"); such a cell is ``unreadable`` and no identity
    that needs it is checked.
    """

    code = "EXT006"
    name = "cell-unreadable"
    summary = "单元格内容无法识别为数字"
    severity = WARNING
    kinds = ("cell-unreadable",)


class SplitUnique(_FromProblems):
    """连写数字已按勾稽关系唯一拆分 (提示)。

    Why: the values of such rows rest on the identities; the reviewer should know they were cut.
    """

    code = "EXT007"
    name = "split-unique"
    summary = "连写数字已唯一拆分"
    severity = INFO
    kinds = ("split-unique",)


class RowMissing(_FromProblems):
    """表中缺少国家格式规定的行。

    Why: evaluators flag deleted table rows (spec §8); a row absent from the text is reported
    (unless the text is truncated before it).
    """

    code = "EXT008"
    name = "row-missing"
    summary = "表中缺少规定的行"
    severity = WARNING
    kinds = ("row-missing", "table-empty")

    def hint_for(self, p):
        return "按国家格式补齐该行 (无数据时填 0)"


class LabelDamaged(_FromProblems):
    """行标签有识别 (OCR) 错误。

    Why: characters changed inside a label ("本生F新收" for "本年新收") mean the row went through
    OCR; the row was placed by similarity, and its numbers may be damaged too (spec §9).

    Fails: "一、本生⇥F新收政府⇥信息公开申请数量⇥1⇥0…".
    Passes: "一、本年新收政府信息公开申请数量⇥1⇥0…"; a label whose tail went to the next line.
    """

    code = "EXT009"
    name = "label-damaged"
    summary = "行标签有识别错误"
    severity = WARNING
    kinds = ("label-damaged",)

    def hint_for(self, p):
        return "对照报告原件核对这一行的标签和数字"


class PageUnchecked(_FromProblems):
    """PDF 中有内容无法检查的页面:没有文字层 (扫描页) 或页面已损坏。

    Why: a report scanned in part (a signed last page, a table pasted as an image) or a damaged
    page hides what it says from every rule; the reviewer must know which pages went unchecked. A
    PDF with no text layer at all is refused with "需要先做 OCR" instead (exit 2).

    Fails: a PDF whose page 3 is an image of table 三.
    Passes: a PDF whose every page has a text layer.
    """

    code = "EXT010"
    name = "page-unchecked"
    summary = "PDF 页面没有文字层或已损坏,内容未检查"
    severity = WARNING
    kinds = ("page-no-text", "page-unreadable")

    def hint_for(self, p):
        if p.kind == "page-unreadable":
            return "向发布机关索取完好的文件后重新检查"
        return "对该页做 OCR 后重新检查,或向发布机关索取可复制文字的版本"


@hookimpl
def ogilint_rules():
    return [ColumnMissing, RowDamaged, SplitAmbiguous, LabelUncertain, Truncated, CellUnreadable, SplitUnique,
            RowMissing, LabelDamaged, PageUnchecked]
