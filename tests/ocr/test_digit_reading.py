"""A figure printed in a Song face is read as letters by the recogniser ("0" as "o"): a box read as
digits and such letters only is decoded again among the digits (plugins/readers/ocr/engine.py). No
OCR model needed: the recogniser's per-step probabilities are written by hand."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from ogilint.plugins.readers.ocr.engine import DIGIT_LIKE, _decode  # noqa: E402

CHARACTERS = ["blank", "0", "1", "o", "年", " "]
DIGIT_CLASSES = [0, 1, 2]  # the blank, "0", "1"


def _steps(*rows):
    return np.asarray(rows, dtype=np.float32)


def test_letter_o_decoded_among_the_digits_is_zero():
    steps = _steps(
        [0.95, 0.01, 0.01, 0.02, 0.01, 0.0],  # blank
        [0.01, 0.20, 0.01, 0.77, 0.01, 0.0],  # "o", then "0"
        [0.95, 0.01, 0.01, 0.02, 0.01, 0.0],
    )
    assert _decode(steps, None, CHARACTERS) == ("o", pytest.approx(0.77, abs=1e-3))
    text, confidence = _decode(steps, DIGIT_CLASSES, CHARACTERS)
    assert text == "0"
    assert confidence == pytest.approx(0.20 / 0.22, abs=1e-3)  # renormalised over blank and digits


def test_a_digit_barely_seen_stays_doubtful():
    """Among the digits a step that was mostly blank or another character keeps a low confidence."""
    steps = _steps([0.05, 0.05, 0.05, 0.05, 0.80, 0.0])  # "年", with "0" and "1" equally unlikely
    text, confidence = _decode(steps, DIGIT_CLASSES, CHARACTERS)
    assert confidence < 0.5


def test_repeats_merge_and_blanks_split():
    one, blank = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert _decode(_steps(one, one, blank, one), None, CHARACTERS)[0] == "11"


def test_only_digit_lookalikes_are_read_again():
    assert set("1o0") <= DIGIT_LIKE
    assert not set("年") <= DIGIT_LIKE
