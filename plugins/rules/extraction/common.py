"""What the extraction rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint.rule import Rule


class _FromProblems(Rule):
    kinds: tuple = ()
    groups = ("extraction",)

    def check(self, report, ctx):
        for p in report.problems:
            if p.kind in self.kinds:
                yield self.finding(
                    p.message,
                    line=p.line,
                    column=p.column,
                    table=p.table,
                    row=p.row,
                    col=p.col,
                    confidence=p.confidence,
                    hint=self.hint_for(p),
                    extent=self.extent_for(report, p),
                )

    def hint_for(self, p) -> str:
        return ""

    def extent_for(self, report, p) -> int:
        return 1
