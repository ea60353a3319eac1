"""TXT008 outcome-counts: 正文所说的予以公开、不予公开、无法提供等办理结果件数与表三不符。"""

from __future__ import annotations

import re
from typing import Optional

import attrs

from ogilint import model, spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import OUTCOME, is_own_body, read_claims
from ogilint.plugins.rules.text_tables.common import of_other_year, subject_note
from ogilint.rule import Rule

# A cell read with less confidence than this was placed by the parser's guess: not judged
# (identities/common.GUESSED).
GUESSED = 0.5
# An error needs every cell it rests on read at least this well.
SURE = 0.9

# How the text names each category (a message repeats the text's words).
_SAID = {
    "granted": "予以公开",
    "partially_granted": "部分公开",
    "denied": "不予公开",
    "unavailable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
}
# Earlier in the sentence: the outcomes may be those of a part of the requests ("自然人申请中…",
# "上年结转的申请…").
_PART_OF_REQUESTS = re.compile(r"自然人|法人|商业企业|科研机构|社会公益组织|法律服务机构|结转|转结|顺延")


@attrs.frozen
class Counted:
    """A category's count in table 三's 总计 column."""

    value: float
    cells: tuple  # (row, column, Cell) read: the 总计 cells, or a row's applicant cells when its 总计 is blank
    summed: bool  # some row's 总计 was blank and its applicant columns were added up


def _row_total(t3, row: str) -> Optional[Counted]:
    """A row's 总计: the cell; a blank cell beside applicant columns holding counts is their sum."""
    cell = t3.cell(row, "total")
    if cell is None or cell.confidence < GUESSED:
        return None
    if cell.kind == model.NUMBER:
        return Counted(cell.value, ((row, "total", cell),), False)
    if cell.kind != model.BLANK:
        return None
    parts = [(c, t3.cell(row, c)) for c in t3.present_columns if c != "total"]
    if any(x is None or x.as_count() is None or x.confidence < GUESSED for _, x in parts):
        return None
    counted = [(row, c, x) for c, x in parts if x.kind == model.NUMBER and x.value]
    if not counted:
        return Counted(0, ((row, "total", cell),), False)
    return Counted(sum(x.value for _, _, x in counted), tuple(counted), True)


def category_rows(t3, category: str) -> tuple[str, ...]:
    """The rows of table 三 a category stands in: its own row (予以公开, 部分公开, a category printed as
    one row, the 2019 format's 其他处理) or its sub-rows ("denied.state_secret" …)."""
    own = t3.rows.get(category)
    if own is not None and any(c.kind != model.MISSING for c in own.cells.values()):
        return (category,)
    return tuple(k for k in t3.rows if k.startswith(category + "."))


def counted(t3, categories) -> Optional[Counted]:
    """Σ of the categories' rows in the 总计 column; None when a row cannot be read."""
    value, cells, summed = 0, [], False
    for category in categories:
        rows = category_rows(t3, category)
        if not rows:
            return None
        for row in rows:
            total = _row_total(t3, row)
            if total is None:
                return None
            value += total.value
            cells += total.cells
            summed = summed or total.summed
    return Counted(value, tuple(cells), summed)


def _adds_up(t3) -> Optional[bool]:
    """Whether the outcome rows add up to (七)总计 in the 总计 column (None: cannot tell)."""
    handled = t3.cell("total_handled", "total")
    every = counted(t3, _SAID)
    if handled is None or handled.kind != model.NUMBER or every is None:
        return None
    return abs(every.value - handled.value) <= spec.TOLERANCE


def _row_label(report, row: str) -> str:
    table = spec.tables_for(report.meta.template_version)["t3"]
    try:
        return table.row(row).label.split("(区分", 1)[0]
    except KeyError:
        return spec.T3_CATEGORIES.get(row, row)


def _rows_named(report, t3, categories) -> str:
    """How a message names the rows compared: "「(一)予以公开」行「总计」列", "「(四)无法提供」各行「总计」列之和",
    "「(一)予以公开」与「(二)部分公开」行「总计」列之和"."""
    names, rows = [], 0
    for category in categories:
        own = category_rows(t3, category)
        rows += len(own)
        label = _row_label(report, category) if own == (category,) else spec.T3_CATEGORIES.get(category, category)
        names.append(f"「{label}」")
    if len(categories) == 1 and rows > 1:
        return f"{names[0]}各行「总计」列之和"
    return "与".join(names) + "行「总计」列" + ("之和" if rows > 1 else "")


