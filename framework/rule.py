"""The base class of every rule. One rule per file (``plugins/rules/<family>/<CODE>_<name>.py``), as in
SQLFluff, with its cases in ``tests/rules/cases/<CODE>.toml``.

A rule declares, as class attributes, its stable ``code`` (family prefix + digits, selectable by
prefix), a kebab-case ``name``, a one-line ``summary``, a default ``severity``, ``groups`` and
``options`` with defaults; its docstring says why the rule exists, cites the spec
(``docs/report-format.md``) or the law, and shows a failing and a passing example —
``ogilint explain CODE`` prints it.
"""

from __future__ import annotations

import functools
import inspect
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Optional

import attrs

from ogilint.finding import ERROR, Finding, Location


class Run:
    """The reports of one check run (``ogilint check DIR``, or the reports a pytest session collects),
    in run order. Rules see it through :class:`RunReports`, one view per report; an index by a key
    (body and year, region and year) is built once per run, so a cross-report rule looks reports up
    instead of scanning every other report of the run for each report.

    A large run holds its reports as stand-ins that load the model only when a rule reads more than
    the report's ``meta`` (``checking/outcome.py``): the keys of the indexes read the meta only, so
    building an index loads nothing."""

    def __init__(self, reports: Iterable = ()):
        self.reports = tuple(reports)
        self._members: Optional[set] = None  # their ids, once a report not known to be one is asked about
        self._indexes: dict = {}

    def seen_from(self, report) -> RunReports:
        """The other reports of the run, as ``report`` (a member, or any report) sees them."""
        if self._members is None:
            self._members = {id(r) for r in self.reports}
        return RunReports(self, report if id(report) in self._members else None)

    def seen_by_member(self, report) -> RunReports:
        """:meth:`seen_from` for a report known to be one of the run's (the engine's, which made the
        run of them): no set of the members is made, which a large run would hold while it checks."""
        return RunReports(self, report)

    def index(self, key: Callable) -> dict:
        """{hash of key(report): the report, or a list of the reports (in run order) whose keys share
        that hash} for the reports whose key is not None. Kept by hash, not by key: a key holds a
        report's words (its body's name), and a run of 100,000 reports would hold them all; a lookup
        (:meth:`RunReports.where`) compares the few reports it finds with the key itself."""
        found = self._indexes.get(key)
        if found is None:
            found = {}
            for r in self.reports:
                k = key(r)
                if k is None:
                    continue
                h = hash(k)
                there = found.get(h)
                if there is None:
                    found[h] = r
                elif type(there) is list:
                    there.append(r)
                else:
                    found[h] = [there, r]
            self._indexes[key] = found
        return found


class RunReports(Sequence):
    """The other reports of a run, seen from one report: every report of the run but that one, in run
    order (a sequence, as ``Context.run_reports`` always was), and :meth:`where` to look them up by a
    key through the run's shared index."""

    __slots__ = ("_run", "_self")

    def __init__(self, run: Run, report=None):
        self._run, self._self = run, report

    def __iter__(self) -> Iterator:
        return (r for r in self._run.reports if r is not self._self)

    def __len__(self) -> int:
        return len(self._run.reports) - (self._self is not None)

    def __getitem__(self, i):
        return tuple(self)[i]

    def where(self, key: Callable, value) -> tuple:
        """The other reports whose ``key`` is ``value``, in run order."""
        there = self._run.index(key).get(hash(value))
        if there is None:
            return ()
        return tuple(r for r in (there if type(there) is list else (there,)) if r is not self._self and key(r) == value)


def has_second_part(rule) -> bool:
    """Whether ``rule`` has a :meth:`Rule.with_others` of its own."""
    return getattr(type(rule), "with_others", None) not in (None, Rule.with_others)


def has_note(rule) -> bool:
    """Whether ``rule`` (a class or an instance) keeps a :meth:`Rule.note` of each report."""
    cls = rule if isinstance(rule, type) else type(rule)
    return getattr(cls, "note", None) not in (None, Rule.note)


def others_where(run_reports, key: Callable, value) -> tuple:
    """The reports of ``run_reports`` (a :class:`RunReports`, or any sequence of reports) whose
    ``key`` is ``value``, in run order: through the run's index when there is one, else by a scan.
    ``key`` must be one function object (a module-level function), as the index is kept by it."""
    if value is None:
        return ()
    if isinstance(run_reports, RunReports):
        return run_reports.where(key, value)
    return tuple(r for r in run_reports if key(r) == value)


