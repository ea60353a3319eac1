"""STR002 part-duplicated: 同一部分出现了两次。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import Rule


class PartDuplicated(Rule):
    """同一部分出现了两次。

    原因: 重复的标题通常意味着粘贴的文字或合并的报告 (见格式说明 §8)。

    不通过的例子: "五、存在的主要问题及改进情况" 出现两次。
    通过的例子: 六个标题各出现一次。
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
