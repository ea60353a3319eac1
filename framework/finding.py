"""A finding: one thing a reviewer should look at, located, explained and ranked."""

from __future__ import annotations

from typing import Any, Optional

import attrs

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_ORDER = {ERROR: 3, WARNING: 2, INFO: 1}


def severity_counts(findings) -> tuple[int, int, int]:
    """The numbers of errors, warnings and notes among ``findings``."""
    counted = {s: 0 for s in SEVERITIES}
    for f in findings:
        if f.severity in counted:
            counted[f.severity] += 1
    return tuple(counted[s] for s in SEVERITIES)


@attrs.frozen
class Location:
    line: Optional[int] = None
    column: Optional[int] = None
    table: Optional[str] = None  # t2, t3, t4
    row: Optional[str] = None  # canonical row key
    col: Optional[str] = None  # canonical column key

    @classmethod
    def of_cell(cls, cell, table: str, row: str, col: str) -> Location:
        return cls(cell.line, cell.column, table, row, col)

    def __reduce__(self):  # pickled as its fields: half the time of attrs' slot state, and smaller
        return type(self), (self.line, self.column, self.table, self.row, self.col)


@attrs.frozen
class Finding:
    code: str
    name: str
    severity: str
    message: str  # Chinese, for the reader
    location: Location = attrs.field(factory=Location)
    confidence: float = 1.0
    rank: int = 0  # 0–100, filled in by ranking
    expected: Any = None
    actual: Any = None
    related: tuple = ()  # Locations of the other cells involved
    hint: str = ""
    plugin: str = ""
    extent: int = 1  # how many cells/places of the report the problem touches

    def __reduce__(self):  # pickled as its fields (a large run keeps its findings on disk)
        return type(self), tuple(getattr(self, a.name) for a in type(self).__attrs_attrs__)

    def key(self) -> tuple:
        """Sort key: what a reviewer reads first."""
        loc = self.location
        return (-self.rank, loc.line or 0, loc.column or 0, self.code)


def share_locations(findings: list) -> list:
    """``findings`` with equal locations made one object. A report's identities name the same
    cells over and over (about 210 places in its findings, 120 of them distinct): shared, each is held
    once, and pickle — the result cache and a large run keep findings on disk — writes it once and
    builds it once when a rerun reads it back, which halves the time of reading a report's findings."""
    one: dict = {}
    out = []
    for f in findings:
        loc = one.setdefault(f.location, f.location)
        related = tuple(one.setdefault(r, r) for r in f.related)
        same = loc is f.location and all(a is b for a, b in zip(related, f.related))
        out.append(f if same else attrs.evolve(f, location=loc, related=related))
    return out
