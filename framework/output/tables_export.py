"""``ogilint parse --format csv|xlsx``: the tables 二/三/四 a report was read into, for a spreadsheet.

CSV: one row per cell — the table, its row and column by the labels of the national format and by
their canonical keys, the value, the text it was read from, how sure extraction is, and where it
stands (the line and column of the extracted text; the page and line of a PDF, the table, row and
cell of a DOCX). XLSX: one sheet per table laid out as the format prints it (rows by columns, Chinese
labels), a sheet of the report's facts and a sheet of all cells as in the CSV."""

from __future__ import annotations

from ogilint import spec
from ogilint.model import BLANK, MISSING, NOT_APPLICABLE, NUMBER, UNREADABLE
from ogilint.output.csv_format import csv_text
from ogilint.output.workbook import Book
from ogilint.spec.bodies import KIND_WORDS, LEVEL_WORDS
from ogilint.spec.tables import column_label, row_label

CELL_KIND_WORDS = {NUMBER: "数字", BLANK: "空白", NOT_APPLICABLE: "不适用", UNREADABLE: "无法识别", MISSING: "缺失"}
CELL_HEADER = ("表", "行", "列", "行键", "列键", "值", "原文", "类型", "置信度", "文本行号", "文本列号", "原文件位置")
DECIMALS = {"置信度": 2}


def _version(report) -> str:
    return spec.template_or_default(report.meta.template_version)


def _category(rkey: str) -> str:
    """The label of the category a sub-row of table 三 stands under ("(三)不予公开"), or ""."""
    head, dot, _ = rkey.partition(".")
    return spec.T3_CATEGORIES.get(head, "") if dot else ""


def _row_name(version: str, tkey: str, rkey: str) -> str:
    """A row's label, after its category's for a sub-row: "(三)不予公开 1.属于国家秘密"."""
    label = row_label(version, tkey, rkey)
    category = _category(rkey) if tkey == "t3" else ""
    return f"{category} {label}" if category else label


def cell_rows(report):
    """One row per cell of the three tables, in the order of the format (CELL_HEADER's columns)."""
    version = _version(report)
    for tkey, table in report.tables.items():
        for rkey, row in table.rows.items():
            for ckey, cell in row.cells.items():
                yield [
                    spec.TABLE_NAMES.get(tkey, tkey),
                    _row_name(version, tkey, rkey),
                    column_label(version, tkey, ckey),
                    rkey,
                    ckey,
                    cell.value if cell.kind == NUMBER else None,
                    cell.raw,
                    CELL_KIND_WORDS.get(cell.kind, cell.kind),
                    cell.confidence,
                    cell.line,
                    cell.column,
                    report.where(cell.line, cell.column) if cell.line else "",
                ]


def meta_rows(report) -> list[tuple[str, object]]:
    """The report's facts as (名称, 值) pairs."""
    m = report.meta
    period = m.period.raw if m.period is not None else None
    detected = "由报告用语判定" if m.template_detected else "按年度推定"
    return [
        ("文件", m.source),
        ("标题", m.title),
        ("机关", m.body),
        ("机关类型", KIND_WORDS.get(spec.body_kind(m.body))),
        ("层级", LEVEL_WORDS.get(spec.body_level(m.body))),
        ("地区", m.region),
        ("年度", m.year),
        ("统计期限", period),
        ("发布日期", m.published),
        ("格式版本", f"{m.template_version}年版格式 ({detected})" if m.template_version else None),
        ("格式依据", "、".join(m.template_evidence)),
        ("来源格式", m.source_format),
        ("编码", m.encoding),
    ]


def csv(report) -> str:
    """The cells as CSV (UTF-8 with BOM, Chinese headers)."""
    return csv_text(CELL_HEADER, cell_rows(report), DECIMALS)


def _shown(cell):
    """A cell of the laid-out table: its number, or the text printed in its place."""
    if cell is None or cell.kind == MISSING:
        return None
    return cell.value if cell.kind == NUMBER else cell.raw


def _table_sheet(book: Book, report, tkey: str, table) -> None:
    version = _version(report)
    columns = list(table.columns)
    # Table 三 prints the category of its sub-rows in a column of its own ("(三)不予公开").
    lead = ["类别", "行"] if tkey == "t3" else ["行"]
    header = [*lead, *(column_label(version, tkey, c) for c in columns)]
    rows = [
        [
            *([_category(rkey)] if tkey == "t3" else []),
            row_label(version, tkey, rkey),
            *(_shown(row.cells.get(c)) for c in columns),
        ]
        for rkey, row in table.rows.items()
    ]
    book.sheet(spec.TABLE_NAMES.get(tkey, tkey), header, rows, freeze_columns=len(lead))


def xlsx(report) -> bytes:
    """The tables as a workbook: 表二, 表三, 表四 as the format lays them out, 基本信息, 单元格."""
    book = Book("ogilint 表格提取")
    for tkey, table in report.tables.items():
        _table_sheet(book, report, tkey, table)
    book.sheet("基本信息", ("项目", "内容"), meta_rows(report), freeze_columns=1)
    book.sheet("单元格", CELL_HEADER, cell_rows(report), decimals=DECIMALS, freeze_columns=3)
    return book.close()
