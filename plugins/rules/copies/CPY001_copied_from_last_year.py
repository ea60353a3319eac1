"""CPY001 copied-from-last-year: 叙述部分与同一机关上一年的报告几乎逐字相同。"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.copies.common import body_year
from ogilint.rule import Rule, others_where

NARRATIVE_PARTS = (1, 5, 6)  # 总体情况, 存在的主要问题及改进情况, 其他需要报告的事项: written each year
_MAX_CHARS = 20_000  # compared per part: bounded work (the ratio costs about n·m/64 steps)
_NOT_WORDS = re.compile(r"[\s|*#>_`~·•]+")  # layout: spaces, markdown marks
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")  # years, counts, dates: what a copy changes


def comparable(report, number: int) -> str:
    """A part's text as compared: its heading left out, layout dropped, every number one mark."""
    part = report.part(number)
    if part is None:
        return ""
    text = report.part_text(number)
    start = text.find(part.heading)
    if 0 <= start < 20:
        text = text[start + len(part.heading) :]
    text = _NOT_WORDS.sub("", text[: 2 * _MAX_CHARS])
    return _NUMBER.sub("#", text)[:_MAX_CHARS]


def option_problems(options: dict) -> list[str]:
    problems = []
    if not 50 <= options.get("threshold", 85) <= 100:
        problems.append("threshold 应在 50 到 100 之间(相似度的百分数)")
    if options.get("min_chars", 100) < 1:
        problems.append("min_chars 应为正整数")
    return problems


class CopiedFromLastYear(Rule):
    """叙述部分与同一机关上一年的报告几乎逐字相同 (警告)。

    Why: a report copied from last year's is among what evaluators flag (内容雷同: reports found 90%
    identical to the year before, spec §8); 总体情况, 存在的主要问题及改进情况 and 其他需要报告的事项
    are to say what was done and what is to change this year (条例 第五十条). Checked when the
    previous year's report of the same body (title's body, year − 1) is in the run. Each part's text
    is compared without its heading, spaces and markdown marks, with every number made one mark (a
    copy changes the years and the counts), by rapidfuzz's ``fuzz.ratio`` (the share of characters
    the two texts have in common, in order). A part is compared only when both texts are at least
    ``min_chars`` long: short statements ("本年度未收取信息处理费") are the same every year by nature.

    Measured on the fixtures (part texts of 100 characters or more): the real reports of one body,
    平潭综合实验区 2019, 2021, 2023 and 2025 (all six pairs, 12 part pairs), score 13–34%; 1,045 part
    pairs of different bodies score 4–37%. A copy with the numbers changed scores 100%, one with two
    of part 五's sentences rewritten 92%. ``threshold`` 85 leaves a wide margin on both sides.

    Fails: a 2024 report whose 总体情况 and 存在的主要问题及改进情况 repeat the 2023 report's, only
    the title's year changed: 「第五部分(存在的主要问题及改进情况)与2023年报告的相似度为100%」.
    Passes: 平潭综合实验区's 2025 report against its 2023 report (re-dated 2024): at most 34%.
    """

    code = "CPY001"
    name = "copied-from-last-year"
    summary = "叙述部分与上一年报告几乎相同"
    severity = WARNING
    groups = ("copies", "cross-year")
    options = {"threshold": 85, "min_chars": 100}

    def check(self, report, ctx):
        m = report.meta
        if not m.body or not m.year:
            return
        previous = others_where(ctx.run_reports, body_year, (m.body, m.year - 1))
        if not previous:
            return
        prev = previous[0]
        threshold = ctx.options.get("threshold", 85)
        min_chars = ctx.options.get("min_chars", 100)
        for number in NARRATIVE_PARTS:
            now, before = comparable(report, number), comparable(prev, number)
            if min(len(now), len(before)) < min_chars:
                continue
            score = fuzz.ratio(now, before, score_cutoff=threshold)
            if not score:
                continue
            part = report.part(number)
            yield self.finding(
                f"第{spec.NUMERALS[number - 1]}部分({spec.PART_TITLES[number]})与{prev.meta.year}年报告的"
                f"相似度为{int(score)}%,几乎逐字相同",
                line=part.line,
                column=part.column,
                expected=f"<{threshold}%",
                actual=f"{int(score)}%",
                confidence=0.9,
                hint=f"对照 {prev.meta.year} 年报告 ({prev.meta.source or ''}) 的同一部分,按本年情况重写",
            )
