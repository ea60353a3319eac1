"""STR012 heading-ordinal: 部分标题的序号有误。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.structure.common import _starts_inside, _truncated, numeral, present_parts
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind as K


class HeadingOrdinal(Rule):
    """部分标题的序号有误。

    原因: 国家格式把六个部分按一至六编号 (见格式说明 §3)。标题的文字是一个部分、序号却是另一个部分的 (第四部分写
    成 "三、政府信息公开行政复议、行政诉讼情况",或两个部分编号相同),是读者一眼就能看到的报告笔误;所有部分都重新
    编号的报告 (在没有编号的总体情况之后写 "一、主动公开政府信息情况" … "五、其他需要报告的事项") 偏离了格式。无
    论哪种情况,部分都按其文字找到 (见格式说明 §9)。

    同样错位的一串标题只报告一次 (重新编号的报告只有一条发现,在其第一个重新编号的标题处)。以下情况不报告: 同时被
    文本提取损坏的标题 (一个字、多余的前缀、断行: 由 EXT011 连同其序号一起报告);部分依次编号但缺少一部分的报告
    (重新编号是缺少部分的结果,属于 STR001 的错误);以及从报告中间开始的文本 (其编号可能是某一页的)。

    不通过的例子: "三、收到和处理政府信息公开申请情况" 之后又是 "三、政府信息公开行政复议、行政诉讼情况"。
    通过的例子: "三、收到和处理政府信息公开申请情况" 之后是 "四、政府信息公开行政复议、行政诉讼情况"。
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
