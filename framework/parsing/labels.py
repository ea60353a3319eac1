"""How well a damaged row label matches a canonical one, as a number from 0 to 1.

Labels arrive with OCR errors ("本生F新收"), drifted wording ("只计这一情况"), category labels glued in
front ("三、本年度办理结果(一)予以公开"), header text or the tail of the previous label before them,
and split over lines. Character bigrams of the canonical label are looked for in the *end* of the
observed text (the part nearest the numbers), so junk in front costs little and a label that names a
different row scores low.
"""

from __future__ import annotations

import difflib
import functools
import re

from ogilint.text import clean


def _bigrams(s: str) -> set:
    if len(s) < 2:
        return {s} if s else set()
    return {s[i : i + 2] for i in range(len(s) - 1)}


@functools.lru_cache(
    maxsize=4096
)  # bounded: observed labels differ from report to report (4,096 hold a run's common ones)
def similarity(observed: str, canonical: str) -> float:
    core = clean(canonical)
    obs = clean(observed)
    if not core or not obs:
        return 0.0
    window = obs[-(len(core) + 4) :]
    a, b = _bigrams(core), _bigrams(window)
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 0.75 * common / len(a) + 0.25 * common / len(b)


def best_similarity(observed: str, labels: tuple) -> float:
    return max((similarity(observed, label) for label in labels), default=0.0)


def label_change(observed: str, canonical: str, keep_weak: bool = False) -> str | None:
    """Like :func:`_change`, but a whole line of the observed label that stands inside the
    canonical words (a vertical category label interleaved by the extractor) is layout.
    ``keep_weak``: say "weak" for a label that holds less than half of the canonical words (a
    fragment of it), instead of None."""
    change = _change(observed, canonical)
    if change == "ocr" and "\n" in observed:
        pieces = observed.split("\n")
        for i in range(len(pieces)):
            other = _change("".join(pieces[:i] + pieces[i + 1 :]), canonical)
            if other in (None, "drift"):
                return other
    return None if change == "weak" and not keep_weak else change


def _change(observed: str, canonical: str) -> str | None:
    """How the canonical label is changed *inside* the observed text: "ocr" when foreign characters
    stand within it ("本生F新收" for "本年新收"), "drift" when words are only left out or reworded
    ("其他法律法规禁止公开"), None when it is intact (junk around it, or its tail on the next line)."""
    core, obs = clean(canonical), clean(observed)
    if not core or not obs:
        return "weak"
    if core in obs:
        return None
    matcher = difflib.SequenceMatcher(None, core, obs, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    covered = sum(b.size for b in blocks)
    if not blocks or covered < len(core) * 0.5:
        return "weak"
    first, last = blocks[0], blocks[-1]
    core_gap = (last.a + last.size - first.a) - covered
    obs_gap = (last.b + last.size - first.b) - covered
    if obs_gap >= 1:
        return "ocr"
    if core_gap >= 1:
        return "drift"
    return None


def has_label(observed: str) -> bool:
    """Whether any readable label text is there (enumerators and punctuation alone are not)."""
    return bool(re.sub(r"[0-9一二三四五六七八九十]", "", clean(observed)))
