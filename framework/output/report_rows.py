"""One row per report of a run: what an evaluator compares across a folder — the body, its kind and
level, the year and template, the key figures of tables 二/三/四 and how many findings of each
severity. Computed once here for every output that lists reports (the XLSX sheet "报告", the HTML
overview); files that could not be checked get a row with the reason."""

from __future__ import annotations

from typing import Optional

import attrs

from ogilint import spec
from ogilint.model import BLANK, MISSING, NUMBER, UNREADABLE
from ogilint.output import overview
from ogilint.output.shown import not_checked
from ogilint.spec.bodies import KIND_WORDS, LEVEL_WORDS

SEVERITIES = ("error", "warning", "info")  # the count columns, worst first

# The cells an evaluator looks at first: rules in force, fees, requests received, carried over,
# handled and carried forward, and the review and litigation totals.
KEY_FIGURES = (
    ("t2", "normative_docs", "in_force"),
    ("t2", "fees", "amount"),
    ("t3", "new_received", "total"),
    ("t3", "carried_over", "total"),
    ("t3", "total_handled", "total"),
    ("t3", "carried_forward", "total"),
    ("t4", "review", "total"),
    ("t4", "litigation_direct", "total"),
    ("t4", "litigation_after_review", "total"),
)


def figure_header(table: str, row: str, col: str) -> str:
    """A key figure's column head in the current format's words: "表三「(七)总计」行「总计」列"."""
    label = spec.cell_label(spec.TEMPLATE_2021, table, row, col)
    unit = spec.column_heading(spec.TEMPLATE_2021, table, col)[len(spec.column_label(spec.TEMPLATE_2021, table, col)) :]
    return spec.TABLE_NAMES[table] + label + unit


HEAD = ("文件", "标题", "机关", "机关类型", "层级", "年度", "格式版本")
COUNTS = ("错误", "警告", "提示")
HEADER = (*HEAD, *(figure_header(*k) for k in KEY_FIGURES), *COUNTS, "未检查的原因")


@attrs.frozen
class ReportRow:
    path: str
    title: Optional[str] = None
    body: Optional[str] = None
    kind: Optional[str] = None  # "政府", "部门", "乡镇"
    level: Optional[str] = None  # "省级" … "乡镇级"
    year: Optional[int] = None
    template: Optional[str] = None  # "2021年版格式"
    figures: tuple = ()  # one value per KEY_FIGURES: a number, the text printed instead, or None
    counts: Optional[tuple] = None  # (errors, warnings, notes); None for a file not checked
    reason: str = ""  # why the file was not checked ("无法检查: …", "已跳过: …")

    def values(self) -> list:
        """The row in the order of :data:`HEADER`."""
        head = [self.path, self.title, self.body, self.kind, self.level, self.year, self.template]
        figures = list(self.figures) or [None] * len(KEY_FIGURES)
        return [*head, *figures, *(self.counts or (None,) * len(COUNTS)), self.reason]


_NOT_A_FIGURE = {UNREADABLE: "(无法识别)", MISSING: "(未读到)"}


def figure(report, table: str, row: str, col: str):
    """A cell's number; for a cell printed without one, the text printed ("—", "/"); a word in
    brackets for a cell that could not be read or was not found (never its raw digits: "77132470",
    three cells run together, is not a count of 77 million); None when the report has no such table
    or cell, or the cell is blank."""
    t = report.tables.get(table)
    cell = t.cell(row, col) if t is not None and t.found else None
    if cell is None or cell.kind == BLANK:
        return None
    if cell.kind == NUMBER:
        return cell.value
    if cell.kind in _NOT_A_FIGURE:
        return _NOT_A_FIGURE[cell.kind]
    return cell.raw or None


counts = overview.counts


def report_row(result) -> ReportRow:
    if result.error:
        return ReportRow(path=result.path, reason=not_checked(result))
    m = result.report.meta
    kind, level = spec.body_kind(m.body), spec.body_level(m.body)
    return ReportRow(
        path=result.path,
        title=m.title,
        body=m.body,
        kind=KIND_WORDS.get(kind),
        level=LEVEL_WORDS.get(level),
        year=m.year,
        template=f"{m.template_version}年版格式" if m.template_version else None,
        figures=tuple(figure(result.report, *k) for k in KEY_FIGURES),
        counts=counts(result),
    )


def report_rows(results) -> list[ReportRow]:
    """The rows worst first, as the text overview orders them: files that could not be read, then
    reports by errors, warnings and notes; the files a folder walk skipped last."""
    unread = [r for r in results if r.error and not getattr(r, "skipped", False)]
    checked = sorted((r for r in results if not r.error), key=lambda r: tuple(-n for n in counts(r)))
    skipped = [r for r in results if getattr(r, "skipped", False)]
    return [report_row(r) for r in (*unread, *checked, *skipped)]
