"""EXT011 heading-damaged: 部分标题有错字、序号错位、多余字符或断行。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class HeadingDamaged(_FromProblems):
    """部分标题有错字、序号错位、多余字符或断行。

    Why: a part is found by the words of its heading, with tolerance, so that a damaged heading never
    loses the part or its table (spec §3, §9). But a heading with a character inserted or dropped
    ("行政法复议"), a numeral that is not the part's ("三、主动公开政府信息情况" for part 二), stray
    characters before the numeral ("l六、") or a title broken over two lines is either a slip of the
    report or damage done by extraction; the reviewer should look at it in the original. A report
    that gives part 一 no heading of its own and numbers its sub-topics as parts ("一、主动公开" …
    "五、监督保障") has part 一 opened by the first of them, with this warning, not a missing part.

    A heading whose words are clean and only its numeral is another part's is no damage: the body
    numbered it wrongly, and STR012 heading-ordinal reports it (once for a renumbered run).

    Fails: "四、政府信息公开行政法复议、行政诉讼情况" (a character inserted).
    Passes: "四、政府信息公开行政复议、行政诉讼情况".
    """

    code = "EXT011"
    name = "heading-damaged"
    summary = "部分标题受损或序号错位"
    severity = WARNING
    kinds = (K.HEADING_DAMAGED,)

    def check(self, report, ctx):
        only_numeral = {
            (p.line, p.column)
            for p in report.problems
            if p.kind == K.HEADING_DAMAGED and set((p.detail or {}).get("damage", ())) == {"ordinal"}
        }
        for f in super().check(report, ctx):
            if (f.location.line, f.location.column) not in only_numeral:
                yield f

    def hint_for(self, p) -> str:
        return "对照报告原件核对这一部分的标题和序号"
