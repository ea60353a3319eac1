"""What the structure rules share (one rule per file beside this module)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Optional

import attrs

from ogilint import spec
from ogilint.spec.problems import ProblemKind as K
from ogilint.text import clean


def _truncated(report) -> bool:
    return any(p.kind == K.TRUNCATED for p in report.problems)


def _starts_inside(report) -> bool:
    """The text starts after the report began (the parser's TRUNCATED problem at the start): the
    parts before its first heading lie outside the text."""
    return any(p.kind == K.TRUNCATED and (p.detail or {}).get("at") == "start" for p in report.problems)


def numeral(n: int) -> str:
    return spec.NUMERALS[n - 1]


def present_parts(report) -> set[int]:
    """The parts the text holds by their heading, or by their table when the heading is lost (the
    parser's HEADING_DAMAGED "missing"); part 一 too when the report numbers 主动公开 "一、" (its 总体情况
    stands unnumbered before it)."""
    present = {p.number for p in report.parts}
    if not present:
        return present
    present |= {
        (p.detail or {}).get("part")
        for p in report.problems
        if p.kind == K.HEADING_DAMAGED and "missing" in (p.detail or {}).get("damage", ())
    }
    first_part = min(report.parts, key=lambda p: (p.line, p.column))
    if first_part.number == 2 and first_part.numeral == "一":
        present.add(1)
    return present


def segments(report, start: Optional[tuple] = None, end: Optional[tuple] = None) -> Iterator[tuple[int, int, str]]:
    """(line, column of its first character, text) of each line's piece from ``start`` (line, column)
    up to ``end`` (exclusive), the whole text when they are None. A crawler's one-line report is one
    piece cut at both ends."""
    first = start[0] if start else 1
    last = end[0] if end else len(report.lines)
    for n in range(first, min(last, len(report.lines)) + 1):
        text = report.lines[n - 1]
        a = start[1] - 1 if start and n == start[0] else 0
        b = end[1] - 1 if end and n == end[0] else len(text)
        if a < b:
            yield n, a + 1, text[a:b]


@attrs.frozen
class Joined:
    """Pieces of lines joined without their line breaks (a PDF wraps a sentence anywhere), with the
    way back from an offset in the joined text to the line and column it came from."""

    text: str
    starts: tuple  # offset in ``text`` where each piece starts
    places: tuple  # (line, column) of each piece's first character

    @classmethod
    def of(cls, pieces) -> Joined:
        text, starts, places, at = [], [], [], 0
        for line, column, piece in pieces:
            starts.append(at)
            places.append((line, column))
            text.append(piece)
            at += len(piece)
        return cls("".join(text), tuple(starts), tuple(places))

    def place(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        line, column = self.places[i]
        return line, column + offset - self.starts[i]


def opening(report, into: int = 600) -> Optional[Joined]:
    """The text before the first part heading (the title and the foreword) and the first ``into``
    characters after it (some reports put their foreword under "一、总体情况"), or None when the
    text has no part heading or starts inside the report (its opening lies outside the text)."""
    if not report.parts or _starts_inside(report):
        return None
    first = min(report.parts, key=lambda p: (p.line, p.column))
    pieces = list(segments(report, None, (first.line, first.column)))
    for line, column, piece in segments(report, (first.line, first.column)):
        pieces.append((line, column, piece[:into]))
        into -= len(piece)
        if into <= 0:
            break
    return Joined.of(pieces)


# --- a part whose heading is lost but whose text is there ---------------------------------------

# A sub-heading inside a part: "(一)存在问题", "（二）2025 年工作中存在的主要问题". Bounded: at most 24
# characters of title, none of them sentence punctuation.
_SUBHEAD = re.compile(r"[(（][一二三四五六七八九十][)）]([^。;；,，:：!?！？\n]{2,24})")
_SUBTOPICS = re.compile(r"主动公开|依申请公开|政府信息管理|平台建设|监督保障")
_PROBLEMS = re.compile(r"问题|改进|整改")
_FEE = re.compile(r"信息处理费")
_MARKS = re.compile(r"[#*>\s]+")
# Exact format wordings found inside a long line (a crawler's one-line report): the longer ones only,
# "其他事项" is a phrase of any narrative.
_INLINE = {n: re.compile("|".join(re.escape(v) for v in spec.PART_HEADING_VARIANTS[n] if len(v) >= 8)) for n in (5, 6)}


def _window(report, n: int) -> tuple[Optional[tuple], Optional[tuple]]:
    """Where part ``n`` would stand: from the heading of the last earlier part to the first later
    part's heading after it."""
    before = [(p.line, p.column) for p in report.parts if p.number < n]
    start = max(before) if before else None
    after = [(p.line, p.column) for p in report.parts if p.number > n and (start is None or (p.line, p.column) > start)]
    return start, (min(after) if after else None)


def headless_part(report, n: int) -> Optional[tuple[int, int, str, str]]:
    """(line, column, text, how) of the text of part ``n`` where its heading should stand, when the
    heading is lost but the part is there: its wording on a line of its own without the numeral
    ("存在的主要问题及改进情况"), or the part's own sub-headings ("（一）存在问题", "（二）改进措施" for 五;
    two of 总体情况's sub-topics "（一）主动公开" "（二）依申请公开" for 一), or, for 六, the statement on
    信息处理费. ``how`` is "numeral" when only the numeral is lost, else "content"."""
    start, end = _window(report, n)
    wordings = {clean(v) for v in spec.PART_HEADING_VARIANTS[n]}
    subtopics: dict = {}
    found = None
    for line, column, piece in segments(report, start, end):
        stripped = _MARKS.sub("", piece).rstrip(":：。")
        if len(stripped) <= 30 and clean(stripped) in wordings:
            return line, column + len(piece) - len(piece.lstrip(" \t#*>")), stripped, "numeral"
        inline = _INLINE.get(n)
        m = inline.search(piece) if inline is not None and len(piece) > 60 else None
        if m and found is None:
            found = (line, column + m.start(), m.group(0), "numeral")
        for sub in _SUBHEAD.finditer(piece) if found is None else ():
            title = sub.group(1)
            if n == 5 and _PROBLEMS.search(title):
                found = (line, column + sub.start(), sub.group(0).strip(), "content")
                break
            if n == 1 and (topic := _SUBTOPICS.search(title)) and topic.group(0) not in subtopics:
                subtopics[topic.group(0)] = (line, column + sub.start(), sub.group(0).strip(), "content")
        if n == 6 and found is None and (fee := _FEE.search(piece)):
            found = (line, column + fee.start(), piece[fee.start() : fee.start() + 20].strip(), "content")
    if found is None and len(subtopics) >= 2:
        found = min(subtopics.values())
    return found
