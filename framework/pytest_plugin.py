"""pytest plugin: run ogilint's rule sets over a folder of reports as a test suite.

    pytest --ogilint reports/

Nothing is collected unless asked (``--ogilint``, or the ini option ``ogilint_paths``), so installing
ogilint never changes an unrelated test run. Each report file becomes a collector with a ``::parse``
item and one item per enabled rule (``reports/x.txt::FEE001``), so ``-k``, ``--lf``, ``-x``, xfail
and ``--deselect`` work per rule. Built on the engine the command line uses (one Engine, hence one
plugin manager, per session): the pytest run and ``ogilint check`` agree finding for finding.

Each report is checked against the other reports of the session, as ``ogilint check`` checks it
against the other reports of its folder (cross-year and cross-report rules: IDN005, IDN006, IDN008,
CPY001): the run is every report file pytest was asked to collect, whether or not its items run —
``-k``, ``--deselect`` and ``--lf`` (which skips files without failures) choose what is run, not
what a report is compared with. The run's reports are ordered as ``ogilint check`` walks a folder.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Optional

import pytest

from ogilint.checking.config import ConfigError, find_project_config
from ogilint.checking.engine import REPORT_SUFFIXES, Engine
from ogilint.errors import UnusableInput
from ogilint.finding import SEVERITY_ORDER
from ogilint.output.text import render_finding
from ogilint.parsing.pipeline import parse_file
from ogilint.rule import Run

_ENGINE = pytest.StashKey[Engine]()
_NOTES = pytest.StashKey[list]()
_RUN = pytest.StashKey["_SessionRun"]()
_INCOMPLETE = ("truncated", "row-missing", "column-missing", "table-empty")


def pytest_addoption(parser):
    group = parser.getgroup("ogilint", "ogilint: annual report checks")
    group.addoption(
        "--ogilint",
        action="store_true",
        default=False,
        help="collect report files (.txt) among the given paths and check them with ogilint",
    )
    group.addoption(
        "--ogilint-fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that fails a rule item (default: the project config's fail-on, else error)",
    )
    parser.addini(
        "ogilint_paths",
        type="linelist",
        default=[],
        help="report files, folders or globs that ogilint collects even without --ogilint",
    )
    parser.addini("ogilint_fail_on", default="", help="lowest severity that fails a rule item")


def pytest_configure(config):
    config.stash[_NOTES] = []
    config.stash[_RUN] = _SessionRun()


class _SessionRun:
    """The report files of the session, each parsed once, and the check run they make together."""

    def __init__(self):
        self.paths: dict[Path, None] = {}  # in the order pytest met them
        self.parsed: dict[Path, tuple] = {}  # path -> (report or None, reason or None)
        self._run: Optional[Run] = None
        self._size = -1

    def add(self, path: Path) -> None:
        self.paths.setdefault(path, None)

    def parse(self, config, path: Path) -> tuple:
        if path not in self.parsed:
            try:
                self.parsed[path] = (parse_file(path, _engine(config).registry.manager), None)
            except UnusableInput as exc:
                self.parsed[path] = (None, exc.reason)
        return self.parsed[path]

    def run(self, config) -> Run:
        """Every report of the session (files pytest skipped collecting are parsed now), in the order
        of ``ogilint check``'s folder walk: a folder's files by name, then its sub-folders by name."""
        if self._run is None or self._size != len(self.paths):
            ordered = sorted(self.paths, key=lambda p: (p.parent.parts, p.name))
            reports = (self.parse(config, p)[0] for p in ordered)
            self._run = Run(r for r in reports if r is not None)
            self._size = len(self.paths)
        return self._run


def _enabled_for(config, file_path: Path) -> bool:
    if config.getoption("ogilint"):
        return True
    patterns = config.getini("ogilint_paths")
    if not patterns:
        return False
    rel = os.path.relpath(file_path, config.rootpath)
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pattern) or rel == pattern or rel.startswith(pattern + os.sep):
            return True
    return False


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix.lower() in REPORT_SUFFIXES and _enabled_for(parent.config, file_path):
        parent.config.stash[_RUN].add(file_path)
        return ReportFile.from_parent(parent, path=file_path)
    return None


def _engine(config) -> Engine:
    if _ENGINE not in config.stash:
        try:
            config.stash[_ENGINE] = Engine(find_project_config(str(config.invocation_params.dir)))
        except ConfigError as exc:
            raise pytest.UsageError(f"ogilint: 配置错误: {exc}") from None
    return config.stash[_ENGINE]


def _fail_level(config) -> int:
    level = (
        config.getoption("ogilint_fail_on")
        or config.getini("ogilint_fail_on")
        or _engine(config).config.fail_on
        or "error"
    )
    return SEVERITY_ORDER[level]


class OgilintFailure(Exception):
    """Findings at or above the fail level (carried to repr_failure)."""


class ReportFile(pytest.File):
    """One report: parsed once; its items share the parse and the check."""

    def collect(self):
        self._result = None
        self.report, self.error = self.config.stash[_RUN].parse(self.config, self.path)
        yield ParseItem.from_parent(self, name="parse")
        if self.report is None:
            return
        rules = _engine(self.config).plan(self.report, str(self.path)).rules
        for rule in rules:
            yield RuleItem.from_parent(self, name=rule.code, code=rule.code)

    def result(self):
        if self._result is None:
            run = self.config.stash[_RUN].run(self.config)
            self._result = _engine(self.config).check_report(self.report, str(self.path), run.seen_from(self.report))
        return self._result


class _OgilintItem(pytest.Item):
    """Shows an OgilintFailure as the lines it carries (the text output), anything else as pytest does."""

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, OgilintFailure):
            return "\n".join(excinfo.value.args[0])
        return super().repr_failure(excinfo, style)


class ParseItem(_OgilintItem):
    def runtest(self):
        parent: ReportFile = self.parent
        if parent.error:
            raise OgilintFailure([f"无法解析: {parent.error}"])
        incomplete = [p for p in parent.report.problems if p.kind in _INCOMPLETE]
        missing = [k for k, t in parent.report.tables.items() if not t.found]
        lines = [f"表{ {'t2': '二', 't3': '三', 't4': '四'}[k] }缺失或没有数字" for k in missing]
        lines += [f"{self.parent.path.name}:{p.line or ''}: {p.kind}: {p.message}" for p in incomplete]
        if lines:
            raise OgilintFailure(lines)

    def reportinfo(self):
        return self.path, 0, f"ogilint: {self.path.name}::parse"


class RuleItem(_OgilintItem):
    def __init__(self, *, code: str, **kwargs):
        super().__init__(**kwargs)
        self.code = code
        self._findings = []

    def runtest(self):
        parent: ReportFile = self.parent
        result = parent.result()
        self._findings = [f for f in result.findings if f.code == self.code]
        level = _fail_level(self.config)
        failing = [f for f in self._findings if SEVERITY_ORDER.get(f.severity, 0) >= level]
        for f in self._findings:
            if f not in failing:
                self.user_properties.append(
                    ("ogilint_note", f"{self.path.name}:{f.location.line or ''}: {f.code} {f.severity} {f.message}")
                )
        if failing:
            lines = []
            for f in failing:
                lines.extend(render_finding(str(self.path), parent.report, f))
            raise OgilintFailure(lines)

    def reportinfo(self):
        line = next((f.location.line for f in self._findings if f.location.line), None)
        return self.path, (line - 1) if line else None, f"ogilint: {self.path.name}::{self.code}"


def pytest_runtest_logreport(report):
    """Gather warning/info findings (also from xdist workers, which send user_properties)."""
    if report.when != "call":
        return
    notes = [v for k, v in getattr(report, "user_properties", ()) if k == "ogilint_note"]
    if notes:
        _PENDING.extend(notes)


_PENDING: list = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _PENDING:
        return
    terminalreporter.section("ogilint: warnings and notes (do not fail the run)")
    for note in _PENDING:
        terminalreporter.write_line(note)
    _PENDING.clear()
