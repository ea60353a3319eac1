"""Text helpers that every stage and rule authors may use."""

from __future__ import annotations

import functools
import re

# Whitespace and punctuation, ASCII and full-width: what label and heading matching ignores.
_NOISE = re.compile(r"[\s\t,.;:!?()\[\]{}<>\"'“”‘’、。:;!?()【】《》〔〕·…_\-—/|]+")


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """``text`` without whitespace and punctuation, for comparing wordings."""
    return _NOISE.sub("", text)


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` split at LF, a CR before the LF dropped (columns stay where they were)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
