"""DAT005 other-year-figures: 「总体情况」里用上一年的年份陈述本年的数字。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.rule import Rule


class OtherYearFigures(Rule):
    """「总体情况」里用上一年的年份陈述本年的数字。

    原因: 沿用上一年文字的报告,会在 "2022年，共收到申请…件" 这样的句子里留下上一年的年份 (见格式说明 §8: 正文年
    份错误、照抄报告)。第五部分讲上一年的问题是正常的,不检查;报告年度之后的年份 (工作计划) 没有问题。从严认定:
    只报告后面紧跟着数字陈述的上一年年份。

    不通过的例子: 2023 年报告中的 "2022年,我局共收到政府信息公开申请3件"。
    通过的例子: "2023年,我局共收到…"。
    """

    code = "DAT005"
    name = "other-year-figures"
    summary = "总体情况中以其他年份陈述本年数字"
    severity = WARNING
    groups = ("dates",)
    options = {"window": 30}

    def check(self, report, ctx):
        year = report.meta.year
        part = report.part(1)
        if year is None or part is None:
            return
        text = report.part_text(1)
        pattern = re.compile(
            r"(?<!\d)(" + str(year - 1) + r")\s*年(?:度)?[,，]?[^。;；]{0,%d}?"  # noqa: UP031 - %d keeps the {m,n} braces readable
            r"(?:共|全年|累计)[^。;；]{0,12}?(?:收到|受理|发布|公开|制发|办理)[^。;；]{0,20}?\d+\s*(?:件|条|份)"
            % ctx.options.get("window", 30)
        )
        for m in pattern.finditer(text):
            before = text[: m.start()]
            line = part.line + before.count("\n")
            column = (len(before) - before.rfind("\n")) if "\n" in before else part.column + len(before)
            yield self.finding(
                f"总体情况中「{m.group(0)[:40]}」用的是{year - 1}年,本报告是{year}年度",
                line=line,
                column=column,
                expected=f"{year}年",
                actual=f"{year - 1}年",
                confidence=0.6,
                hint="核对是否沿用了上一年报告的文字",
            )
            return
