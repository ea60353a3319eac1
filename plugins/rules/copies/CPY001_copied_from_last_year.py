"""CPY001 copied-from-last-year: 叙述部分与同一机关上一年的报告几乎逐字相同。"""

from __future__ import annotations

import re

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

    原因: 照抄上一年的报告属于评估中会指出的问题 (内容雷同: 有的报告与上一年的相似度达 90%,见格式说明 §8);总体情
    况、存在的主要问题及改进情况、其他需要报告的事项这几部分,应当写明本年做了什么、要改进什么 (条例第五十条)。运
    行中有同一机关上一年的报告 (按标题中的机关,年度减一) 时才检查。各部分的文字去掉标题、空格和 markdown 标记,每
    个数字都换成同一个记号 (照抄时会改年份和件数),再用 rapidfuzz 的 ``fuzz.ratio`` 比较 (两段文字按顺序共有的字
    符所占的比例)。只有两段文字都不短于 ``min_chars`` 个字时才比较: 简短的表述 ("本年度未收取信息处理费") 本来就
    年年一样。

    在测试样本上的测量 (100 字及以上的部分): 同一机关平潭综合实验区 2019、2021、2023、2025 年的真实报告 (全部六
    对,共 12 对部分) 相似度为 13–34%;不同机关的 1,045 对部分为 4–37%。只改了数字的照抄件为 100%,第五部分改写了两
    句话的为 92%。``threshold`` 取 85,两边都留有充分的余地。

    不通过的例子: 一份 2024 年报告的总体情况和存在的主要问题及改进情况与 2023 年报告相同,只改了标题中的年份:「第
    五部分(存在的主要问题及改进情况)与2023年报告的相似度为100%」。
    通过的例子: 平潭综合实验区 2025 年报告与其 2023 年报告 (改标为 2024 年) 比较: 最高 34%。
    """

    code = "CPY001"
    name = "copied-from-last-year"
    summary = "叙述部分与上一年报告几乎相同"
    severity = WARNING
    groups = ("copies", "cross-year")
    across_reports = True  # last year's report of the same body
    options = {"threshold": 85, "min_chars": 100}

    def check(self, report, ctx):
        m = report.meta
        if not m.body or not m.year:
            return
        previous = others_where(ctx.run_reports, body_year, (m.body, m.year - 1))
        if not previous:
            return
        from rapidfuzz import fuzz  # only for a body with last year's report in the run

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
