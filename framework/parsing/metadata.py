"""Report metadata read from the text: title, body, region, year, statistics period, publication date.

Only what the text states is recorded; a malformed period is kept as raw text with no dates, so the
date rules can say what is wrong with it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

import attrs

from ogilint.model import Period
from ogilint.text import dominant_year

# Patterns here run over whole lines of any length: none starts a search inside a run of white space
# (_NOT_INSIDE_SPACE) and no two unbounded repeats of white space stand side by side, so each is linear.
_NOT_INSIDE_SPACE = r"(?:(?<!\s)|(?!\s))"  # a match that could start there starts at the run's first space
_TITLE = re.compile(
    _NOT_INSIDE_SPACE + r"(?P<body>[^\s0-9,。:;!?()\[\]“”《》]{0,40}?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?:度\s*)?"
    r"(?P<rest>[^\s0-9,。;]{0,30}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)"
)
_PERIOD_MARK = re.compile(r"统计(?:期限|期间|时限|时段|区间|周期)")
# The end year may be left out when it is the start year ("2022年1月1日至12月31日").
_FULL_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起\s*)?(?:至|到|-|—|~)\s*"
    r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
_DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_PUBLISHED_LINE = re.compile(
    r"(?:发布日期|发布时间|成文日期|发文日期)[::]?\s*((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})"
)
_REGION = re.compile(r"^((?:[^\s省市县区盟旗局委办厅]{1,12}?(?:省|自治区|特别行政区|自治州|地区|市|盟|县|区|旗))+)")


@attrs.frozen
class FoundMetadata:
    """What the text states about the report itself."""

    title: Optional[str]
    body: Optional[str]
    year: Optional[int]  # the title's, unless the rest of the evidence agrees on another (report_year)
    title_line: Optional[int]
    period: Optional[Period]
    published: Optional[str]
    published_line: Optional[int]


def read_metadata(lines: list[str]) -> FoundMetadata:
    """Title, body, year, statistics period and publication date of the normalised ``lines``."""
    title, body, year, title_line = find_title(lines)
    period = find_period(lines)
    published, published_line = find_published(lines)
    year = report_year(year, title_line, period, published, lines)
    return FoundMetadata(title, body, year, title_line, period, published, published_line)


def report_year(title_year, title_line, period, published, lines) -> Optional[int]:
    """The year the report is about. The title's, as a rule; but when the other evidence — the
    statistics period, the date of publication (reports come out the following year) and the year
    the text names most — has at least two sources agreeing on another year and none siding with the
    title, the title is the slip and that year is the report's (DAT004 then blames the title).
    Without a title, the period's year."""
    period_year = None
    if period is not None and period.start and period.end and period.start[:4] == period.end[:4]:
        period_year = int(period.start[:4])
    if title_year is None:
        return period_year if period is None or period.start is None else int(period.start[:4])
    others = [y for y in (period_year, int(published[:4]) - 1 if published else None) if y is not None]
    skip = {title_line, period.line if period is not None else None}  # each is evidence of its own
    named = dominant_year(line for idx, line in enumerate(lines) if idx + 1 not in skip)
    if named is not None:
        others.append(named[0])
    if title_year in others or len(others) < 2:
        return title_year
    best = max(set(others), key=others.count)
    return best if others.count(best) >= 2 else title_year


def _iso(y, m, d) -> Optional[str]:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_BODY_PREFIX = re.compile(r"^(?:现(?:将|公布|予以公布)|特此|根据|按照|本报告(?:由)?|现|特向社会公布|公布)")


def find_title(lines: list[str]) -> tuple[Optional[str], Optional[str], Optional[int], Optional[int]]:
    """(title, body, year, line): a line that is mostly a title wins over a title in a sentence."""
    found = _find_title(lines, standalone=True)
    return found if found[0] is not None else _find_title(lines, standalone=False)


_MARKUP = re.compile(r"^#{1,6}[ \t]*|\*\*")  # markdown heading marks and bold marks: layout, not words


def _plain(line: str) -> str:
    """A line's text without markdown marks ("# 某县人民政府", "**…工**")."""
    return _MARKUP.sub("", line.strip()).strip()


