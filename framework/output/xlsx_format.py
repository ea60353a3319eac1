"""XLSX for spreadsheets: a workbook with the sheet "报告" (one row per report: body, kind and level,
year, template, the key figures of tables 二/三/四, findings by severity, why a file was not checked;
worst first, as the text overview) and the sheet "发现" (one row per finding and per file not checked,
the columns of the CSV output). Headers frozen and filterable; numbers are numbers, and report text is
never read as a formula. ``render`` gives bytes: the command line writes them to a file, or to a
stdout that is not a terminal."""

from __future__ import annotations

from ogilint.output import finding_rows, report_rows
from ogilint.output.shown import SEVERITY_WORDS
from ogilint.output.workbook import Book

_MARKS = {"error": "#FFCDD2", "warning": "#FFE0B2"}  # light red for errors, light orange for warnings


def render(results, rules=()) -> bytes:
    book = Book("ogilint 检查结果")
    marks = {s: book.workbook.add_format({"bg_color": colour}) for s, colour in _MARKS.items()}
    rows = [r.values() for r in report_rows.report_rows(results)]
    ws = book.sheet("报告", report_rows.HEADER, rows, freeze_columns=1)
    for severity, mark in marks.items():  # a report with errors (warnings) shows it in its count
        col = report_rows.HEADER.index(SEVERITY_WORDS[severity])
        ws.conditional_format(
            1, col, max(len(rows), 1), col, {"type": "cell", "criteria": ">", "value": 0, "format": mark}
        )
    findings = list(finding_rows.rows(results, rules))
    ws = book.sheet("发现", finding_rows.HEADER, findings, decimals=finding_rows.DECIMALS, freeze_columns=1)
    col = finding_rows.HEADER.index("严重级别")
    for severity, mark in marks.items():
        word = SEVERITY_WORDS[severity]
        rule = {"type": "cell", "criteria": "==", "value": f'"{word}"', "format": mark}
        ws.conditional_format(1, col, max(len(findings), 1), col, rule)
    return book.close()
