"""STR002 part-duplicated: 同一部分出现了两次。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import Rule


class PartDuplicated(Rule):
    """同一部分出现了两次。

    Why: a duplicated heading usually means pasted text or a merged report (spec §8).

    Fails: "五、存在的主要问题及改进情况" twice. Passes: each of the six headings once.
    """

    code = "STR002"
    name = "part-duplicated"
    summary = "部分重复"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        seen = {}
        for p in report.parts:
            if p.number in seen:
                yield self.finding(
                    f"第{'一二三四五六'[p.number - 1]}部分重复出现 (第{seen[p.number]}行已有)",
                    line=p.line,
                    column=p.column,
                )
            else:
                seen[p.number] = p.line
