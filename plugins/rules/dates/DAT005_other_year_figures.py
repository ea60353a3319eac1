"""DAT005 other-year-figures: 「总体情况」里用上一年的年份陈述本年的数字。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.rule import Rule


class OtherYearFigures(Rule):
    """「总体情况」里用上一年的年份陈述本年的数字。

    Why: a report that reuses last year's text keeps last year's year in sentences like
    "2022年，共收到申请…件" (spec §8: wrong year in the text, copied reports). Part 五 legitimately
    speaks of last year's problems and is not checked; a year after the report year (plans) is fine.
    Conservative: only a previous year directly followed by a statement of figures is reported.

    Fails: in a 2023 report, "2022年,我局共收到政府信息公开申请3件". Passes: "2023年,我局共收到…".
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
