"""Normalise text character by character so that every position stays where it was.

Full-width digits, letters and brackets become ASCII (NFKC, but only where it maps one character to
one character), traditional characters become simplified (OpenCC), odd spaces become spaces. Because
no character is inserted or removed, line N column C of the normalised text is line N column C of the
source: tokens need no position map.
"""

from __future__ import annotations

import unicodedata

try:  # OpenCC is a declared dependency; keep parsing alive if its native part fails to load.
    import opencc

    _T2S = opencc.OpenCC("t2s")
except Exception:  # pragma: no cover - exercised only on a broken install
    _T2S = None

_SPACES = {
    "\u3000": " ",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": " ",
    "\x0b": " ",
    "\x0c": " ",
}
# Default-ignorable code points that are not format characters (Unicode's DerivedCoreProperties).
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0xE0000, 0xE0FFF),
)
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp"))
# ASCII controls but TAB, for the ASCII fast path.
_ASCII_CONTROLS = {code: " " for code in (*range(0x09), *range(0x0A, 0x20), 0x7F)}


def _invisible(ch: str) -> bool:
    if ch == "\t":
        return False
    code = ord(ch)
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES or any(lo <= code <= hi for lo, hi in _IGNORABLE)


# NFKC would also fold these, but into something that changes meaning for us, so keep them.
_KEEP = set("、。“”‘’《》〔〕【】—…·")


def _fold_char(ch: str) -> str:
    if ch in _SPACES:
        return _SPACES[ch]
    if _invisible(ch):
        return " "
    if ch.isascii() or ch in _KEEP:
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict):
    """str.translate table that computes each character's folding the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def _fold(line: str) -> str:
    if line.isascii():
        return line.translate(_ASCII_CONTROLS)
    return line.translate(_FOLD)


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length of every line."""
    if _T2S is None:
        return text
    converted = _T2S.convert(text)
    if len(converted) == len(text) and converted.count("\n") == text.count("\n"):
        return converted
    # A phrase mapping changed a length somewhere: fall back to one character at a time.
    return "".join(c if len(c := _T2S.convert(ch)) == 1 else ch for ch in text)


def normalize_lines(lines: list[str]) -> list[str]:
    """Normalised copy of ``lines``; each output line has the length of its input line."""
    folded = "\n".join(_fold(line) for line in lines)
    return to_simplified(folded).split("\n")
