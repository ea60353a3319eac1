"""The findings of a run as rows of a spreadsheet, stated once for CSV and XLSX: one row per finding,
one per file that could not be checked (or was skipped), under Chinese headers. The values keep
their types (numbers stay numbers); each format decides how a value is written."""

from __future__ import annotations

from typing import Optional

from ogilint import spec
from ogilint.output.shown import SEVERITY_WORDS, not_checked

# 行/列 are the extracted text's (as every format gives them); 原文件位置 is the place in the PDF,
# DOCX or web page a reader opens ("第4页第14行"). 规则 is the rule's Chinese summary, 重要度 the
# rank (0–100) by which the text output orders findings.
HEADER = tuple("文件 机关 年度 代码 规则 严重级别 行 列 原文件位置 表 单元格 消息 期望 实际 建议 置信度 重要度".split())
DECIMALS = {"置信度": 2}  # columns shown with a fixed number of decimals


def finding_row(res, f, summaries: Optional[dict] = None) -> list:
    """One finding of a checked report, in the order of :data:`HEADER` (``summaries``: rule code ->
    its Chinese summary; the code stands alone without it)."""
    meta = res.report.meta
    loc = f.location
    cell = ""
    if loc.table and loc.row and loc.col:
        cell = spec.cell_label(meta.template_version, loc.table, loc.row, loc.col)
    return [
        res.path,
        meta.body,
        meta.year,
        f.code,
        (summaries or {}).get(f.code, ""),
        SEVERITY_WORDS.get(f.severity, f.severity),
        loc.line,
        loc.column,
        res.report.where(loc.line, loc.column) if loc.line else "",
        spec.TABLE_NAMES.get(loc.table, "") if loc.table else "",
        cell,
        f.message,
        f.expected,
        f.actual,
        f.hint,
        f.confidence,
        f.rank,
    ]


def unchecked_row(res) -> list:
    """A file that could not be checked (an error) or a folder's file that is not a report (a note)."""
    row: list = [None] * len(HEADER)
    skipped = getattr(res, "skipped", False)
    row[0], row[5] = res.path, SEVERITY_WORDS["info" if skipped else "error"]
    row[HEADER.index("消息")] = not_checked(res)
    return row


def rows(results, rules=()):
    """Every row of a run, in the order of the results and of each report's findings (``rules``: the
    run's rule classes, whose summaries name the rules)."""
    summaries = {r.code: r.summary for r in rules}
    for res in results:
        if res.error:
            yield unchecked_row(res)
            continue
        for f in res.findings:
            yield finding_row(res, f, summaries)
