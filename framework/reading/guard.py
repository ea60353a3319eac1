"""From a path to a :class:`~ogilint.document.Document`, through the reader plugins.

Readers are plugins (the first-result hook ``ogilint_read``): the PDF, DOCX, HTML and plain-text
readers in ``plugins/readers/`` are registered like any third-party one. This module only guards
the door: it refuses directories and oversized files before any reader opens them, and turns a
reader's crash into a one-line reason instead of a traceback. The caller passes the plugin manager
(one per run, built by ``checking/registry.py``).
"""

from __future__ import annotations

import os
from typing import Optional

from ogilint.document import Document
from ogilint.errors import UnusableInput

MAX_FILE_BYTES = 64 * 1024 * 1024  # published reports are < 20 MB; a PDF of 64 MB is not one
HEAD_BYTES = 8192


def read_document(path: str | os.PathLike, manager) -> Document:
    path = os.fspath(path)
    try:
        if os.path.isdir(path):
            raise UnusableInput("这是一个目录,不是文件")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise UnusableInput(
                f"文件过大 ({size // (1024 * 1024)} MB),超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限,"
                "不像一份年度报告"
            )
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise UnusableInput(f"无法读取文件: {exc.strerror or exc}") from None
    if not head:
        raise UnusableInput("文件是空的")
    try:
        doc: Optional[Document] = manager.hook.ogilint_read(path=path, head=head)
    except UnusableInput:
        raise
    except RecursionError:
        raise UnusableInput("文件结构嵌套过深,无法读取") from None
    except MemoryError:
        raise UnusableInput("文件展开后过大,无法读取") from None
    except Exception as exc:
        raise UnusableInput(f"读取失败 ({type(exc).__name__}: {str(exc)[:200]})") from None
    if doc is None:
        raise UnusableInput("无法识别的文件格式(支持文本、PDF、DOCX、HTML)")
    return doc