def one_line(text: str) -> str:
    """A message on one line: report text quoted in it (a label broken over lines) keeps its words,
    its line breaks become spaces, so no output shows them as "\\n"."""
    if not text or ("\n" not in text and "\r" not in text):
        return text
    parts = [p.strip() for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if p.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:  # Chinese runs on without a space, as the line break was only layout
        out += part if out[-1] > "\u2e7f" and part[0] > "\u2e7f" else " " + part
    return out


def once_per_report(compute: Callable):
    """``compute(report)`` worked out once for the report being checked, however many rules ask: what
    several rules of a family judge from (the failing identities, say) costs one computation per
    report. Only the latest report is kept (rules run report by report; a cache that grew with the
    run would grow with the corpus), recognised by identity through a weak reference, so a finished
    report is never kept alive. The value is shared: callers must not change it."""
    latest: list = [None, None]  # weak reference to the report, its value

    @functools.wraps(compute)
    def cached(report):
        ref = latest[0]
        if ref is not None and ref() is report:
            return latest[1]
        value = compute(report)
        try:
            latest[:] = [weakref.ref(report), value]
        except TypeError:  # an object that takes no weak reference: not kept
            latest[:] = [None, None]
        return value

    return cached


def body_year(report) -> Optional[tuple]:
    """The run index key of a report by body and year (the key of the cross-year rules)."""
    m = report.meta
    return (m.body, m.year) if m.body and m.year else None


def last_year(report, run_reports):
    """The report of the same body for the previous year among ``run_reports``, or None."""
    m = report.meta
    if not m.body or not m.year:
        return None
    found = others_where(run_reports, body_year, (m.body, m.year - 1))
    return found[0] if found else None


@attrs.frozen
class Context:
    """What a rule may know besides the report: its options and the other reports of the run."""

    options: dict
    # The other reports checked in the same run (for cross-report rules): a RunReports from the
    # engine (look reports up with ``others_where``), any sequence of reports in tests.
    run_reports: Sequence = ()
    path: str = ""


class Rule:
    code: str = ""
    name: str = ""
    summary: str = ""
    severity: str = ERROR
    groups: tuple = ()
    options: dict = {}
    plugin: str = ""
    # A third-party rule runs by default beside the rule set's; one that sets ``opt_in`` runs only
    # when selected (``--select``/``extend-select``). Built-in rules are chosen by the rule sets.
    opt_in: bool = False
    # A rule that reads ``ctx.run_reports`` (the other reports of the run) says so: with ``--jobs`` it
    # runs where every report is, after the workers; the others run in the workers, with no others.
    across_reports: bool = False

    def check(self, report, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def with_others(self, report, ctx: Context, found: list) -> Iterable[Finding]:
        """The second part of a rule that looks at one report in ``check`` but may answer otherwise
        once the other reports of the run are there (``ctx.run_reports``): given what ``check``
        ``found``, the findings that stand. A rule that overrides it keeps ``across_reports`` false:
        its ``check`` runs in a worker process, this where every report is."""
        return found

    def note(self, report):
        """What this rule, looking across reports, needs of a report besides its ``meta`` — a few
        figures, a sentence found in it — or None. It is worked out where the report is read (the
        first stage, with the model at hand) for every report of the run, and kept with the report's
        head: a large run or a rerun from the result cache holds its models on disk, and a rule that
        reads other reports' figures through :meth:`noted` loads none of them. A note is small, plain,
        picklable data (it crosses to the process where every report is), and depends on the report
        only, not on the rule's options."""
        return None

    def noted(self, report):
        """:meth:`note` of ``report`` (any report of the run, or the one being checked): as kept with a
        report whose model is on disk, else worked out from the model."""
        notes = getattr(report, "notes", None)  # a LazyReport's (checking/outcome.py); a model has none
        return notes.get(self.code) if isinstance(notes, Mapping) else self.note(report)

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
            message=one_line(message),
            location=Location(line, column, table, row, col),
            confidence=confidence,
            expected=expected,
            actual=actual,
            related=tuple(related),
            hint=one_line(hint),
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
