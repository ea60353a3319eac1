"""How report text and file names are shown in the output for people: untrusted text made safe for a
terminal (:func:`visible`), and the Chinese words of the severities."""

from __future__ import annotations

import unicodedata

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}


_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "code": "\x1b[1m", "path": "\x1b[2m"}


def paint(text: str, kind: str, colour: bool) -> str:
    """``text`` in the colour of ``kind`` (a severity, "code" or "path") when ``colour`` is on; the
    text is already escaped (:func:`visible`), so the only escape sequences are these."""
    start = _COLOURS.get(kind) if colour else None
    return f"{start}{text}\x1b[0m" if start else text


def not_checked(result) -> str:
    """Why a result holds no findings, in one line: a file of a folder that is not a report format
    is "已跳过", a report that could not be read is "无法检查" (the reason escaped for a terminal)."""
    return ("已跳过: " if getattr(result, "skipped", False) else "无法检查: ") + visible(result.error)


# Shown as escapes: control characters (C0 but TAB, DEL, C1), format characters (bidi controls,
# zero-width characters, soft hyphen, tags), line and paragraph separators, and lone surrogates.
_ESCAPED = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape_char(ch: str) -> str:
    if ch == "\t" or unicodedata.category(ch) not in _ESCAPED:
        return ch
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


class _EscapeTable(dict):
    """str.translate table that decides each character the first time it is met."""

    def __missing__(self, code: int) -> str:
        shown = self[code] = _escape_char(chr(code))
        return shown


_ESCAPE = _EscapeTable()


def visible(text) -> str:
    """``text`` safe to print to a terminal, one line: control and invisible format characters are
    shown as escapes (``\\x1b``, ``\\u202e``, ``\\n``), a byte of a non-UTF-8 file name as ``\\xff``. TABs,
    spaces and printable text (Chinese, private-use glyphs) stay as they are."""
    text = "" if text is None else str(text)
    return text if text.isprintable() else text.translate(_ESCAPE)
