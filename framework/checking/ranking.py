"""Order findings by what a reviewer should read first: severity, confidence, and how much of the
report the problem touches. The rank (0–100) is stored on the finding and in SARIF ``result.rank``.
"""

from __future__ import annotations

import attrs

from ogilint.finding import SEVERITY_ORDER, Finding

_BASE = {3: 60, 2: 35, 1: 10}


def rank_of(f: Finding) -> int:
    base = _BASE.get(SEVERITY_ORDER.get(f.severity, 1), 10)
    spread = min(max(f.extent, 1), 10) * 1.5
    return int(max(0, min(100, round(base + 25 * f.confidence + spread))))


def with_rank(f: Finding) -> Finding:
    """``f`` with its rank filled in (itself when it has it: a finding ranked where it was made, in a
    worker or before it was kept in the result cache, is not made again)."""
    rank = rank_of(f)
    return f if f.rank == rank else attrs.evolve(f, rank=rank)


def rank_findings(findings: list[Finding], report=None) -> list[Finding]:
    ranked = [with_rank(f) for f in findings]
    ranked.sort(key=Finding.key)
    return ranked