def _same_as(report, t3, categories, value) -> str:
    """Which one row or cell of the rows compared holds the text's number ("1.本机关不掌握相关政府信息"
    行, "(一)予以公开" 行「自然人」列): where the text may have taken it from."""
    rows = [row for category in categories for row in category_rows(t3, category)]
    for row in rows:
        label = _row_label(report, row)
        if "." in row:
            label = f"{spec.T3_CATEGORIES[row.partition('.')[0]]} {label}"
        total = _row_total(t3, row)
        if len(rows) > 1 and total is not None and total.value == value:
            return f"正文之数与「{label}」行之数相同"
        for col in t3.present_columns:
            cell = t3.cell(row, col)
            if col != "total" and cell is not None and cell.kind == model.NUMBER and cell.value == value:
                return f"正文之数与「{label}」行「{spec.COLUMN_LABELS.get(col, col)}」列相同"
    return ""


class OutcomeCounts(Rule):
    """正文所说的予以公开、不予公开、无法提供等办理结果件数与表三不符。

    原因: 第一部分常常说明当年的申请是怎样答复的,与表三 三、本年度办理结果 的统计相对应 (见格式说明 §4–§5,正文对
    照表格): "予以公开N件" 对照 (一)予以公开,"部分公开N件" 对照 (二)部分公开,"予以公开及部分公开N件" 对照二者之
    和,"不予公开N件"、"无法提供N件"、"不予处理N件"、"其他处理N件" 对照该类别各行之和 ((三)不予公开 1–8 …,报告只
    印一行时就是该类别的那一行),都取 总计 列。用 claims 语法读取 (grammars/claims.lark,起始符号 ``outcome``);"同
    意公开" 读作 予以公开。计数旁的百分比归 TXT007 检查。

    默认为警告: 叙述可能按不同的口径计数 (某一类申请人、当年内作出的答复)。同时满足以下条件时才是错误: 句子的主
    语是报告机关本身,讲的是本年,数字是确数,比较的每个表格单元格读取的置信度 ≥ 0.9,每一行的 总计 都印出来了,且各
    办理结果行加起来等于 (七)总计 (表本身是一致的)。总计 为空白而各申请人列有数的行,用各列之和比较 (警告)。以下
    不比较: 另一年的数字,句中点明申请人或结转申请的部分 ("自然人申请中…") 之后的数字,按猜测读取或根本没有读取的
    行。

    不通过的例子: hunt/sh-bgt-2019 "因本机关不掌握等原因无法提供265件",而 (四)无法提供 各行为 265 + 47 + 25 =
    337 (265 只是 1.本机关不掌握相关政府信息 一行)。
    通过的例子: sh-bgt-2025 "予以公开及部分公开 208 件…不予公开 20 件…无法提供 564 件…不予处理 80 件，其他处理
    319 件",表三为 206 + 2、20、564、80 和 319。
    """

    code = "TXT008"
    name = "outcome-counts"
    summary = "正文的予以公开、不予公开等办理结果件数与表三不符"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        t3 = report.tables.get("t3")
        if t3 is None or not t3.found:
            return
        adds_up = None
        for c in read_claims(report):
            if c.kind != OUTCOME or c.unit != "件" or of_other_year(c, report):
                continue
            if _PART_OF_REQUESTS.search(c.before.rpartition("；")[2]):
                continue
            table = counted(t3, c.categories)
            if table is None or abs(table.value - c.value) <= spec.TOLERANCE:
                continue
            if adds_up is None:
                adds_up = _adds_up(t3)
            said = "及".join(_SAID[k] for k in c.categories)
            rows = _rows_named(report, t3, c.categories)
            notes = []
            if table.summed:
                notes.append("表三「总计」列空白,按各类申请人之和计")
            same = _same_as(report, t3, c.categories, c.value)
            if same:
                notes.append(same)
            severity, confidence = ERROR, 0.8
            if not is_own_body(c, report.meta.body):
                severity, confidence = WARNING, 0.5
                notes.insert(0, subject_note(c, report.meta.body))
            elif adds_up is not True:
                severity, confidence = WARNING, 0.5
                notes.append("表三办理结果各行之和与(七)总计不符或无法核对,表格本身可能有误")
            elif c.approx or table.summed or min(cell.confidence for _, _, cell in table.cells) < SURE:
                severity, confidence = WARNING, 0.6
            yield self.finding(
                f"正文说{said}{c.value:g}件,表三{rows}为{table.value:g}件" + (f"({';'.join(notes)})" if notes else ""),
                line=c.line,
                column=c.column,
                table="t3",
                row=c.categories[0],
                col="total",
                expected=table.value,
                actual=c.value,
                confidence=confidence,
                severity=severity,
                related=[Location(cell.line, cell.column, "t3", row, col) for row, col, cell in table.cells[:8]],
            )
