"""The base class of every rule. One rule per file (``plugins/rules/<family>/<CODE>_<name>.py``), as in
SQLFluff, with its cases in ``tests/rules/cases/<CODE>.toml``.

A rule declares, as class attributes, its stable ``code`` (family prefix + digits, selectable by
prefix), a kebab-case ``name``, a one-line ``summary``, a default ``severity``, ``groups`` and
``options`` with defaults; its docstring says why the rule exists, cites the spec
(``docs/report-format.md``) or the law, and shows a failing and a passing example —
``ogilint explain CODE`` prints it.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import Optional

import attrs

from ogilint.finding import ERROR, Finding, Location


@attrs.frozen
class Context:
    """What a rule may know besides the report: its options and the other reports of the run."""

    options: dict
    run_reports: tuple = ()  # other reports checked in the same run (for cross-year rules)
    path: str = ""


class Rule:
    code: str = ""
    name: str = ""
    summary: str = ""
    severity: str = ERROR
    groups: tuple = ()
    options: dict = {}
    plugin: str = ""

    def check(self, report, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    # --- helpers for rule authors -----------------------------------------------------------
    def finding(
        self,
        message: str,
        *,
        line: Optional[int] = None,
        column: Optional[int] = None,
        table: Optional[str] = None,
        row: Optional[str] = None,
        col: Optional[str] = None,
        expected=None,
        actual=None,
        related=(),
        hint: str = "",
        confidence: float = 1.0,
        severity: Optional[str] = None,
        extent: int = 1,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            location=Location(line, column, table, row, col),
            confidence=confidence,
            expected=expected,
            actual=actual,
            related=tuple(related),
            hint=hint,
            plugin=self.plugin,
            extent=extent,
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)


def iter_cells(report, table: str) -> Iterator[tuple[str, str, object]]:
    """(row key, column key, cell) for every cell of a table."""
    t = report.tables.get(table)
    if t is None:
        return
    for row_key, row in t.rows.items():
        for col_key, cell in row.cells.items():
            yield row_key, col_key, cell


class ProblemRule(Rule):
    """A rule that reports extraction problems (``report.problems``) of some kinds as findings: the
    problem's message and place become the finding's. Subclasses set ``kinds`` and may give a hint."""

    kinds: tuple = ()  # ProblemKind values (spec/problems.py)

    def check(self, report, ctx: Context) -> Iterator[Finding]:
        for p in report.problems:
            if p.kind in self.kinds:
                yield self.finding(
                    p.message,
                    line=p.line,
                    column=p.column,
                    table=p.table,
                    row=p.row,
                    col=p.col,
                    confidence=p.confidence,
                    hint=self.hint_for(p),
                    extent=self.extent_for(report, p),
                )

    def hint_for(self, p) -> str:
        return ""

    def extent_for(self, report, p) -> int:
        return 1
