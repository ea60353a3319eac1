"""What the dates rules share (one rule per file beside this module): the report's year as each
source states it, so that a title and a period that disagree are judged together, once."""

from __future__ import annotations

import re
from typing import Optional

import attrs

from ogilint.text import dominant_year

# "202311日" / "20231231日": a date whose 年 and 月 are gone, as some HTML-to-text converters leave it.
LOST_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}(?:1[0-2]|[1-9])(?:3[01]|[12]\d|[1-9])日")


@attrs.frozen
class YearSource:
    """One place that states the report's year: where, which year, and how to name it in Chinese."""

    label: str
    year: int
    line: Optional[int]


@attrs.frozen
class YearVerdict:
    """Title and period disagree: ``wrong`` is "title", "period" or None (no evidence decides);
    ``evidence`` are the other sources, for the message."""

    title: YearSource
    period: YearSource
    wrong: Optional[str]
    evidence: tuple


def title_year(report) -> Optional[YearSource]:
    m = report.meta
    found = re.search(r"((?:19|20)\d{2})\s*年", m.title or "")
    return YearSource("标题", int(found.group(1)), m.title_line) if found else None


def period_year(report) -> Optional[YearSource]:
    """The period's year when it is one year (start and end in the same year)."""
    p = report.meta.period
    if p is None or p.start is None or p.end is None or p.start[:4] != p.end[:4]:
        return None
    return YearSource("统计期限", int(p.start[:4]), p.line)


def other_evidence(report) -> tuple:
    """The year as the date of publication implies it (reports come out the following year) and as
    part 一 keeps naming it."""
    found = []
    m = report.meta
    if m.published:
        found.append(YearSource(f"发布日期 {m.published}", int(m.published[:4]) - 1, m.published_line))
    named = dominant_year([report.part_text(1) or ""])
    if named is not None:
        year, times = named
        found.append(YearSource(f"正文(第一部分提到{times}次)", year, None))
    return tuple(found)


def judge_years(report) -> Optional[YearVerdict]:
    """None when title and period agree (or one is missing); else which of them the other evidence
    says is wrong — the one fewer sources side with."""
    title, period = title_year(report), period_year(report)
    if title is None or period is None or title.year == period.year:
        return None
    evidence = other_evidence(report)
    for_title = sum(1 for e in evidence if e.year == title.year)
    for_period = sum(1 for e in evidence if e.year == period.year)
    wrong = "period" if for_title > for_period else "title" if for_period > for_title else None
    return YearVerdict(title, period, wrong, evidence)


def describe(sources) -> str:
    """ "标题为2023年、发布日期 2024-03-08 指向2023年、正文(第一部分提到5次)为2023年"."""
    return "、".join(f"{s.label}{' 指向' if s.label.startswith('发布日期') else '为'}{s.year}年" for s in sources)
