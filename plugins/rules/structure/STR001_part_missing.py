"""STR001 part-missing: 缺少规定的部分。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.plugins.rules.structure.common import _truncated
from ogilint.rule import Rule


class PartMissing(Rule):
    """缺少规定的部分。

    Why: 条例第五十条 and the national format fix six parts (spec §3); evaluators flag missing
    parts (spec §8). Parts after the point where a truncated text breaks off are not reported.

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
        last = max(present)
        for n in range(1, 7):
            if n in present or (_truncated(report) and n > last):
                continue
            yield self.finding(
                f"缺少第{'一二三四五六'[n - 1]}部分「{spec.PART_TITLES[n]}」",
                expected=spec.PART_TITLES[n],
                actual="缺失",
                extent=3,
            )
