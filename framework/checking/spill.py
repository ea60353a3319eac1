"""A large run's models and findings kept on disk while it runs, so that its memory does not grow
with the number of reports.

A run over a folder needs a report twice after reading it: for the rules that look across reports
(last year's report of the same body, the departments of a region) and for the output. Holding every
model until then costs about 140 KiB per report — 1.4 GB for 10,000. Past a few hundred files each
file's outcome — its head (meta, notes, counts), the findings of its first stage, its model — goes
to disk as soon as it is made (to the result cache's entry when there is one, else to this run's
folder, where each process of the run appends to a file of its own), and each report's final
findings too. The run holds an :class:`~ogilint.checking.outcome.OnDisk` per file (its path and where
it lies: about a hundred bytes) and reads the rest again when a rule or an output asks for it (a few
recently read heads and models stay in memory). The folder is removed when the run is gone.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from typing import Optional

import attrs

from ogilint.checking.outcome import LazyReport, OnDisk, Outcome

_appending: list = [None, None, None]  # the run's folder this process writes outcomes to, its file there, its name
_appending_lock = threading.Lock()  # runs in threads of one process take turns


def write_outcome(folder: str, outcome: Outcome) -> OnDisk:
    """``outcome`` written to ``folder`` (from any process of the run: each appends to a file of its
    own, so that the run holds one file name per process, not per report), and answered as it lies
    there."""
    with _appending_lock:
        if _appending[0] != folder or not os.path.exists(_appending[2]):  # a new run (in a folder of the same name)
            if _appending[1] is not None:
                _appending[1].close()  # another run's, gone or going
            fd, name = tempfile.mkstemp(dir=folder, prefix="outcomes-", suffix=".pickle")
            _appending[:] = [folder, os.fdopen(fd, "w+b"), name]
        fh = _appending[1]
        fh.seek(0, os.SEEK_END)
        answer = outcome.write(fh, _appending[2])
        fh.flush()  # the process that runs the second stage reads it
        return answer


class Spill:
    """A run's folder: the outcomes its processes write there, and the findings of the reports the
    rules across reports added to (with their places) in one file, read back by offset."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="ogilint-run-")
        self._removed = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self._findings = open(os.path.join(self.folder, "findings.pickle"), "w+b")
        weakref.finalize(self, self._findings.close)
        self._last: tuple = (None, None)  # (offset, entry) last read: an output reads a report's twice

    def put_findings(self, findings: list, places) -> int:
        self._findings.seek(0, os.SEEK_END)
        offset = self._findings.tell()
        pickle.dump((findings, places), self._findings, protocol=pickle.HIGHEST_PROTOCOL)
        return offset

    def entry(self, offset: int) -> tuple:
        """(findings, places) put at ``offset``."""
        if self._last[0] != offset:
            self._findings.seek(offset)
            self._last = (offset, pickle.load(self._findings))
        return self._last[1]


class StoredResult:
    """A :class:`~ogilint.checking.runner.CheckResult` whose findings lie on disk (``entry()`` reads
    them, with their places; the outputs read them report by report), with their ``counts``, and
    whose report is a :class:`~ogilint.checking.outcome.LazyReport`, its model loaded only if an
    output needs more than its meta and its findings' places. It holds the report's outcome (an
    ``OnDisk``: where it lies) and the run's shared loaders: a large run holds one per report.
    The findings are the outcome's shown part, or, where the rules across reports added to them, the
    entry of the run's spill at ``offset``."""

    __slots__ = ("seconds_rules", "_counts", "_answer", "_offset", "_run")

    def __init__(self, answer, counts: Optional[tuple], seconds: float, offset: Optional[int], run: SpilledRun):
        self.seconds_rules = seconds
        self._answer, self._counts, self._offset, self._run = answer, counts, offset, run

    path = property(lambda self: self._answer.path)
    error = None
    skipped = False

    @property
    def counts(self) -> tuple:
        """(errors, warnings, notes): what the overview and the last line read, not the findings."""
        return self._counts if self._counts is not None else self._answer.counts

    def entry(self) -> tuple:
        """(findings, places)."""
        if self._offset is None:
            return self._run.shown(self._answer)
        return self._run.spill.entry(self._offset)

    @property
    def report(self) -> LazyReport:
        return LazyReport(self._answer, self._run.model, self.entry()[1])

    @property
    def findings(self) -> list:
        return self.entry()[0]


@attrs.frozen
class SpilledRun:
    """What the results of a large run share: its spill (whose folder holds what the loaders read: it
    lives as long as a result), and the loaders of the outcomes' models and shown findings."""

    spill: Spill
    model: Callable
    shown: Callable
