"""REG001 shandong-part-six-items: 山东省: 第六部分应分项报告规定的事项。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.rule import Rule
from ogilint.text import clean


class ShandongPartSixItems(Rule):
    """山东省: 第六部分应分项报告规定的事项。

    原因: 山东省的通知把第六部分分为固定的分项 (见格式说明 §7): 信息处理费收取情况;落实上级年度政务公开工作要点
    情况;人大代表建议和政协提案办理结果公开情况;政务公开工作创新情况;其他。第六部分缺少其中任何一项的山东报告是
    不完整的。

    不通过的例子: 山东某部门报告中的 "六、其他需要报告的事项 / 无。"。
    通过的例子: "(一)…信息处理费… (二)落实上级年度政务公开工作要点情况 … (三)人大代表建议和政协提案 … (四)政务公
    开工作创新情况 …"。
    """

    code = "REG001"
    name = "shandong-part-six-items"
    summary = "山东: 第六部分缺少规定的分项"
    severity = WARNING
    groups = ("structure", "regional")
    options = {
        "items": {
            "信息处理费": "信息处理费",
            "工作要点": "落实上级年度政务公开工作要点情况",
            "建议|提案": "人大代表建议和政协提案办理结果公开情况",
            "创新": "政务公开工作创新情况",
        }
    }

    def check(self, report, ctx):
        part = report.part(6)
        if part is None:
            return  # a missing part is the structure rules' finding
        text = clean(report.part_text(6))
        missing = [name for pattern, name in ctx.options["items"].items() if not re.search(pattern, text)]
        if missing:
            yield self.finding(
                f"第六部分缺少山东省要求的分项:{'、'.join(missing)}",
                line=part.line,
                column=part.column,
                expected="、".join(ctx.options["items"].values()),
                actual="缺少" + "、".join(missing),
                extent=len(missing),
                hint="按山东省要求在第六部分逐项说明 (没有的写明“无”)",
            )
