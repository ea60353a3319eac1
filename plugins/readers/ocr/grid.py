"""Table rules found in the pixels of a scanned page, as the PDF reader finds them in its paths.

A rule is a long run of dark pixels, a few pixels thick: runs in neighbouring pixel rows that
overlap are one rule. Vertical runs count as rules only where both their ends meet a horizontal
rule, so the strokes of characters never cut a cell in two. A thick dark band (a scan's black
border, a photo) is not a rule. Past MAX_RUNS runs the page has no usable rules and is read as
borderless text, in bounded time.
"""

from __future__ import annotations

MAX_RUNS = 40_000  # long dark runs on a page (a real ruled page at 300 DPI: under 2,000)
DARK = 170  # grey level below which a pixel is ink (a hairline rule, resampled when a page is straightened, is grey)


def rules(grey, dpi: float):
    """``(horizontal, vertical)`` rules in pixels: ``(y, x0, x1)`` and ``(x, y0, y1)``."""
    import numpy as np

    dark = grey < DARK
    min_length = max(12, round(dpi * 0.35))  # 9 mm: longer than any stroke of a character
    thickest = max(3, round(dpi * 3 / 72))  # 3 points
    horizontal = _rules(dark, min_length, thickest)
    if not horizontal:
        return [], []
    columns = _rules(np.ascontiguousarray(dark.T), max(8, round(dpi * 0.08)), thickest)
    tolerance = max(3, round(dpi * 4 / 72))  # 4 points
    vertical = [
        (x, y0, y1)
        for x, y0, y1 in columns
        if _meets(horizontal, x, y0, tolerance) and _meets(horizontal, x, y1, tolerance)
    ]
    return horizontal, vertical


def _meets(horizontal, x: float, y: float, tolerance: float) -> bool:
    return any(abs(hy - y) <= tolerance and x0 - tolerance <= x <= x1 + tolerance for hy, x0, x1 in horizontal)


def _rules(dark, min_length: int, thickest: int) -> list[tuple[float, float, float]]:
    """Rules along the rows of ``dark``: (row, start, end) of each group of overlapping long runs."""
    import numpy as np

    candidates = _rows_with_a_long_run(dark, min_length)
    edges = np.diff(dark[candidates].astype(np.int8), axis=1, prepend=0, append=0)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    rows = candidates[rows]
    long = (ends - starts) >= min_length
    rows, starts, ends = rows[long], starts[long], ends[long]
    if len(rows) > MAX_RUNS:
        return []
    groups: list[list] = []  # [first row, last row, start, end]
    open_groups: list[list] = []
    for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist()):
        open_groups = [g for g in open_groups if g[1] >= row - 1]
        for g in open_groups:
            if g[1] == row - 1 and min(end, g[3]) - max(start, g[2]) > 0.5 * min(end - start, g[3] - g[2]):
                g[1], g[2], g[3] = row, min(start, g[2]), max(end, g[3])
                break
        else:
            group = [row, row, start, end]
            groups.append(group)
            open_groups.append(group)
    return [((a + b) / 2, float(s), float(e)) for a, b, s, e in groups if b - a + 1 <= thickest]


def _rows_with_a_long_run(dark, min_length: int):
    """The indexes of the rows of ``dark`` that may hold a run of ``min_length`` dark pixels: those
    where an erosion by a run that long leaves a pixel (a superset: the image's edge counts as dark).
    Most of a page's rows hold none, and the runs are then looked for in the few that may."""
    import cv2
    import numpy as np

    if dark.size == 0:
        return np.empty(0, dtype=np.intp)
    kernel = np.ones((1, min_length), dtype=np.uint8)
    eroded = cv2.erode(dark.view(np.uint8), kernel)
    return np.flatnonzero(eroded.any(axis=1))
