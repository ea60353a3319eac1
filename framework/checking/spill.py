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
import functools
import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Callable

from ogilint.checking.outcome import LazyReport, Outcome


def write_outcome(folder: str, outcome: Outcome) -> Outcome:
    """``outcome``'s parts in a new file of ``folder`` (from any process of the run), and the outcome
    that holds where they lie instead."""
    fd, name = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(fd, "wb") as fh:
        return outcome.write(fh, name)


class Loaded:
    """Parts of a run's outcomes loaded from where they lie, the last ``capacity`` of them kept. A part
    that cannot be loaded (a cache entry deleted while the run goes on) is worked out again from the
    file by ``again(outcome)``, which answers the outcome in memory."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self._recent: collections.OrderedDict = collections.OrderedDict()

    def get(self, answer: Outcome, part: str, again: Callable):
        key = (id(answer), part)
        if key in self._recent:
            self._recent.move_to_end(key)
            return self._recent[key][1]
        try:
            value = answer.part(part)
        except Exception:
            value = getattr(again(answer), part)
        self._recent[key] = (answer, value)  # the outcome is kept with it: its id stays its own
        if len(self._recent) > self.capacity:
            self._recent.popitem(last=False)
        return value

    def loader(self, answer: Outcome, part: str, again: Callable) -> Callable[[], object]:
        return functools.partial(self.get, answer, part, again)


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

    def entry_of(self, offset: int) -> Callable[[], tuple]:
        return functools.partial(self.entry, offset)


class StoredResult:
    """A :class:`~ogilint.checking.runner.CheckResult` whose findings lie on disk (``entry()`` reads
    them, with their places; the outputs read them report by report), with their ``counts``, and
    whose report is a :class:`~ogilint.checking.outcome.LazyReport`, its model loaded only if an
    output needs more than its meta and its findings' places."""

    __slots__ = ("path", "error", "skipped", "seconds_rules", "counts", "_meta", "_load", "_entry", "_spill")

    def __init__(self, path: str, meta, load: Callable, entry: Callable, counts: tuple, seconds: float, spill: Spill):
        self.path, self.error, self.skipped, self.seconds_rules = path, None, False, seconds
        self.counts = counts  # the overview and the last line read these, not the findings
        self._meta, self._load, self._entry = meta, load, entry
        self._spill = spill  # its folder holds what the loaders read: it lives as long as this result

    @property
    def report(self) -> LazyReport:
        return LazyReport(self._meta, self._load, self._entry()[1])

    @property
    def findings(self) -> list:
        return self._entry()[0]
