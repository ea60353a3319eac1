"""Bytes to text: detect the encoding (never assume it) and refuse what is not text.

Reports reach us in UTF-8, UTF-8 with BOM, GB18030/GBK and UTF-16. Binary input (a PDF handed to
the text reader, an image) is refused with a reason instead of being decoded into noise.
"""

from __future__ import annotations

import codecs

from ogilint.errors import UnusableInput

MAX_BYTES = 20 * 1024 * 1024  # a real report's text is < 200 KB; beyond this it is not one


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 20


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise UnusableInput."""
    if len(data) > MAX_BYTES:
        raise UnusableInput(f"文件过大 ({len(data) // (1024 * 1024)} MB),不像一份年度报告的文本")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", "utf-16")
    if data[:5] == b"%PDF-":
        raise UnusableInput("这是 PDF 文件,不是文本;请提供其文本或使用 PDF 读取器")
    if data[:4] == b"PK\x03\x04":
        raise UnusableInput("这是 ZIP/DOCX 文件,不是文本")
    if _looks_utf16_without_bom(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _readable(text):
                return text, enc
    if _looks_binary(data):
        raise UnusableInput("输入是二进制数据,不是文本")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise UnusableInput("无法识别文本编码(既不是 UTF-8、UTF-16,也不是 GB18030/GBK)") from None


def _strict(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), name
    except UnicodeDecodeError:
        raise UnusableInput(f"文本声明为 {name} 编码,但内容无法按此解码") from None


def _looks_utf16_without_bom(data: bytes) -> bool:
    """NUL bytes (from ASCII tabs, digits, newlines) that all sit on one byte parity."""
    sample = data[:8000]
    even = sum(1 for b in sample[0::2] if b == 0)
    odd = sum(1 for b in sample[1::2] if b == 0)
    return even + odd >= 4 and min(even, odd) * 4 <= max(even, odd)


def _readable(text: str) -> bool:
    sample = text[:4000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r")
    return good >= len(sample) * 0.97
