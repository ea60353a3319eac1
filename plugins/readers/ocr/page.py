"""One scanned page: text boxes become lines and table cells by position.

The engine's boxes are cut into characters (a wide character takes twice the width of a narrow
one) and handed to the PDF reader's cell rebuilding with the rules found in the pixels
(``grid.py``): the same merged cells, the same borderless rows cut at wide gaps. Positions are in
points of a page as wide as A4, so the PDF reader's tolerances hold. Each cell keeps the least
confidence of its characters and its box on the page. A ruled cell with ink in it but no text read
gets confidence 0: a digit the engine missed is never a silent blank.
"""

from __future__ import annotations

import unicodedata

import attrs

from ogilint.document import clean_cell
from ogilint.plugins.readers import pdf
from ogilint.plugins.readers.ocr import engine, grid, orient

A4_WIDTH = 595.0  # points
INK_SHARE = 0.004  # a cell this much dark (inside its rules) holds something
# ... or two columns of it dark this far down: a thin figure ("1") in a wide cell darkens less than
# INK_SHARE of it (59 dark pixels of 16,107 in a blurred, noisy scan at 300 DPI, read as a blank).
STROKE_SHARE = 0.3
MAX_SIDE = 4800  # pixels: a larger page is scaled down first
SPECKLE = 0.0005  # share of the pixels that are lone dark dots beyond which a page is cleaned


@attrs.frozen
class Line:
    text: str  # cells joined by TAB
    top: float  # as a fraction of the page's height
    boxes: tuple  # per cell: (left, top, right, bottom) as fractions of the page
    confidences: tuple  # per cell: 0–1


def grey_of(image):
    """The page as grey pixels (numpy), the brightest channel of each pixel: a red stamp or red
    heading turns white, black print stays black. A speckled scan is cleaned (``despeckled``)."""
    import numpy as np
    from PIL import Image

    image = image.convert("L" if image.mode in ("L", "1", "I", "I;16", "F") else "RGB")
    if max(image.size) > MAX_SIDE:  # finer than 400 DPI on A4 adds nothing but time and memory
        scale = MAX_SIDE / max(image.size)
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.LANCZOS)
    pixels = np.asarray(image)
    return despeckled(pixels if pixels.ndim == 2 else pixels.max(axis=2))


def despeckled(grey):
    """A 3 × 3 median filter when more than SPECKLE of the pixels are lone dark dots (scanner
    noise hides lone digits from the detector); a clean page is left alone (the filter would thin
    its hairline rules)."""
    import numpy as np
    from PIL import Image, ImageFilter

    dark = grey < grid.DARK
    padded = np.pad(dark, 1)
    neighbours = sum(
        padded[1 + dy : padded.shape[0] - 1 + dy, 1 + dx : padded.shape[1] - 1 + dx]
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if dy or dx
    )
    if (dark & (neighbours == 0)).mean() <= SPECKLE:
        return grey
    return np.asarray(Image.fromarray(grey).filter(ImageFilter.MedianFilter(3)))


def read_page(grey, read_boxes=None, turn: bool = True) -> list[Line]:
    """The lines of a page (grey pixels, any turn), top to bottom. ``read_boxes``: another engine
    (the benchmark measures Tesseract through it); ``turn=False`` trusts the page is upright."""
    if turn:
        grey, _, _ = orient.upright(grey)
    height, width = grey.shape[:2]
    dpi = width / (A4_WIDTH / 72.0)
    scale = 72.0 / dpi  # pixels to points
    boxes = (read_boxes or engine.read_boxes)(grey)
    horizontal, vertical = grid.rules(grey, dpi)
    chars = _chars(boxes, scale)
    if not chars:
        return []
    h_pt = [(y * scale, x0 * scale, x1 * scale) for y, x0, x1 in horizontal]
    v_pt = [(x * scale, y0 * scale, y1 * scale) for x, y0, y1 in vertical]
    page_w, page_h = width * scale, height * scale
    items: list[tuple[float, float, Line]] = []
    used = [False] * len(chars)
    try:
        rows = pdf._ruled_cells(chars, used, h_pt, v_pt, pdf._Budget()) if h_pt and v_pt else []
    except pdf._PageTooComplex:  # a grid past the PDF reader's bounds: read as borderless text
        rows, used = [], [False] * len(chars)
    for top, left, cells in rows:
        confidences = tuple(_confidence(inside, rect, grey, scale) for _, inside, rect in cells)
        rects = tuple(_fraction(rect, page_w, page_h) for _, _, rect in cells)
        text = "\t".join(t for t, _, _ in cells)
        items.append((top, left, Line(text, top / page_h, rects, confidences)))
    free = [c for c, u in zip(chars, used) if not u]
    for line in pdf._group_lines(free):
        groups = pdf._cell_groups(line)
        texts = [clean_cell(pdf._line_text(g, cell_gap=False)) for g in groups]
        top = min(c[2] for c in line)
        rects = tuple(_fraction(_union(g), page_w, page_h) for g in groups)
        confidences = tuple(round(min(c[5] for c in g), 3) for g in groups)
        items.append((top, line[0][1], Line("\t".join(texts), top / page_h, rects, confidences)))
    items.sort(key=lambda t: (round(t[0], 1), t[1]))
    return [line for _, _, line in items if line.text.strip()]


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _chars(boxes, scale: float) -> list[tuple]:
    """(char, left, top, right, bottom, confidence) in points, each box cut by character widths."""
    out = []
    for box in boxes:
        weights = [_width(ch) for ch in box.text]
        total = sum(weights) or 1.0
        x, span = box.left, box.right - box.left
        for ch, weight in zip(box.text, weights):
            right = x + span * weight / total
            if not ch.isspace():
                out.append((ch, x * scale, box.top * scale, right * scale, box.bottom * scale, box.confidence))
            x = right
    return out


def _union(chars) -> tuple:
    return (min(c[1] for c in chars), min(c[2] for c in chars), max(c[3] for c in chars), max(c[4] for c in chars))


def _fraction(rect, width: float, height: float) -> tuple:
    left, top, right, bottom = rect
    return (round(left / width, 4), round(top / height, 4), round(right / width, 4), round(bottom / height, 4))


def _confidence(inside, rect, grey, scale: float) -> float:
    """A ruled cell's confidence: the least of its characters', or for an empty cell 1 when it is
    blank paper and 0 when it holds ink that was not read (enough dark pixels, or a stroke down it)."""
    if inside:
        return round(min(c[5] for c in inside), 3)
    left, top, right, bottom = (v / scale for v in rect)
    inset = 3.0 / scale  # 3 points inside the rules
    x0, x1 = int(left + inset), int(right - inset)
    y0, y1 = int(top + inset), int(bottom - inset)
    if x1 <= x0 or y1 <= y0:
        return 1.0
    region = grey[y0:y1, x0:x1] < grid.DARK
    if region.sum() > max(12, region.size * INK_SHARE):
        return 0.0
    strokes = region.sum(axis=0) >= max(4, STROKE_SHARE * region.shape[0])
    return 0.0 if strokes.sum() >= 2 else 1.0
