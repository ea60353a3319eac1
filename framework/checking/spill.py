"""A large run's models and findings kept on disk while it runs, so that its memory does not grow
with the number of reports.

A run over a folder needs a report twice after reading it: for the rules that look across reports
(last year's report of the same body, the departments of a region) and for the output. Holding every
model until then costs about 140 KiB per report — 1.4 GB for 10,000. Past a few hundred files each
model and the findings of its first stage go to disk as soon as they are made (to the result
cache's entry when there is one, else to this run's folder, written by whichever process read the
file), and each report's final findings too; the run holds the head of an
:class:`~ogilint.checking.outcome.Outcome` per file, with the report's ``meta``, and loads a model
again only when a rule or an output reads more than that (a few recently used ones stay in memory).
The folder is removed when the run is gone.
"""

from __future__ import annotations

import collections
import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Callable

from ogilint.checking.outcome import LazyReport, Outcome, Stored
from ogilint.finding import severity_counts

RECENT = 8  # loaded models kept in memory: the report being finished and the few it looks up


def write_outcome(folder: str, outcome: Outcome) -> Outcome:
    """``outcome``'s findings and model in a new file of ``folder`` (from any process of the run), and
    the outcome that holds where they lie instead."""
    fd, name = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(fd, "wb") as fh:
        return outcome.write(fh, name)


class Models:
    """The models of a run's reports, loaded from where they lie, the last few kept. ``again(path)``
    reads a file afresh when its model cannot be loaded (a cache entry deleted while the run goes on)."""

    def __init__(self, again: Callable[[str], object]):
        self._again = again
        self._recent: collections.OrderedDict = collections.OrderedDict()

    def get(self, stored: Stored, path: str):
        model = self._recent.get(stored)
        if model is not None:
            self._recent.move_to_end(stored)
            return model
        try:
            model = stored.load()
        except Exception:  # missing, damaged or half-written: read the file again
            model = self._again(path)
        self._recent[stored] = model
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return model

    def loader(self, stored: Stored, path: str) -> Callable[[], object]:
        return lambda: self.get(stored, path)


class Spill:
    """A run's folder: the outcomes its processes write there, and every report's final findings (with
    their places) in one file, read back by offset."""

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
    """A :class:`~ogilint.checking.runner.CheckResult` whose findings lie in a :class:`Spill` (read
    when asked for; the outputs read them report by report) and whose report is a
    :class:`~ogilint.checking.outcome.LazyReport`, its model loaded only if an output needs more than
    its meta and its findings' places."""

    __slots__ = ("path", "error", "skipped", "seconds_rules", "counts", "_meta", "_load", "_spill", "_offset")

    def __init__(
        self, path: str, meta, load: Callable, spill: Spill, offset: int, findings: list, seconds: float = 0.0
    ):
        self.path, self.error, self.skipped, self.seconds_rules = path, None, False, seconds
        self.counts = severity_counts(findings)  # the overview and the last line read these, not the findings
        self._meta, self._load, self._spill, self._offset = meta, load, spill, offset

    @property
    def report(self) -> LazyReport:
        return LazyReport(self._meta, self._load, self._spill.entry(self._offset)[1])

    @property
    def findings(self) -> list:
        return self._spill.entry(self._offset)[0]
