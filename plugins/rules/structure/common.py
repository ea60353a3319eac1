"""What the structure rules share (one rule per file beside this module)."""

from __future__ import annotations




def _truncated(report) -> bool:
    return any(p.kind == "truncated" for p in report.problems)
