"""What the extraction rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint.rule import ProblemRule


class _FromProblems(ProblemRule):
    """An extraction rule: it reports the parser's problems of its kinds."""

    groups = ("extraction",)
