"""Text helpers that every stage and rule authors may use."""

from __future__ import annotations

import functools
import re

# Whitespace and punctuation, ASCII and full-width: what label and heading matching ignores.
_NOISE = re.compile(r"[\s\t,.;:!?()\[\]{}<>\"'“”‘’、。:;!?()【】《》〔〕·…_\-—/|]+")


_CACHED_UP_TO = 64  # characters: labels and headings are remembered; sentences and whole texts are not


def clean(text: str) -> str:
    """``text`` without whitespace and punctuation, for comparing wordings. Short texts (labels,
    headings: asked for again and again) are remembered, a bounded number of them; a whole report's
    text is not, so that what is remembered does not grow with the reports read."""
    return _clean_short(text) if len(text) <= _CACHED_UP_TO else _NOISE.sub("", text)


@functools.lru_cache(maxsize=8192)
def _clean_short(text: str) -> str:
    return _NOISE.sub("", text)


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` split at LF, a CR before the LF dropped (columns stay where they were)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


_YEAR_NAMED = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_MIN_MENTIONS = 3  # a year named this often, and twice as often as any other, is the text's year


def dominant_year(texts) -> tuple[int, int] | None:
    """(year, times) of the year ``texts`` name clearly most ("2023年…2023年…2023年"), or None when no
    year stands out: the evidence of the year a report's text is about."""
    counts: dict = {}
    for text in texts:
        for y in _YEAR_NAMED.findall(text):
            counts[int(y)] = counts.get(int(y), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if ranked and ranked[0][1] >= _MIN_MENTIONS and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0]
    return None
