"""What the copies rules share: run lookups by body and year. The places a name opens with are read by
``ogilint.spec.places``."""

from __future__ import annotations

from typing import Optional

from ogilint.spec.places import chain_levels, places, same_place, stem

__all__ = ["body_year", "chain_levels", "places", "same_place", "stem"]


def body_year(report) -> Optional[tuple]:
    """The run index key of a report by body and year."""
    m = report.meta
    return (m.body, m.year) if m.body and m.year else None
