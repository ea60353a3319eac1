"""Reading a file's bytes up to a limit without allocating the limit."""

from __future__ import annotations


def read_bounded(fh, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of ``fh`` (one more than the limit tells the caller it is too
    big), read in chunks: ``fh.read(limit)`` would allocate the whole limit up front, 64 MB for
    every file however small, and it reads pipes to their end too."""
    chunks, total = [], 0
    while total <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
