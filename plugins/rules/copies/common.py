"""What the copies rules share: run lookups by body and year (``ogilint.rule.body_year``) and the places
a name opens with (``ogilint.spec.places``)."""

from __future__ import annotations

from ogilint.rule import body_year
from ogilint.spec.places import chain_levels, places, same_place, stem

__all__ = ["body_year", "chain_levels", "places", "same_place", "stem"]
