"""What the structure rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint.spec.problems import ProblemKind as K


def _truncated(report) -> bool:
    return any(p.kind == K.TRUNCATED for p in report.problems)
