"""Plain-text reader: UTF-8 (with or without BOM), GB18030/GBK and UTF-16, detected, not assumed.

It answers last (``trylast``), after the readers that recognise a file by its signature, and
refuses binary data with a reason (see ``framework/reading/decode.py``).
"""

from __future__ import annotations

from ogilint.document import Document
from ogilint.hookspec import hookimpl
from ogilint.reading.decode import decode_bytes
from ogilint.reading.guard import MAX_FILE_BYTES
from ogilint.text import split_lines


def read_bounded(fh, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most ``limit`` + 1 bytes, read in chunks: ``read(limit)`` would allocate the whole limit
    (64 MB) up front for every file, however small."""
    chunks, total = [], 0
    while total <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


@hookimpl(trylast=True)
def ogilint_read(path, head):
    with open(path, "rb") as fh:
        data = read_bounded(fh)
    text, encoding = decode_bytes(data)
    return Document(lines=tuple(split_lines(text)), format="text", encoding=encoding)
