"""Which files a folder walk reads, which it reports as unreadable, and which it lists as skipped.

A file named on the command line is always read (its reader decides); these lists only decide what
happens to the files *inside a folder*. Nothing found there is dropped in silence: a report in a
format ogilint cannot read (a legacy .doc, a web archive, a scan) is an unreadable report with the
reason, and any other file is listed as skipped with the reason. Hidden entries (``.git``,
``.DS_Store``) are the only ones passed over without a word.
"""

from __future__ import annotations

import os

from ogilint.reading.ocr import IMAGE_SUFFIXES, INSTALL_HINT, ocr_installed

# Read by the reader plugins. ``.doc``/``.dot`` are here because the DOCX reader recognises a
# legacy Word file by its signature and says what to do with it. Images (scans) are read when the
# OCR extra is installed.
READ_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".doc", ".dot", ".html", ".htm", ".shtml") + (
    IMAGE_SUFFIXES if ocr_installed() else ()
)

# Read, but often something else (a README beside the reports): one that is not a report is
# listed as skipped, not as an unreadable report.
MAYBE_REPORT_SUFFIXES = (".md", ".markdown")

_SCAN = f"这是图片文件,多为扫描件;需要先做 OCR 才能检查;{INSTALL_HINT}"
_ARCHIVE = "这是压缩包,不会自动解开;请解压后再检查其中的报告"

# Formats that hold reports but cannot be read: each is an unreadable report, with what to do.
UNSUPPORTED = {
    ".wps": "这是 WPS 文字格式;请另存为 DOCX 或 PDF 后再检查",
    ".rtf": "这是 RTF 格式;请另存为 DOCX 或 PDF 后再检查",
    ".mht": "这是网页归档 (MHT);请在浏览器中打开后另存为 HTML 再检查",
    ".mhtml": "这是网页归档 (MHTML);请在浏览器中打开后另存为 HTML 再检查",
    ".ofd": "这是 OFD 版式文件;请转换为 PDF 后再检查",
    ".odt": "这是 ODT 格式;请另存为 DOCX 或 PDF 后再检查",
    ".zip": _ARCHIVE,
    ".rar": _ARCHIVE,
    ".7z": _ARCHIVE,
}
if not ocr_installed():
    UNSUPPORTED.update(dict.fromkeys(IMAGE_SUFFIXES, _SCAN))


def suffix_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def is_temporary(name: str) -> bool:
    """An office program's lock or temporary file ("~$报告.docx", "~WRL0001.tmp"): never a report."""
    return name.startswith("~")


def skipped_reason(name: str) -> str:
    """Why a file of a folder that is neither read nor a known report format is not checked (the
    output says "已跳过" before it)."""
    if is_temporary(name):
        return "办公软件的临时文件或锁文件,不是报告"
    suffix = suffix_of(name)
    if not suffix:
        return "没有扩展名,不知道是什么格式"
    return f"{suffix} 不是可检查的报告格式 (可检查: PDF、DOCX、HTML、TXT、Markdown)"
