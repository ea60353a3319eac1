"""Property tests: mangled report text gives a model or the documented error.

Time is bounded where it matters by running the command line in a subprocess under a timeout and an
address-space limit (the megabyte inputs below), not by timing calls inside a loaded test process:
such timings failed under load. Speed itself is measured in tests/benchmarks/.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogilint import Report, UnusableInput, parse_bytes, parse_text

from .bounded import ogilint_bounded
from .conftest import SEEDS

REPORTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def _answer(fn, *args):
    try:
        result = fn(*args)
        assert isinstance(result, Report)
    except UnusableInput as exc:
        assert exc.reason


def _answer_in_bounds(tmp_path, text: str, seconds: int = 120):
    """`ogilint parse` of ``text`` in a subprocess: an answer within the time and memory bound."""
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    assert ogilint_bounded("parse", str(path), seconds=seconds).returncode in (0, 2)


# The mangling draws thousands of random numbers: a seeded random.Random keeps that out of
# hypothesis's own bookkeeping, while hypothesis still chooses (and shrinks) the seed.
SEEDS_ = st.integers(0, 2**32 - 1)


@SETTINGS
@given(st.integers(0, len(REPORTS) - 1), SEEDS_)
def test_shuffled_lines(i, seed):
    rnd = random.Random(seed)
    lines = REPORTS[i].split("\n")
    rnd.shuffle(lines)
    _answer(parse_text, "\n".join(lines))


@SETTINGS
@given(st.integers(0, len(REPORTS) - 1), SEEDS_, st.floats(0, 0.5))
def test_deleted_cells_and_chars(i, seed, rate):
    rnd = random.Random(seed)
    out = []
    for line in REPORTS[i].split("\n"):
        cells = [c for c in line.split("\t") if rnd.random() > rate]
        text = "\t".join(cells)
        text = "".join(ch for ch in text if rnd.random() > rate / 5)
        out.append(text)
    _answer(parse_text, "\n".join(out))


@SETTINGS
@given(st.text(max_size=3000))
def test_random_unicode(text):
    _answer(parse_text, text)


@SETTINGS
@given(st.binary(max_size=5000))
def test_random_bytes(data):
    _answer(parse_bytes, data)


@SETTINGS
@given(
    st.integers(0, len(REPORTS) - 1),
    st.lists(st.text(alphabet="0123456789 \t", min_size=1, max_size=60), min_size=1, max_size=20),
)
def test_digit_noise_inserted(i, noise):
    lines = REPORTS[i].split("\n")
    for k, chunk in enumerate(noise):
        lines.insert((k * 7) % len(lines), chunk)
    _answer(parse_text, "\n".join(lines))


def test_one_megabyte_of_noise(tmp_path):
    rnd = random.Random(7)
    alphabet = "0123456789 \t\n一二三四五六、。()年月日总计予以公开规章第二十条第(一)项行政"
    text = "".join(rnd.choice(alphabet) for _ in range(1_000_000))
    _answer_in_bounds(tmp_path, text)


def test_one_megabyte_of_long_digit_lines(tmp_path):
    text = ("一、本年新收政府信息公开申请数量" + "1234567890" * 50 + "\n") * 2000
    _answer_in_bounds(tmp_path, text)


_SIGNATURES = [
    b"",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html><body>",
    b"\xef\xbb\xbf<html>",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
]


@SETTINGS
@given(
    st.sampled_from(_SIGNATURES),
    st.binary(max_size=4000),
    st.sampled_from([".txt", ".pdf", ".docx", ".html", ".doc", ""]),
)
def test_any_file_through_the_readers(tmp_path_factory, signature, body, suffix):
    """Whatever bytes, under whatever name and signature: a model or a one-line reason."""
    from ogilint import parse_file

    path = tmp_path_factory.mktemp("any") / f"input{suffix}"
    path.write_bytes(signature + body)
    try:
        assert isinstance(parse_file(path), Report)
    except UnusableInput as exc:
        assert exc.reason and "\n" not in exc.reason
