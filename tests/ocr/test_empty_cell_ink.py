"""An empty ruled cell of a scan: blank paper (confidence 1) or ink the engine read as nothing
(confidence 0, so the cell is doubtful and reported, never a silent blank). A thin figure ("1") in a
wide cell darkens too little of it to pass for ink by its share alone: a stroke down the cell says so."""

from __future__ import annotations

import numpy as np

from ogilint.plugins.readers.ocr import page

SCALE = 72.0 / 300  # points per pixel at 300 DPI


def _cell(width: int = 437, height: int = 63):
    """A white cell drawn with its rules' surroundings, and its rectangle in points."""
    grey = np.full((height + 40, width + 40), 255, dtype=np.uint8)
    rect = (20 * SCALE, 20 * SCALE, (20 + width) * SCALE, (20 + height) * SCALE)
    return grey, rect


def test_blank_paper_is_sure():
    grey, rect = _cell()
    assert page._confidence([], rect, grey, SCALE) == 1.0


def test_scattered_specks_are_not_ink():
    grey, rect = _cell()
    rng = np.random.default_rng(7)
    ys, xs = rng.integers(32, 71, 50), rng.integers(32, 445, 50)
    grey[ys, xs] = 0  # 50 lone dark dots: under INK_SHARE, and no column of them 30% dark
    assert page._confidence([], rect, grey, SCALE) == 1.0


def test_one_dark_column_is_not_a_stroke():
    grey, rect = _cell()
    grey[34:69, 300] = 0  # a hairline down the cell, one pixel wide (a scratch, a speck of a rule)
    assert page._confidence([], rect, grey, SCALE) == 1.0


def test_a_thin_one_in_a_wide_cell_is_ink():
    grey, rect = _cell()
    grey[38:68, 240:242] = 40  # a "1": 2 pixels wide, 30 high — 60 dark pixels, under INK_SHARE
    inner = (437 - 2 * 12) * (63 - 2 * 12)
    assert 60 < inner * page.INK_SHARE  # the share alone would call it blank paper
    assert page._confidence([], rect, grey, SCALE) == 0.0


def test_much_ink_is_ink():
    grey, rect = _cell()
    grey[40:60, 100:200] = 0
    assert page._confidence([], rect, grey, SCALE) == 0.0
