"""The places a body's name opens with, largest first ("淮安市洪泽区人民政府" → 淮安市, 洪泽区), and the
levels of government each may be (docs/report-format.md §1).

What a place's level may be is read from its last character(s) only, so every answer here is a set
of levels that stay possible, never a guess (no gazetteer: "荣成市" may be a county-level city).
"""

from __future__ import annotations

import re
from typing import Optional

PROVINCE, PREFECTURE, COUNTY, TOWNSHIP = 1, 2, 3, 4

# Place suffixes, longest first, with the levels a place so named may have.
_SUFFIX_LEVELS = (
    ("特别行政区", {PROVINCE}),
    ("综合实验区", {PREFECTURE, COUNTY}),
    ("自治区", {PROVINCE}),
    ("自治州", {PREFECTURE}),
    ("自治县", {COUNTY}),
    ("自治旗", {COUNTY}),
    ("地区", {PREFECTURE}),
    ("新区", {PREFECTURE, COUNTY}),
    ("省", {PROVINCE}),
    ("市", {PREFECTURE, COUNTY}),  # 北京市, 天津市, 上海市, 重庆市: provinces (_MUNICIPALITIES)
    ("州", {PREFECTURE}),
    ("盟", {PREFECTURE}),
    ("县", {COUNTY}),
    ("区", {COUNTY}),
    ("旗", {COUNTY}),
    ("街道", {TOWNSHIP}),
    ("苏木", {TOWNSHIP}),
    ("乡", {TOWNSHIP}),
    ("镇", {TOWNSHIP}),
)
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# One place: one to seven characters, then a suffix (bounded: linear on any input).
_PLACE = re.compile(
    r"[\u4e00-\u9fff]{1,7}?(?:特别行政区|综合实验区|自治区|自治州|自治县|自治旗|地区|新区|街道|苏木|省|市|州|盟|县|区|旗|乡|镇)"
)
# Stems that are no place: pronouns and words ("我区", "全市", "城市管理局", "住房和城乡建设局").
_NOT_A_STEM = re.compile(r"^(?:我|本|该|全|各|此|其|每|外|两|上|下|辖|城|村|乡|镇|市|县|区)$|[和与及]")
_MAX_PLACES = 4


def places(name: Optional[str]) -> tuple[str, ...]:
    """The places ``name`` opens with, largest first: ("淮安市", "洪泽区") for "淮安市洪泽区财政局"."""
    name = name or ""
    out: list[str] = []
    pos = 0
    while len(out) < _MAX_PLACES:
        m = _PLACE.match(name, pos)
        if m is None:
            break
        place = m.group(0)
        if _NOT_A_STEM.search(stem(place)):
            break
        out.append(place)
        pos = m.end()
    return tuple(out)


def suffix_of(place: str) -> str:
    for suffix, _levels in _SUFFIX_LEVELS:
        if place.endswith(suffix) and len(place) > len(suffix):
            return suffix
    return ""


def stem(place: str) -> str:
    """The place without its suffix ("洪泽区" → "洪泽"): a county made a district keeps its stem."""
    return place[: len(place) - len(suffix_of(place))]


def levels(place: str) -> set:
    if place in _MUNICIPALITIES:
        return {PROVINCE}
    for suffix, lv in _SUFFIX_LEVELS:
        if place.endswith(suffix):
            return set(lv)
    return {PROVINCE, PREFECTURE, COUNTY}


def chain_levels(chain: tuple[str, ...], has_counties: bool = False) -> list[set]:
    """The levels each place of a chain may have: a place above another is of a higher level, and a
    市 with counties or districts below it (in the chain, or ``has_counties``: its report speaks of
    its 县区) is no county-level city."""
    out = [levels(p) for p in chain]
    for i in range(1, len(out)):
        above = min(out[i - 1])
        out[i] = {lv for lv in out[i] if lv > above} or out[i]
    for i in range(len(out)):
        below = out[i + 1 :] if i + 1 < len(out) else []
        if (below and any(COUNTY in b for b in below)) or (i == len(out) - 1 and has_counties):
            out[i] = {lv for lv in out[i] if lv < COUNTY} or out[i]
    return out


def same_place(a: str, b: str) -> bool:
    """One place named twice: equal stems ("洪泽县" and "洪泽区"), or stems one character apart in a
    name of two or more (an OCR slip, "沐阳"/"沭阳"), or one stem a shortening of the other."""
    sa, sb = stem(a) or a, stem(b) or b
    if sa == sb or (len(sa) >= 2 and len(sb) >= 2 and (sa in sb or sb in sa)):
        return True
    return len(sa) == len(sb) >= 2 and sum(x != y for x, y in zip(sa, sb)) <= 1
