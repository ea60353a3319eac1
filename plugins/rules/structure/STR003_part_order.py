"""STR003 part-order: 部分的顺序与国家格式不同。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import Rule


class PartOrder(Rule):
    """部分的顺序与国家格式不同。

    原因: 国家格式规定了一至六的顺序 (见格式说明 §3)。

    不通过的例子: 六在五之前。
    通过的例子: 一、二、三、四、五、六。
    """

    code = "STR003"
    name = "part-order"
    summary = "部分顺序有误"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        numbers = [p.number for p in report.parts]
        for prev, part in zip(report.parts, report.parts[1:]):
            if part.number < prev.number:
                yield self.finding(
                    f"第{'一二三四五六'[part.number - 1]}部分出现在第{'一二三四五六'[prev.number - 1]}部分之后",
                    line=part.line,
                    column=part.column,
                    expected=sorted(numbers),
                    actual=numbers,
                )
                return
