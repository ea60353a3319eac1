"""Many scanned pages read within a time limit, into lines with their origins.

A scan of a hundred pages takes minutes; past OCR_SECONDS the pages left are not read but noted
(EXT010 names them), so every file gets its answer in bounded time. Runs inside the reading child
(``framework/reading/isolation.py``): the engine's native code is under its memory and time limits.
"""

from __future__ import annotations

import time

from ogilint.document import Origin
from ogilint.plugins.readers.ocr.page import grey_of, read_page
from ogilint.reading.pages import page_read

OCR_SECONDS = 600.0  # wall-clock seconds of OCR for one file (a page: a few seconds on one core)
SECONDS_PER_PAGE = 30.0  # the reading child's limit grows with the pages, up to the above
CHILD_MEMORY = 2 << 30  # bytes the reading child may add: the models, a page at 300 DPI, its crops
NO_TEXT = "page-no-text"
UNREADABLE = "page-unreadable"


def child_seconds(pages: int) -> int:
    """The reading child's time limit for ``pages`` pages (a backstop behind OCR_SECONDS)."""
    return int(min(OCR_SECONDS, SECONDS_PER_PAGE * max(pages, 1)) + 60)


def read_pages(pages, kind: str = "", total: int = 0) -> tuple[dict, list]:
    """``pages``: (page number, a callable giving its PIL image), ``total`` of them. Returns
    ({page: [Line]}, notes); ``kind`` starts the notes' messages ("PDF "). Each page read is told
    to the progress listener (``reading/pages.py``)."""
    start = time.monotonic()
    out: dict = {}
    late: list[int] = []
    empty: list[int] = []
    for done, (number, image_of) in enumerate(pages, start=1):
        if time.monotonic() - start > OCR_SECONDS:
            late.append(number)
            continue
        lines = read_page(grey_of(image_of()))
        out[number] = lines
        if not lines:
            empty.append(number)
        page_read(done, max(total, done))
    notes = []
    if empty:
        notes.append((NO_TEXT, f"{kind}{_pages(empty)}是图片,OCR 未识别出文字,其内容未被检查"))
    if late:
        notes.append(
            (UNREADABLE, f"{kind}{_pages(late)}超出 OCR 的时间上限 ({OCR_SECONDS:g} 秒),未识别,其内容未被检查")
        )
    return out, notes


def _pages(numbers: list[int]) -> str:
    """第3页, 第3、5页; past ten, "第1、2…等 N 页"."""
    shown = "、".join(str(n) for n in numbers[:10])
    return f"第{shown}页" + (f"等 {len(numbers)} 页" if len(numbers) > 10 else "")


def origin_of(page: int, page_line: int, line) -> Origin:
    """The origin of an OCR'd line: its page and line, each cell's box and confidence."""
    return Origin(page=page, page_line=page_line, boxes=line.boxes, confidences=line.confidences)
