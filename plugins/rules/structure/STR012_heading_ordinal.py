"""STR012 heading-ordinal: 部分标题的序号有误。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.structure.common import _starts_inside, _truncated, numeral, present_parts
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind as K


class HeadingOrdinal(Rule):
    """部分标题的序号有误。

    Why: the national format numbers its six parts 一 to 六 (spec §3). A heading whose words name
    one part but whose numeral is another's ("三、政府信息公开行政复议、行政诉讼情况" for part 四, or two
    parts numbered alike) is a slip of the report that the reader sees at once; a report whose parts
    are all renumbered ("一、主动公开政府信息情况" … "五、其他需要报告的事项" after an unnumbered
    总体情况) departs from the format. The part is found by its words either way (spec §9).

    One finding per run of headings shifted alike (a renumbered report gets one, at its first
    renumbered heading). Not reported: a heading that extraction also damaged (a character, a stray
    prefix, a broken line: EXT011 reports it with its numeral), a report that numbers its parts one
    after another and lacks a part (the renumbering follows from the missing part, STR001's error),
    nor a text that starts inside the report (its numbering may be a page's).

    Fails: "三、政府信息公开行政复议、行政诉讼情况" after "三、收到和处理政府信息公开申请情况".
    Passes: "四、政府信息公开行政复议、行政诉讼情况" after "三、收到和处理政府信息公开申请情况".
    """

    code = "STR012"
    name = "heading-ordinal"
    summary = "部分标题序号有误"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        if not report.parts or _starts_inside(report):
            return
        damaged = {  # headings extraction may have damaged too: EXT011 names their numeral
            (p.line, p.column)
            for p in report.problems
            if p.kind == K.HEADING_DAMAGED and set((p.detail or {}).get("damage", ())) - {"ordinal"}
        }
        parts = sorted(report.parts, key=lambda p: (p.line, p.column))
        printed = [spec.NUMERALS.index(p.numeral) + 1 if p.numeral in spec.NUMERALS else None for p in parts]
        if all(v == i for i, v in enumerate(printed, start=1)):
            # Numbered one after another: the numerals follow from a part that is not there.
            present = present_parts(report)
            last = max(present) if present else 0
            if any(n not in present for n in range(1, 7) if not (_truncated(report) and n > last)):
                return
        runs: list[list] = [[]]  # runs of consecutive headings whose numerals are shifted alike
        shift = None
        for part, value in zip(parts, printed):
            if value is None or value == part.number or (part.line, part.column) in damaged:
                runs.append([])
                continue
            if not runs[-1] or value - part.number != shift:
                runs.append([])
            shift = value - part.number
            runs[-1].append((part, value))
        for run in filter(None, runs):
            first, _ = run[0]
            if len(run) == 1:
                same = [p for p in parts if p is not first and p.numeral == first.numeral]
                also = f"(与第{numeral(same[0].number)}部分的序号相同)" if same else ""
                message = (
                    f"第{numeral(first.number)}部分「{spec.PART_TITLES[first.number]}」的标题序号为"
                    f"「{first.numeral}」,应为「{numeral(first.number)}」{also}"
                )
            else:
                last_part, _ = run[-1]
                message = (
                    f"第{numeral(first.number)}至第{numeral(last_part.number)}部分的标题序号依次为"
                    f"「{first.numeral}」至「{last_part.numeral}」,应为「{numeral(first.number)}」至"
                    f"「{numeral(last_part.number)}」"
                )
            yield self.finding(
                message,
                line=first.line,
                column=first.column,
                expected="、".join(numeral(p.number) for p, _ in run),
                actual="、".join(p.numeral for p, _ in run),
                confidence=0.9,
                extent=len(run),
            )
