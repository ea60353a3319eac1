"""Turn a scanned page upright and straighten it before it is read.

Scans come sideways, upside down and a little askew. The engine's text detector finds the text
lines on a small copy of the page: lines longer than wide say the page lies on its side; the angle
of the long lines is the skew; the engine's direction classifier tells upright from turned by 180°.
Turns by quarters are exact (``numpy.rot90``); the skew is undone by rotating the image.
"""

from __future__ import annotations

import math

from ogilint.plugins.readers.ocr import engine

# pixels: the small copy the turn and skew are measured on. A page of 1,800 pixels or more (an A4
# page scanned at about 160 DPI or more) is shrunk to SAMPLE_SIDE, a smaller one to at most
# SMALL_PAGE_SAMPLE_SIDE. (RapidOCR's detector scales its input up until the short side is 736
# pixels: a 900 × 636 copy is read at about 1,040 × 736.) Measured on 8 pages, each turned 4 ways and
# askew 4 ways, copies of 900 pixels found every turn and skew right at 300 and 150 DPI, as 1,200
# did, and at 300 DPI took 0.22–0.25 s a page against 0.34; at 100 DPI one page's skew was 0.5° off
# with 900 and right with 1,200.
SAMPLE_SIDE = 900
SMALL_PAGE_SAMPLE_SIDE = 1200
LONG = 2.5  # a box this many times longer than high is a text line, with a direction
MAX_SKEW = 10.0  # degrees: beyond this a measured skew is not trusted
MIN_SKEW = 0.15  # degrees: below this the page is left as it is


def upright(pixels):
    """``(pixels, quarter turns, skew in degrees)``: the page turned upright and straightened."""
    import numpy as np

    side = _sample_side(pixels)
    small = _small(pixels, side)
    quads = engine.detect(small, side)
    turns = 0
    if _mostly_vertical(quads):
        turns = 1
        small = np.rot90(small, 1)
        quads = engine.detect(small, side)
    if engine.upside_down(small, quads) > 0.5:
        turns += 2
        small = np.rot90(small, 2)
        quads = engine.detect(small, side)
    skew = _skew(quads)
    if turns:
        pixels = np.ascontiguousarray(np.rot90(pixels, turns))
    if abs(skew) >= MIN_SKEW:
        pixels = _rotate(pixels, skew)
    return pixels, turns % 4, skew


def _sample_side(pixels) -> int:
    longest = max(pixels.shape[:2])
    return SAMPLE_SIDE if longest >= 2 * SAMPLE_SIDE else SMALL_PAGE_SAMPLE_SIDE


def _small(pixels, side: int):
    from PIL import Image

    height, width = pixels.shape[:2]
    scale = side / max(height, width)
    if scale >= 1:
        return pixels
    import numpy as np

    image = Image.fromarray(pixels)
    return np.asarray(image.resize((max(1, round(width * scale)), max(1, round(height * scale))), Image.BILINEAR))


def _lines(quads):
    """(angle in degrees of the long side, its length) of every box long enough to have a direction."""
    out = []
    for q in quads:
        top = q[1] - q[0]
        side = q[3] - q[0]
        a, b = math.hypot(*top), math.hypot(*side)
        if max(a, b) < LONG * max(min(a, b), 1.0):
            continue
        vector = top if a >= b else side
        angle = math.degrees(math.atan2(vector[1], vector[0]))
        angle = (angle + 90.0) % 180.0 - 90.0  # a line has no direction: fold into [-90, 90)
        out.append((angle, max(a, b)))
    return out


def _mostly_vertical(quads) -> bool:
    lines = _lines(quads)
    vertical = sum(length for angle, length in lines if abs(angle) > 45)
    return vertical > 0.6 * sum(length for _, length in lines) if lines else False


def _skew(quads) -> float:
    """The median angle of the horizontal text lines, weighted by their length."""
    lines = sorted((angle, length) for angle, length in _lines(quads) if abs(angle) <= MAX_SKEW)
    if len(lines) < 3:
        return 0.0
    half, seen = sum(length for _, length in lines) / 2, 0.0
    for angle, length in lines:
        seen += length
        if seen >= half:
            return angle
    return 0.0


def _rotate(pixels, degrees: float):
    """The image turned by ``-degrees`` (undoing a skew of ``degrees``), white filling the corners."""
    import numpy as np
    from PIL import Image

    image = Image.fromarray(pixels)
    fill = 255 if image.mode == "L" else (255,) * len(image.getbands())
    turned = image.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    return np.asarray(turned)
