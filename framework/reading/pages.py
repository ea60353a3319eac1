"""Progress of a long read, page by page: OCR takes seconds a page, so a 100-page scan is minutes
inside one file, and a bar that counts files would stand still all that time.

A reader tells :func:`page_read` after each page; whoever reads a file (the engine, with its
progress bar) listens for the time of that read (:func:`listening`). A reader working in a child
process (``isolation.py``) has its pages sent back to the listener in the parent. Nobody listening,
or a listener that fails, changes nothing of the read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Optional

STAGE = "OCR 识别"  # the stage a progress bar shows for pages (counted in 页, not 份)

_listener: Optional[Callable[[int, int], None]] = None


@contextlib.contextmanager
def listening(listener: Optional[Callable[[int, int], None]]) -> Iterator[None]:
    """``listener(done, total)`` is told of each page read while the block runs."""
    global _listener
    before, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = before


def page_read(done: int, total: int) -> None:
    """Page ``done`` of ``total`` has been read."""
    if _listener is not None:
        try:
            _listener(done, total)
        except Exception:  # a progress bar never breaks a read
            pass
