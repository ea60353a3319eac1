"""Distinct reports for benchmarks: the fixture reports with their numbers varied, so that no cache
keyed by a text or a position can flatter a run (checking 1,000 copies of 5 files measures the
cache, not the checker).

Each variant is another body's (its name changed, as each report of a national year is another
body's) and changes, with a fixed seed, about a third of the short numbers of a report (years and
numbers of five digits or more stay, so the report still reads as a report of its year) to other
numbers of the same length: identities break where a digit changed, as they do in real reports
with errors, and the digit-splitting search meets rows it has not seen.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator
from pathlib import Path

from tests.benchmarks.bench_parse import reports

_NUMBER = re.compile(r"(?<![0-9.])[0-9]{1,4}(?![0-9.])")
COMPLETE = ("seeds", "real")


def bases() -> list[tuple[str, str]]:
    """The complete reports among the fixtures (fragments are not what a national year holds)."""
    return [(name, text) for name, text in reports() if not name.startswith("frag-")]


def vary(text: str, seed: int, share: float = 0.33) -> str:
    rng = random.Random(seed)

    def other(m: re.Match) -> str:
        digits = m.group(0)
        if rng.random() >= share or (len(digits) == 4 and digits.startswith("20")):
            return digits
        if len(digits) == 1:
            return str(rng.randrange(10))
        return str(rng.randrange(10 ** (len(digits) - 1), 10 ** len(digits)))

    return _NUMBER.sub(other, text)


@functools.cache
def _body(text: str) -> str:
    from ogilint import parse_text

    return parse_text(text).meta.body or ""


_TAGS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def _tag(number: int) -> str:
    """A distinct run of Chinese characters for each number (digits in a name stop the parser
    reading it as a body's name)."""
    out = ""
    while True:
        out = _TAGS[number % len(_TAGS)] + out
        number //= len(_TAGS)
        if not number:
            return out


def other_body(text: str, number: int) -> str:
    """The text with its body renamed ("运城市科学技术局" -> "乙丙运城市科学技术局"): as in a national
    year, each report is another body's (the same body over and over would make every report
    last year's report or a department of every other)."""
    body = _body(text)
    return text.replace(body, _tag(number) + body) if body else text


def distinct(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``n`` distinct (name, text) reports of distinct bodies, cycling over the complete fixture reports."""
    base = bases()
    for i in range(n):
        name, text = base[i % len(base)]
        renamed = other_body(text, i // len(base)) if i >= len(base) else text
        yield f"{i:06d}-{Path(name).stem}.txt", vary(renamed, seed * 1_000_003 + i)


def write(folder: Path, n: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in distinct(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
