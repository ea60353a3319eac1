"""What one file comes to before the rules that look across reports run, and the report a run holds
of it without holding its model.

A run's files are read and checked one by one (in this process, in worker processes, on a Dask
cluster, or taken from the result cache); the rules that look across reports (last year's report of
the same body, the departments of a region) then run where every report is. What crosses from the
first stage to the second is an :class:`Outcome`: the report's ``meta``, the findings of the rules
that look at one report, and the model itself only while it is small enough to keep — else where it
lies on disk (:class:`Stored`: in the result cache's entry, or in the run's spill folder).

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
    """What the rules that look at one report found: the rule set chosen for it (by name), the
    findings that come first (the variant hooks' and the reader's misbehaviour), and each rule's."""

    ruleset: str
    first: list
    findings: dict  # code -> findings, ranked, not yet in order
    seconds: float

    def all(self) -> list:
        return [*self.first, *(f for got in self.findings.values() for f in got)]


_OFFSETS = struct.Struct("<QQ")  # a cache entry's first bytes: where its findings and its model begin


@attrs.frozen
class Stored:
    """Where one part of an outcome lies: the pickle at ``offset`` of a file. A file of the result
    cache may have been put in place by another run since (``inode`` tells): then the part is found
    again by its ``index`` (1: the findings, 2: the model) in the offsets the entry begins with."""

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


def read_offsets(fh) -> tuple[int, int]:
    """Where the findings and the model of the cache entry open in ``fh`` begin."""
    fh.seek(0)
    return _OFFSETS.unpack(fh.read(_OFFSETS.size))


@attrs.define
class Outcome:
    """One file of a run after the first stage. ``meta`` is None for a file that gave no report
    (``error`` says why it could not be read, ``skipped`` why it is no report at all). The findings
    of the first stage (``local``, with their ``places``) and the model are in memory, or on disk
    (``found``, ``stored``) in a large run or when they come from the result cache."""

    path: str
    meta: object = None
    error: Optional[str] = None
    skipped: Optional[str] = None
    local: Optional[Local] = None
    places: Optional[Places] = None  # of the findings of the rules that look at one report
    report: object = None  # the model, while it is kept in memory
    found: Optional[Stored] = None  # else where (local, places) lie
    stored: Optional[Stored] = None  # and where the model lies

    def head(self) -> Outcome:
        """This outcome without its findings and model: what a large run holds of each file."""
        return attrs.evolve(self, local=None, places=None, report=None, found=None, stored=None)

    def first_stage(self) -> tuple:
        """(local, places), from memory or from disk."""
        return (self.local, self.places) if self.found is None else self.found.load()

    def write(self, fh, name: str, head: bool = False) -> Outcome:
        """Its parts written to ``fh`` (open on the new file ``name``) — with ``head``, as a cache entry:
        the offsets of the other parts, then its head — then its findings, then its model; and this
        outcome answered with them on disk."""
        if head:
            fh.write(bytes(_OFFSETS.size))
            pickle.dump(self.head(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        at = fh.tell()
        pickle.dump((self.local, self.places), fh, protocol=pickle.HIGHEST_PROTOCOL)
        model_at = fh.tell()
        pickle.dump(self.report, fh, protocol=pickle.HIGHEST_PROTOCOL)
        inode = 0
        if head:
            fh.seek(0)
            fh.write(_OFFSETS.pack(at, model_at))
            inode = os.fstat(fh.fileno()).st_ino
        found = Stored(name, at, inode, 1)
        stored = Stored(name, model_at, inode, 2) if self.report is not None else None
        return attrs.evolve(self.head(), found=found, stored=stored)


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

    __slots__ = ("meta", "places", "_load", "__weakref__")

    def __init__(self, meta, load: Callable[[], object], places: Optional[Places] = None):
        self.meta, self._load, self.places = meta, load, places or Places()

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("meta", "places", "_load"):
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
        return LazyReport(meta, lambda: attrs.evolve(load(), meta=meta), report.places)
    return attrs.evolve(report, meta=meta)
