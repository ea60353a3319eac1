"""What the structure rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint.spec.problems import ProblemKind as K


def _truncated(report) -> bool:
    return any(p.kind == K.TRUNCATED for p in report.problems)


def _starts_inside(report) -> bool:
    """The text starts after the report began (the parser's TRUNCATED problem at the start): the
    parts before its first heading lie outside the text."""
    return any(p.kind == K.TRUNCATED and (p.detail or {}).get("at") == "start" for p in report.problems)
