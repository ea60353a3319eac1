"""What one file comes to before the rules that look across reports run, and the report a run holds
of it without holding its model.

A run's files are read and checked one by one (in this process, in worker processes, on a Dask
cluster, or taken from the result cache); the rules that look across reports (last year's report of
the same body, the departments of a region) then run where every report is. What crosses from the
first stage to the second is an :class:`Outcome`: a small head (the report's ``meta``, the counts of
its findings, what the rules in two parts found) and its parts — the findings it shows, each rule's
findings, the model — in memory while the run is small, else, head and parts, where they lie on disk
(:class:`OnDisk`: in the result cache's entry, or in the run's spill folder), each read only when it
is needed.

The second stage sees each report as a :class:`LazyReport`: its ``meta`` and notes come from the
head (the run's indexes find last year's report by the meta), and anything else loads the model, so a rerun over an
unchanged folder, or a folder with no report of last year in it, loads no model at all unless an
output needs one. The places in the original of the findings' cells (``where``, ``where_json``,
``source_line``) are kept with the outcome for the same reason: the text, JSON and SARIF outputs
name them without loading the model.
"""

from __future__ import annotations

import collections
import functools
import os
import pickle
import struct
import sys
import threading
import types
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
_OFFSETS = struct.Struct("<" + "Q" * len(PARTS))  # an outcome's first bytes on disk: where each part begins
_START = struct.Struct("<Q")  # where in its file an outcome begins


def read_offsets(fh) -> bytes:
    """The first bytes of a file of the result cache: where its parts begin (see :class:`OnDisk`)."""
    fh.seek(0)
    offsets = fh.read(_OFFSETS.size)
    if len(offsets) != _OFFSETS.size:
        raise EOFError("no outcome")
    return offsets


