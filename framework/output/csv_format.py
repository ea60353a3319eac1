"""CSV for spreadsheets: one row per finding, and one per file that could not be checked, with Chinese
headers. UTF-8 with a byte-order mark, so Excel on Chinese Windows opens it without garbling; cells
that a spreadsheet would take for a formula ("=", "+", "-", "@" first) are quoted with a leading
apostrophe, since report text reaches them."""

from __future__ import annotations

import csv
import io

from ogilint import spec
from ogilint.output.shown import SEVERITY_WORDS

HEADER = tuple("文件 机关 年度 代码 规则 严重级别 行 列 表 单元格 消息 期望 实际 建议 置信度 排序".split())
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def render(results, rules=()) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for res in results:
        if res.error:
            row = [""] * len(HEADER)
            row[0], row[5], row[10] = _cell(res.path), SEVERITY_WORDS["error"], _cell("无法检查: " + res.error)
            writer.writerow(row)
            continue
        meta = res.report.meta
        for f in res.findings:
            loc = f.location
            cell = ""
            if loc.table and loc.row and loc.col:
                cell = spec.cell_label(meta.template_version, loc.table, loc.row, loc.col)
            writer.writerow(
                [
                    _cell(res.path),
                    _cell(meta.body),
                    _cell(meta.year),
                    f.code,
                    f.name,
                    SEVERITY_WORDS.get(f.severity, f.severity),
                    _cell(loc.line),
                    _cell(loc.column),
                    spec.TABLE_NAMES.get(loc.table, "") if loc.table else "",
                    _cell(cell),
                    _cell(f.message),
                    _cell(f.expected),
                    _cell(f.actual),
                    _cell(f.hint),
                    f"{f.confidence:.2f}",
                    f.rank,
                ]
            )
    return out.getvalue()
