"""The findings of a run as rows of a spreadsheet, stated once for CSV and XLSX: one row per finding,
one per file that could not be checked (or was skipped), under Chinese headers. The values keep
their types (numbers stay numbers); each format decides how a value is written."""

from __future__ import annotations

from ogilint import spec
from ogilint.output.shown import SEVERITY_WORDS, not_checked

HEADER = tuple("文件 机关 年度 代码 规则 严重级别 行 列 表 单元格 消息 期望 实际 建议 置信度 排序".split())
DECIMALS = {"置信度": 2}  # columns shown with a fixed number of decimals


def finding_row(res, f) -> list:
    """One finding of a checked report, in the order of :data:`HEADER`."""
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
        f.name,
        SEVERITY_WORDS.get(f.severity, f.severity),
        loc.line,
        loc.column,
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
    row[0], row[5], row[10] = res.path, SEVERITY_WORDS["info" if skipped else "error"], not_checked(res)
    return row


def rows(results):
    """Every row of a run, in the order of the results and of each report's findings."""
    for res in results:
        if res.error:
            yield unchecked_row(res)
            continue
        for f in res.findings:
            yield finding_row(res, f)