@attrs.define
class Outcome:
    """One file of a run after the first stage. ``meta`` is None for a file that gave no report
    (``error`` says why it could not be read, ``skipped`` why it is no report at all).

    Its head is what the second stage needs of every report: the meta, the rule set chosen (by
    name), the first-stage findings of the rules in two parts (``own``, for their ``with_others``),
    the counts of what it shows, and the seconds spent. Its :data:`PARTS` are in memory; in a large
    run, or from the result cache, the whole outcome lies on disk instead (:class:`OnDisk`, which
    answers as this does), and each part is read only when it is needed: the shown findings when an
    output reads them, each rule's findings only when a rule across reports adds to them, the model
    only when a rule or an output reads more than the meta."""

    path: str
    meta: object = None
    error: Optional[str] = None
    skipped: Optional[str] = None
    ruleset: str = ""
    own: Optional[dict] = None  # code -> findings; None for none (a large run holds one per report)
    notes: Optional[dict] = None  # code -> what a rule across reports keeps of it (Rule.note), or None
    counts: tuple = (0, 0, 0)
    seconds: float = 0.0
    shown: Optional[tuple] = None  # (findings, Places), in memory
    local: Optional[Local] = None
    report: object = None

    def head(self) -> Outcome:
        """This outcome without its parts: what a large run holds of each file."""
        return attrs.evolve(self, shown=None, local=None, report=None)

    def part(self, name: str):
        """Its head (``"head"``: itself without its parts) or one of :data:`PARTS`."""
        return self.head() if name == "head" else getattr(self, name)

    def write(self, fh, name: str, inode: bool = False) -> OnDisk:
        """This outcome written to ``fh`` (open on the file ``name``, at its end) as :class:`OnDisk`
        describes, and answered as it lies there (``inode``: a file that another run may replace)."""
        start = fh.tell()
        fh.write(bytes(_OFFSETS.size))
        pickle.dump(self.head(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        offsets = []
        for part in PARTS:
            offsets.append(fh.tell())
            pickle.dump(getattr(self, part), fh, protocol=pickle.HIGHEST_PROTOCOL)
        end, packed = fh.tell(), _OFFSETS.pack(*offsets)
        fh.seek(start)
        fh.write(packed)
        fh.seek(end)
        number = os.fstat(fh.fileno()).st_ino if inode else 0
        return OnDisk(self.path, name, packed, number, start)


class OnDisk:
    """An outcome that lies on disk: what a large run, or a rerun from the result cache, holds of a
    report — a path and a place, whatever the report says. It answers as the :class:`Outcome` would,
    reading its head when a field of it is asked for (the last few heads read are kept: the second
    stage asks for a report's several times in a row), and its parts when asked for one.

    In ``file``, at ``start``: the offsets of its parts (as :data:`_OFFSETS` packs them), then its
    head, then its parts (:data:`PARTS`), each a pickle. ``where`` holds ``start`` and those offsets,
    packed (a large run holds one of these per report: a few bytes, not a tuple of numbers). A file
    of the result cache holds one outcome (``start`` 0) and may have been put in place by another
    run since (``inode`` tells, else 0): then the offsets are read again from the file."""

    __slots__ = ("path", "file", "where", "inode", "again")

    shown = local = report = None  # its parts are on disk

    def __init__(self, path: str, file: str, offsets: bytes, inode: int = 0, start: int = 0):
        self.path, self.file, self.where, self.inode = path, file, _START.pack(start) + offsets, inode
        # ``again(self)``: the outcome worked out afresh from the file, should its head be gone from
        # disk (a cache entry deleted while the run goes on); set by the run (one callable for all).
        self.again: Optional[Callable] = None

    def __getattr__(self, name: str):
        if name.startswith("__") or name in OnDisk.__slots__:
            raise AttributeError(name)
        return getattr(_recent_head(self), name)

    def part(self, name: str):
        """Its head (``"head"``) or one of :data:`PARTS`, from disk."""
        if name == "head":
            return self._read(lambda fh: _START.unpack_from(self.where)[0] + _OFFSETS.size)
        return self._read(lambda fh: _OFFSETS.unpack(self._offsets(fh))[PARTS.index(name)])

    def whole(self) -> Outcome:
        """The outcome with its parts in memory."""
        return attrs.evolve(_recent_head(self), path=self.path, **{part: self.part(part) for part in PARTS})

    def _read(self, where: Callable):
        with open(self.file, "rb") as fh:
            fh.seek(where(fh))
            return pickle.load(fh)

    def _offsets(self, fh) -> bytes:
        if self.inode and os.fstat(fh.fileno()).st_ino != self.inode:  # another run's entry of the same key
            return read_offsets(fh)
        return self.where[_START.size :]

    def __getstate__(self):
        return self.path, self.file, self.where, self.inode

    def __setstate__(self, state) -> None:
        self.path, file, self.where, self.inode = state
        self.again = None
        self.file = sys.intern(file)  # from a worker: the name of its file, one string for all its outcomes

    def __repr__(self) -> str:
        return f"OnDisk({self.path!r})"


class Loaded:
    """Parts of outcomes (their heads too) read from where they lie, the last ``capacity`` of them
    kept, each with its outcome (whose id is the key: kept alive, it stays its own). A part that
    cannot be read (a cache entry deleted while the run goes on) is worked out again from the file
    by ``again(outcome)``, which answers the outcome in memory. Safe for threads of one process."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self._recent: collections.OrderedDict = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, answer, part: str, again: Optional[Callable]):
        key = (id(answer), part)
        with self._lock:
            kept = self._recent.get(key)
            if kept is not None:
                self._recent.move_to_end(key)
                return kept[1]
        try:
            value = answer.part(part)
        except Exception:
            if again is None:
                raise
            value = again(answer).part(part)
        self.put(answer, part, value)
        return value

    def put(self, answer, part: str, value) -> None:
        with self._lock:
            self._recent[id(answer), part] = (answer, value)
            while len(self._recent) > self.capacity:
                self._recent.popitem(last=False)

    def loader(self, part: str, again: Callable) -> Callable[[Outcome], object]:
        """``load(outcome)``: the ``part`` of an outcome, for every stand-in of the run (one callable,
        not one per report)."""
        return functools.partial(self.get, part=part, again=again)


# The heads of the outcomes on disk read last, in this process: the second stage asks for a
# report's several times in a row, and each stage (index, finishing, output) goes over the run's
# reports once. A head is a few KiB: a bounded few MiB keep a run of a thousand reports from reading
# each head from disk at every stage, and a larger run holds no more.
recent_heads = Loaded(1024)


def _recent_head(outcome: OnDisk) -> Outcome:
    return recent_heads.get(outcome, "head", outcome.again)


def remember_head(outcome: OnDisk, head: Outcome) -> None:
    """Keep ``head`` as the head of ``outcome`` (just read or written), among the recent ones."""
    recent_heads.put(outcome, "head", head)


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


NO_PLACES = Places()  # read only: the places of a stand-in that has none of its own
# What a report that has no notes or no places answers: shared, never changed (a large run makes a
# stand-in per report, and an empty dict each would grow with the run).
NO_NOTES = types.MappingProxyType({})


class LazyReport:
    """A report of a run whose model is loaded only when more than its ``meta`` and its ``notes`` is
    read. Both are its outcome's (``of``: an :class:`Outcome`, or an :class:`OnDisk` that reads its
    head when asked); ``load(of)`` gives the model (a loader shared by the run's stand-ins, so a
    stand-in costs one small object). The places of its findings' cells are answered from ``places``
    without loading. Rules and outputs treat it as the report."""

    __slots__ = ("places", "_load", "_of", "__weakref__")

    def __init__(self, of, load: Callable[[object], object], places: Optional[Places] = None):
        self._of, self._load = of, load
        self.places = places if places is not None else NO_PLACES

    @property
    def outcome(self):
        """What the first stage came to for it (an :class:`Outcome` or an :class:`OnDisk`)."""
        return self._of

    @property
    def meta(self):
        return self._of.meta

    @property
    def notes(self):
        """What the rules across reports kept of it (``Rule.note``): code -> note."""
        return self._of.notes or NO_NOTES

    def model(self):
        """The report's model (loaded, or kept from a recent load)."""
        return self._load(self._of)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in LazyReport.__slots__:
            raise AttributeError(name)
        return getattr(self.model(), name)

    def where(self, line: Optional[int], column: Optional[int] = None) -> str:
        known = self.places.at.get((line, column))
        return known[0] if known is not None else self.model().where(line, column)

    def where_json(self, line: Optional[int], column: Optional[int] = None):
        known = self.places.at.get((line, column))
        return known[1] if known is not None else self.model().where_json(line, column)

    def source_line(self, line: Optional[int]) -> str:
        known = self.places.lines.get(line)
        return known if known is not None else self.model().source_line(line)

    def __repr__(self) -> str:
        return f"LazyReport({getattr(self.meta, 'source', '')!r})"


@attrs.frozen
class _Renamed:
    """A stand-in's outcome, as another ``meta`` shows it."""

    report: LazyReport
    meta: object

    @property
    def notes(self):
        return self.report.notes


def _renamed_model(of: _Renamed):
    return attrs.evolve(of.report.model(), meta=of.meta)


def with_meta(report, meta):
    """``report`` (a model or a :class:`LazyReport`) with another ``meta`` (a file shown under another
    name, say); a lazy one stays lazy."""
    if isinstance(report, LazyReport):
        return LazyReport(_Renamed(report, meta), _renamed_model, report.places)
    return attrs.evolve(report, meta=meta)
