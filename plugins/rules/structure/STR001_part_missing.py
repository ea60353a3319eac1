"""STR001 part-missing: 缺少规定的部分。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.plugins.rules.structure.common import _starts_inside, _truncated
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind


class PartMissing(Rule):
    """缺少规定的部分。

    Why: 条例第五十条 and the national format fix six parts (spec §3); evaluators flag missing
    parts (spec §8). Parts after the point where a truncated text breaks off are not reported, nor,
    in a text that starts inside the report (one page of a flipbook), the parts before its first
    heading: they lie outside the text. Such an excerpt's end is the excerpt's, not the report's,
    so the parts after its last heading are not reported either.

    Fails: a report without "五、存在的主要问题及改进情况". Passes: all six headings present.
    """

    code = "STR001"
    name = "part-missing"
    summary = "缺少规定的部分"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        present = {p.number for p in report.parts}
        if not present:
            return
        # A part whose heading is lost but whose table stands in the text is there: the heading is
        # the finding (EXT011), not the part.
        present |= {
            (p.detail or {}).get("part")
            for p in report.problems
            if p.kind == ProblemKind.HEADING_DAMAGED and "missing" in (p.detail or {}).get("damage", ())
        }
        # A report that numbers 主动公开 "一、" has numbered its parts from part 二 on: what comes before
        # is its 总体情况, unnumbered (the shifted numerals are EXT011's warnings).
        first_part = min(report.parts, key=lambda p: p.line)
        if first_part.number == 2 and first_part.numeral == "一":
            present.add(1)
        first, last = min(present), max(present)
        excerpt = _starts_inside(report)
        for n in range(1, 7):
            if n in present or ((_truncated(report) or excerpt) and n > last) or (excerpt and n < first):
                continue
            yield self.finding(
                f"缺少第{'一二三四五六'[n - 1]}部分「{spec.PART_TITLES[n]}」",
                expected=spec.PART_TITLES[n],
                actual="缺失",
                extent=3,
            )
