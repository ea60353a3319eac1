"""What the layout tests share: parse a text and read a row's cells in a form easy to compare."""

from __future__ import annotations

from ogilint import parse_text
from ogilint.model import Report

from ..conftest import FIXTURES


def parse(text: str) -> Report:
    return parse_text(text, source="layout-test")


def fixture_lines(rel: str, start: int, end: int) -> str:
    """Lines ``start``..``end`` (1-based, inclusive) of a fixture file, joined with newlines: real text
    cut out of a real report, so a test is built from what a body actually published."""
    text = (FIXTURES / rel).read_text(encoding="utf-8")
    return "\n".join(text.splitlines()[start - 1 : end]) + "\n"


def values(report: Report, table: str, row: str) -> list:
    """The row's cells as values: the number, or the kind for a cell that holds none."""
    cells = report.tables[table].rows[row].cells
    return [c.value if c.kind == "number" else c.kind for c in cells.values()]


def kinds(report: Report) -> list[tuple]:
    """(kind, table, row) of every problem the parser reported."""
    return [(str(p.kind), p.table, p.row) for p in report.problems]
