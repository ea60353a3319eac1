"""EXT011 heading-damaged: 部分标题有错字、序号错位、多余字符或断行。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class HeadingDamaged(_FromProblems):
    """部分标题有错字、序号错位、多余字符或断行。

    原因: 部分是按标题文字容错查找的,所以受损的标题不会让这一部分或其统计表丢失 (见格式说明 §3、§9)。但标题中多
    了或少了一个字 ("行政法复议")、序号不是这一部分的 (第二部分写成 "三、主动公开政府信息情况")、序号前有多余的
    字符 ("l六、"),或标题断成两行,要么是报告的笔误,要么是文本提取造成的损坏;审核人应对照原件查看。报告没有给第一
    部分单独的标题、而把其下各小标题当作部分编号的 ("一、主动公开" … "五、监督保障"),第一部分从其中第一个开始,并
    给出本警告,不算缺少部分。

    标题文字无误、只是序号属于另一部分的,不算损坏: 那是机关编错了号,由 STR012 heading-ordinal 报告 (整段重新编号
    的只报告一次)。

    不通过的例子: "四、政府信息公开行政法复议、行政诉讼情况" (多了一个字)。
    通过的例子: "四、政府信息公开行政复议、行政诉讼情况"。
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
