"""Plain-text reader: UTF-8 (with or without BOM), GB18030/GBK and UTF-16, detected, not assumed.

It answers last (``trylast``), after the readers that recognise a file by its signature, and
refuses binary data with a reason (see ``framework/reading/decode.py``).
"""

from __future__ import annotations

from ogilint.document import Document
from ogilint.hookspec import hookimpl
from ogilint.reading.bounded import read_bounded
from ogilint.reading.decode import decode_bytes
from ogilint.reading.guard import MAX_FILE_BYTES
from ogilint.text import split_lines


@hookimpl(trylast=True)
def ogilint_read(path, head):
    with open(path, "rb") as fh:
        data = read_bounded(fh, MAX_FILE_BYTES)
    text, encoding = decode_bytes(data)
    return Document(lines=tuple(split_lines(text)), format="text", encoding=encoding)
