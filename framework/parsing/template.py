"""Which template version a report follows: by the words only one version prints (spec §2), else by
the year it reports on."""

from __future__ import annotations

from typing import Optional

from ogilint import spec
from ogilint.text import clean


def detect_template(norm_lines: list[str], year: Optional[int]) -> tuple[str, tuple, bool]:
    """(version, evidence words, detected?)."""
    text = clean("".join(norm_lines))
    hits = {v: tuple(w for w in words if clean(w) in text) for v, words in spec.TEMPLATE_SIGNS.items()}
    n19, n21 = len(hits[spec.TEMPLATE_2019]), len(hits[spec.TEMPLATE_2021])
    if n19 > n21:
        return spec.TEMPLATE_2019, hits[spec.TEMPLATE_2019], True
    if n21 > n19:
        return spec.TEMPLATE_2021, hits[spec.TEMPLATE_2021], True
    return spec.template_for_year(year), (), False
