"""One job's work, run in a worker process: ``ogilint.check`` over the job's folder of uploads with
the defaults (no project config, no cache), as ``ogilint check`` runs over the same folder; every
result named by its upload's shown name; the outputs written once, by the same renderers as
``ogilint check --format ...``; and a short summary for the page. Progress goes to a small file
in the job's folder, which the server reads when it is asked (no state is shared between jobs)."""

from __future__ import annotations

import functools
import json
import os
import time

import attrs

from ogilint import api
from ogilint.checking.config import ConfigError
from ogilint.checking.outcome import with_meta
from ogilint.checking.registry import build_registry
from ogilint.checking.runner import CheckResult
from ogilint.output import FORMATS, overview

# format -> the file it is written to in the job's results folder
OUTPUTS = {
    "html": "report.html",
    "json": "report.json",
    "csv": "report.csv",
    "xlsx": "report.xlsx",
    "sarif": "report.sarif",
}
PROGRESS = "progress.json"
_EVERY = 0.2  # seconds between two writes of the progress file


@functools.lru_cache(maxsize=1)
def _rules():
    """The rule classes the outputs describe (SARIF's rule list, the HTML page's rule counts)."""
    return build_registry().rule_classes()


def _write(path: str, data: str | bytes) -> None:
    """``data`` to ``path`` whole or not at all: the server never reads half a file."""
    part = path + ".part"
    with open(part, "wb") as fh:
        fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    os.replace(part, path)


class _Progress:
    """``progress(stage, done, total)`` of the check, written to the job's progress file."""

    def __init__(self, path: str):
        self.path, self.last, self.stage = path, 0.0, None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage == self.stage and done < total and now - self.last < _EVERY:
            return
        self.stage, self.last = stage, now
        try:
            _write(self.path, json.dumps({"stage": stage, "done": done, "total": total}))
        except OSError:
            pass  # the job was deleted under us; the check ends on its own


def _renamed(report, name: str):
    return None if report is None else with_meta(report, attrs.evolve(report.meta, source=name))


class _Named:
    """A result kept on disk by the run (``checking/spill.py``) under its upload's shown name: its
    report is loaded when read, and then named too."""

    __slots__ = ("_res", "path")

    def __init__(self, res, name: str):
        self._res, self.path = res, name

    error = property(lambda self: self._res.error)
    skipped = property(lambda self: self._res.skipped)
    seconds_rules = property(lambda self: self._res.seconds_rules)
    findings = property(lambda self: self._res.findings)
    report = property(lambda self: _renamed(self._res.report, self.path))


def named(res, name: str):
    """The result as ``ogilint check`` gives it for a file of that name: the result's path and its
    report's ``meta.source`` are the shown name, not where the upload is stored."""
    if isinstance(res, CheckResult):
        return attrs.evolve(res, path=name, report=_renamed(res.report, name))
    return _Named(res, name)


def summary(res) -> dict:
    """What the page lists of one result: its name, the reason it was not checked, its counts."""
    if res.error:
        return {"name": res.path, "error": res.error, "skipped": bool(res.skipped)}
    errors, warnings, infos = overview.counts(res)
    return {"name": res.path, "title": res.report.meta.title, "errors": errors, "warnings": warnings, "infos": infos}


def check_job(folder: str, names: dict, ruleset: str | None, region: str | None, results: str) -> dict:
    """Check the uploads in ``folder`` (stored under generated names; ``names`` maps each to its
    shown name) and write every output into ``results``. Returns ``{"files": [summary, ...]}``,
    or ``{"error": reason}`` when the run could not start (a rule set that does not load)."""
    tell = _Progress(os.path.join(results, PROGRESS))
    try:
        found = list(api.check([folder], None, ruleset, region=region, progress=tell))
    except ConfigError as exc:
        return {"error": f"配置错误: {exc}"}
    found = [named(res, names.get(os.path.basename(res.path), res.path)) for res in found]
    # The skipped files come last, sorted by name, as ``ogilint check`` sorts them by path.
    checked = [r for r in found if not r.skipped]
    skipped = sorted((r for r in found if r.skipped), key=lambda r: r.path)
    found = checked + skipped
    rules = _rules()
    for fmt, file in OUTPUTS.items():
        _write(os.path.join(results, file), FORMATS[fmt](found, rules=rules))
    return {"files": [summary(r) for r in found]}
