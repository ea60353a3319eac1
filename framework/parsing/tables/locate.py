"""Where each table's text stands: in its own part, or — when the part's heading is lost or
unreadable — wherever the table's content is: table 二's item heads ("第二十条第(一)项"), table 三's
header and first row labels, table 四's column heads. A table is never lost because the heading
above it is.

This is Python and not the grammar because it needs what a stretch of text *contains* (words of a
header, rows of numbers after it), which the grammar's heading tokens do not carry.
"""

from __future__ import annotations

import re

import attrs

OWN_PART = {"t2": "proactive", "t3": "requests", "t4": "review"}
PART_NUMBER = {"t2": 2, "t3": 3, "t4": 4}
# Words that open a table's text when found outside its part (a header, not a sentence about it).
_OPENS = {
    "t3": re.compile(r"申请人情况|本年新收政府信息公开申请数量|上年结转政府信息公开申请数量"),
    "t4": re.compile(r"结果维持|未经复议直接起诉|尚未审结|维持.{0,8}纠正"),
}
_SENTENCE = re.compile(r"[,。;]")
# Segments of values that must follow the opening words within the next 40 tokens for them to open
# the table (table 三 has 25 rows; table 二 and table 四 may be one line of numbers).
MIN_ROWS = {"t2": 1, "t3": 3, "t4": 1}


@attrs.frozen
class Region:
    """The segments a table is read from; ``found_in``: the section that held it when that is not
    the table's own part (None when it is), and the line where it starts there. A part whose
    heading stands in the text but holds no sign of its table (a sub-topic of 总体情况 worded like
    the part, while the real heading was lost) gives way to the section that holds the table."""

    segments: list
    found_in: str | None = None
    line: int | None = None


def _segments(tokens) -> list:
    return [(t.value, t.atoms) for t in tokens if t.type in ("ROW", "TEXT")]


def _opens_at(table: str, tokens: tuple) -> int | None:
    """Index of the token where ``table`` starts inside ``tokens``, or None."""
    for i, tok in enumerate(tokens):
        if table == "t2":
            hit = tok.type.startswith("T2_ITEM")
        else:
            hit = tok.type in ("ROW", "TEXT") and bool(_OPENS[table].search(tok.value))
            hit = hit and not _SENTENCE.search(tok.value)
        if hit and sum(t.type == "ROW" for t in tokens[i : i + 40]) >= MIN_ROWS[table]:
            return i
    return None


def locate(sections: dict) -> dict[str, Region]:
    """{t2, t3, t4: Region} for the sections the grammar found (name -> Section, in text order)."""
    starts: dict[str, tuple[str, int]] = {}  # table -> (section name, token index) when found elsewhere
    for table, own in OWN_PART.items():
        if own in sections and _opens_at(table, sections[own].tokens) is not None:
            continue  # the table stands in its own part (or the part holds no sign of it: read it there)
        for name, section in sections.items():
            if name == own:
                continue
            at = _opens_at(table, section.tokens)
            if at is not None and not _inside_other(starts, name, at):
                starts[table] = (name, at)
                break
    regions = {}
    for table, own in OWN_PART.items():
        if table in starts:
            name, at = starts[table]
            tokens = sections[name].tokens
            end = _next_start(starts, name, at, len(tokens))
            regions[table] = Region(_segments(tokens[at:end]), name, tokens[at].line)
        elif own in sections:
            tokens = sections[own].tokens
            end = _next_start(starts, own, -1, len(tokens))
            regions[table] = Region(_segments(tokens[:end]))
        else:
            regions[table] = Region([])
    return regions


def _inside_other(starts: dict, name: str, at: int) -> bool:
    return any(n == name and i == at for n, i in starts.values())


def _next_start(starts: dict, name: str, after: int, default: int) -> int:
    """Where the next table found in section ``name`` after token ``after`` starts (its text is not
    the table before it)."""
    later = [i for n, i in starts.values() if n == name and i > after]
    return min(later, default=default)
