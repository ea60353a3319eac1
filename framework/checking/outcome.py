"""What one file comes to before the rules that look across reports run, and the report a run holds
of it without holding its model.

A run's files are read and checked one by one (in this process, in worker processes, on a Dask
cluster, or taken from the result cache); the rules that look across reports (last year's report of
the same body, the departments of a region) then run where every report is. What crosses from the
first stage to the second is an :class:`Outcome`: a small head (the report's ``meta``, the counts of
its findings, what the rules in two parts found) and its parts — the findings it shows, each rule's
findings, the model — in memory while the run is small, else where they lie on disk (:class:`Stored`:
in the result cache's entry, or in the run's spill folder), each read only when it is needed.

The second stage sees each report as a :class:`LazyReport`: its ``meta`` is at hand (the run's
indexes find last year's report by it), and anything else loads the model, so a rerun over an
unchanged folder, or a folder with no report of last year in it, loads no model at all unless an
output needs one. The places in the original of the findings' cells (``where``, ``where_json``,
``source_line``) are kept with the outcome for the same reason: the text, JSON and SARIF outputs
name them without loading the model.
"""

from __future__ import annotations

import os
import pickle
import struct
from collections.abc import Callable
from typing import Optional

import attrs


@attrs.define
class Local:
    """What the rules that look at one report found: the findings that come first (the variant hooks'
    and the reader's misbehaviour), and each rule's, ranked, not yet put in order."""

    first: list
    findings: dict  # code -> findings
    seconds: float


# The parts of an outcome besides its head, in the order they are written: what the outputs show if
# the rules across reports add nothing ((findings, places)), each rule's findings (a Local), the model.
PARTS = ("shown", "local", "report")
_OFFSETS = struct.Struct("<" + "Q" * len(PARTS))  # a cache entry's first bytes: where each part begins


@attrs.frozen
class Stored:
    """Where one part of an outcome lies: the pickle at ``offset`` of a file. A file of the result
    cache may have been put in place by another run since (``inode`` tells): then the part is found
    again by its ``index`` (1 for the first of :data:`PARTS`) in the offsets the entry begins with."""

    file: str
    offset: int = 0
    inode: int = 0
    index: int = 0

    def load(self):
        with open(self.file, "rb") as fh:
            offset = self.offset
            if self.inode and os.fstat(fh.fileno()).st_ino != self.inode:
                offset = read_offsets(fh)[self.index - 1]  # another run's entry of the same key
            fh.seek(offset)
            return pickle.load(fh)


def read_offsets(fh) -> tuple:
    """Where the parts of the cache entry open in ``fh`` begin."""
    fh.seek(0)
    return _OFFSETS.unpack(fh.read(_OFFSETS.size))


@attrs.define
class Outcome:
    """One file of a run after the first stage. ``meta`` is None for a file that gave no report
    (``error`` says why it could not be read, ``skipped`` why it is no report at all).

    Its head is what the second stage needs of every report: the meta, the rule set chosen (by
    name), the first-stage findings of the rules in two parts (``own``, for their ``with_others``),
    the counts of what it shows, and the seconds spent. Its :data:`PARTS` are in memory, or on disk
    (``at``) in a large run or when they come from the result cache, and are read only when needed:
    the shown findings when an output reads them, each rule's findings only when a rule across
    reports adds to them, the model only when a rule or an output reads more than the meta."""

    path: str
    meta: object = None
    error: Optional[str] = None
    skipped: Optional[str] = None
    ruleset: str = ""
    own: dict = attrs.Factory(dict)
    notes: dict = attrs.Factory(dict)  # code -> what a rule across reports keeps of it (Rule.note)
    counts: tuple = (0, 0, 0)
    seconds: float = 0.0
    shown: Optional[tuple] = None  # (findings, Places), in memory
    local: Optional[Local] = None
    report: object = None
    at: Optional[tuple] = None  # or the Stored of each part

    def head(self) -> Outcome:
        """This outcome without its parts: what a large run holds of each file."""
        return attrs.evolve(self, shown=None, local=None, report=None, at=None)

    def part(self, name: str):
        """One of :data:`PARTS`, from memory or from disk."""
        if self.at is None:
            return getattr(self, name)
        return self.at[PARTS.index(name)].load()

    def write(self, fh, name: str, head: bool = False) -> Outcome:
        """Its parts written to ``fh`` (open on the new file ``name``) — with ``head``, as a cache entry:
        the offsets of the parts, then its head, then the parts — and this outcome answered with them
        on disk."""
        if head:
            fh.write(bytes(_OFFSETS.size))
            pickle.dump(self.head(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        offsets = []
        for part in PARTS:
            offsets.append(fh.tell())
            pickle.dump(getattr(self, part), fh, protocol=pickle.HIGHEST_PROTOCOL)
        inode = 0
        if head:
            fh.seek(0)
            fh.write(_OFFSETS.pack(*offsets))
            inode = os.fstat(fh.fileno()).st_ino
        at = tuple(Stored(name, offset, inode, i + 1) for i, offset in enumerate(offsets))
        return attrs.evolve(self.head(), at=at)


@attrs.define
class Places:
    """The places in the original of a report's findings, as the outputs name them: ``at`` maps
    (line, column) to (``report.where``, ``report.where_json``), ``lines`` a line to its text."""

    at: dict = attrs.Factory(dict)
    lines: dict = attrs.Factory(dict)

    @classmethod
    def of(cls, report, findings) -> Places:
        places = cls()
        for f in findings:
            loc = f.location
            for line, column in ((loc.line, loc.column), *((r.line, r.column) for r in f.related)):
                if (line, column) not in places.at:
                    places.at[line, column] = (report.where(line, column), report.where_json(line, column))
                    places.lines.setdefault(line, report.source_line(line))
        return places


class LazyReport:
    """A report of a run whose model is loaded only when more than its ``meta`` is read (through
    ``load``, which keeps a few recently loaded models). The places of its findings' cells are
    answered from ``places`` without loading. Rules and outputs treat it as the report."""

    __slots__ = ("meta", "places", "notes", "_load", "__weakref__")

    def __init__(self, meta, load: Callable[[], object], places: Optional[Places] = None, notes: Optional[dict] = None):
        self.meta, self._load, self.places, self.notes = meta, load, places or Places(), notes or {}

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("meta", "places", "notes", "_load"):
            raise AttributeError(name)
        return getattr(self._load(), name)

    def where(self, line: Optional[int], column: Optional[int] = None) -> str:
        known = self.places.at.get((line, column))
        return known[0] if known is not None else self._load().where(line, column)

    def where_json(self, line: Optional[int], column: Optional[int] = None):
        known = self.places.at.get((line, column))
        return known[1] if known is not None else self._load().where_json(line, column)

    def source_line(self, line: Optional[int]) -> str:
        known = self.places.lines.get(line)
        return known if known is not None else self._load().source_line(line)

    def __repr__(self) -> str:
        return f"LazyReport({getattr(self.meta, 'source', '')!r})"


def with_meta(report, meta):
    """``report`` (a model or a :class:`LazyReport`) with another ``meta`` (a file shown under another
    name, say); a lazy one stays lazy."""
    if isinstance(report, LazyReport):
        load = report._load
        return LazyReport(meta, lambda: attrs.evolve(load(), meta=meta), report.places, report.notes)
    return attrs.evolve(report, meta=meta)