def _find_title(lines: list[str], standalone: bool):
    seen = 0
    for idx, line in enumerate(lines):
        text = _plain(line)
        if not text:
            continue
        seen += 1
        if seen > 25:
            break
        if re.match(r"^(?:索引号|发布机构|原文链接|本地目录|页面链接|来源|栏目)[::]?", text):
            continue
        text = re.sub(r"^标题[::]\s*", "", text)
        m = _TITLE.search(text) if "信息公开" in text else None  # the title names 信息公开: a cheap first test
        if m is None and (joined := _with_next_line(lines, idx, text)) is not None:
            text = joined  # a title over two lines: "2025 年上海市人民政府办公厅政府信息公开" / "工作年度报告"
            m = _TITLE.search(text) if "信息公开" in text else None
        if not m or m.start() > 40:
            continue
        if standalone and len(m.group(0)) < 0.6 * len(text):
            continue
        title = re.sub(r"\s+", "", m.group(0))
        body = m.group("body").strip() or m.group("rest").strip() or None
        if body and m.group("body").strip() == "" and m.group("rest"):
            body = re.sub(r"\s+", "", m.group("rest")) or None
        # A title split over two lines: the body stands alone on the line before.
        if not m.group("body").strip() and not m.group("rest").strip():
            prev = _previous_text_line(lines, idx)
            if prev and len(prev) <= 30 and not re.search(r"[,。:;]", prev):
                body = re.sub(r"\s+", "", prev)
                title = body + title
        if body:
            body = re.sub(r"\s+", "", body)
            body = _BODY_PREFIX.sub("", re.sub(r"^(?:关于)?", "", body)) or None
        return title, body, int(m.group("year")), idx + 1
    return None, None, None, None


def _with_next_line(lines: list[str], idx: int, text: str) -> Optional[str]:
    """``text`` and the next line as one, when ``text`` may be the first half of a title broken over
    two lines: short, no sentence punctuation, a year in it, and a short next line that ends it."""
    if len(text) > 40 or not re.search(r"(?:19|20)\d{2}\s*年", text) or re.search(r"[,。:;]", text):
        return None
    following = _plain(lines[idx + 1]) if idx + 1 < len(lines) else ""
    if not following or len(following) > 20 or re.search(r"[,。:;]", following):
        return None
    return text + following


def _previous_text_line(lines: list[str], idx: int) -> Optional[str]:
    for j in range(idx - 1, max(-1, idx - 4), -1):
        if _plain(lines[j]):
            return _plain(lines[j])
    return None


def find_period(lines: list[str]) -> Optional[Period]:
    """The statistics period stated after "统计期限…"; a period wrapped onto the next line (PDF
    text wraps where the page ends) is read across the break."""
    for idx, line in enumerate(lines):
        m = _PERIOD_MARK.search(line)
        if not m:
            continue
        rest = line[m.end() : m.end() + 60]
        following = lines[idx + 1].lstrip() if idx + 1 < len(lines) and len(rest.strip()) < 30 else ""
        shift = len(lines[idx + 1]) - len(following) if following else 0
        tail = rest + following[:60]

        mark_end, first = m.end(), len(rest)

        def place(offset: int, idx=idx, mark_end=mark_end, first=first, shift=shift) -> tuple[int, int]:
            if offset < first:
                return idx + 1, mark_end + offset + 1
            return idx + 2, shift + offset - first + 1

        full = _FULL_PERIOD.search(tail)
        if full and full.start() < 8:
            raw = full.group(0)
            start = _iso(*full.group(1, 2, 3))
            end = _iso(full.group(4) or full.group(1), *full.group(5, 6))
            return Period(raw, start, end, *place(full.start()))
        stop = re.search(r"[。;,]|止", tail)
        raw = tail[: stop.start() if stop else 40].strip()
        raw = re.sub(r"^(?:为|是|自|:)\s*", "", raw)
        at = tail.find(raw) if raw else -1
        if at >= len(rest):  # the wrong period stands on the next line: point there
            return Period(raw, None, None, *place(at))
        return Period(raw, None, None, idx + 1, m.start() + 1)
    return None


def find_published(lines: list[str]) -> tuple[Optional[str], Optional[int]]:
    """The date the report was signed or published."""
    # A dated signature among the last lines.
    count = 0
    for idx in range(len(lines) - 1, -1, -1):
        text = lines[idx].strip()
        if not text:
            continue
        count += 1
        if count > 6:
            break
        if len(text) <= 40:
            m = _DATE_CN.search(text)
            if m and m.end() >= len(text) - 1:
                return _iso(*m.groups()), idx + 1
    for idx, line in enumerate(lines[:40]):
        m = _PUBLISHED_LINE.search(line)
        if m:
            return _iso(*m.groups()), idx + 1
        m = re.match(r"^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})\s+点击", line)
        if m:
            return _iso(*m.groups()), idx + 1
    return None, None


def region_of(body: Optional[str]) -> Optional[str]:
    if not body:
        return None
    m = _REGION.match(body)
    return m.group(1) if m else None
