"""A large run's models and findings kept on disk while it runs, so that its memory does not grow
with the number of reports.

A run over a folder needs every report twice: for the rules that look across reports (last year's
report of the same body, the departments of a region) and for the output. Holding every model
until then costs about 140 KiB per report — 1.4 GB for 10,000. Past a few hundred files each
file's model and findings go to a temporary folder as soon as they are made, the run keeps a
:class:`Handle` per file, and a report is loaded again when a rule or an output asks for it (a
few recently used ones stay in memory). The folder is removed when the run's results are gone.
"""

from __future__ import annotations

import collections
import os
import pickle
import shutil
import tempfile
import weakref
from typing import Optional

RECENT = 8  # loaded entries kept in memory: the report being finished and the few it looks up


class Face:
    """What of a kept report stays in memory: its ``meta`` (body, year, title…), by which the run's
    indexes find last year's report or a region's departments without loading every report."""

    __slots__ = ("meta",)

    def __init__(self, meta):
        self.meta = meta


class Handle:
    """One file's entry in a :class:`Spill` (an object of its own, so that ``is`` tells entries apart),
    with the report's :class:`Face`."""

    __slots__ = ("number", "face")

    def __init__(self, number: int, face: Optional[Face] = None):
        self.number, self.face = number, face

    def __repr__(self) -> str:
        return f"Handle({self.number})"


class Spill:
    """Entries (any picklable value) in a temporary folder, loaded back on demand."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="ogilint-run-")
        self._removed = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self._count = 0
        self._recent: collections.OrderedDict = collections.OrderedDict()

    def _file(self, handle: Handle) -> str:
        return os.path.join(self.folder, f"{handle.number}.pickle")

    def put(self, value, face: Optional[Face] = None) -> Handle:
        handle = Handle(self._count, face)
        self._count += 1
        self.replace(handle, value)
        return handle

    def replace(self, handle: Handle, value) -> None:
        with open(self._file(handle), "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._recent.pop(handle, None)

    def keep(self, answer: tuple) -> tuple:
        """An ``Engine.outcome`` with its model, findings and seconds put here and a handle in place
        of the model (a file that could not be read is kept as it is: it holds no model)."""
        path, report, error, skipped, local, seconds = answer
        if report is None:
            return answer
        return path, self.put((report, local, seconds), Face(report.meta)), error, skipped, None, seconds

    def get(self, handle: Handle):
        value = self._recent.get(handle)
        if value is None:
            with open(self._file(handle), "rb") as fh:
                value = pickle.load(fh)
            self._recent[handle] = value
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(handle)
        return value


class StoredResult:
    """A :class:`~ogilint.checking.runner.CheckResult` whose report and findings lie in a :class:`Spill`
    (loaded when read; the outputs read them report by report)."""

    __slots__ = ("path", "error", "skipped", "seconds_rules", "_spill", "_handle")

    def __init__(self, path: str, spill: Spill, handle: Handle, seconds_rules: float = 0.0):
        self.path, self.error, self.skipped, self.seconds_rules = path, None, False, seconds_rules
        self._spill, self._handle = spill, handle

    @property
    def report(self):
        return self._spill.get(self._handle)[0]

    @property
    def findings(self) -> list:
        return self._spill.get(self._handle)[1]
