"""Cut a piece of table text into atoms: label text, numbers, "not applicable" marks, empty cells.

Tables arrive tab-separated, space-separated, one cell per line, or with everything run together
("…申请数量640020470二、…"). An atom remembers its column so a cell can point at its source. Numbers
that belong to prose ("2022年", "第75号", "5 件") are text, not cells; row enumerators ("1.属于…",
"…00000002.其他…") are label text too.
"""

from __future__ import annotations

import re

import attrs

TEXT = "text"
NUM = "num"
NA = "na"
EMPTY = "empty"
BAD = "bad"  # text standing where a number should be ("O", "l0") inside a row of numbers


@attrs.frozen
class Atom:
    kind: str
    raw: str
    line: int
    column: int  # 1-based code point column of the first character
    unit: str = ""  # 万元 / 元 typed after a number

    @property
    def is_value(self) -> bool:
        return self.kind in (NUM, NA, EMPTY, BAD)


# A run of digits longer than any row of run-together cells (15 cells of 9 digits) is no number of a
# report: it is kept as text, so no cell holds a value no count can have (and int() and float() never
# see thousands of digits: an error past 4,300, infinity past 308).
MAX_NUMBER_DIGITS = 200

_NA_MARKS = {"/", "／", "—", "——", "–", "-", "--", "－", "\\"}
_RULE_LINE = re.compile(r"[-—–=_\s]{3,}")  # fullmatch; \s takes the TABs of "---\t---" rows too

# A number, optional unit; or an enumerator digit glued to the next label ("2.其他", "3、其他").
_TOKEN = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)(?P<unit>\s*(?:万元|元))?"
    r"|(?P<na>(?<![^\s\t])(?:—{1,2}|–|-{1,2}|/|／|－|\\)(?![^\s\t]))"
    r"|(?P<space>[ \t]+)"
    r"|(?P<text>[^\d \t]+)"
)
_PROSE_AFTER = set("年月日号时件条个次人份期场家名篇批亿余多%项天周届位")
_PROSE_BEFORE = set("第〔[【")
_ENUM_AFTER = set(".、")


def is_rule_line(text: str) -> bool:
    """A line of dashes that draws a table border."""
    return bool(text.strip()) and bool(_RULE_LINE.fullmatch(text.strip()))


def _next_nonspace(text: str, i: int) -> str:
    while i < len(text) and text[i] == " ":
        i += 1
    return text[i] if i < len(text) else ""


_HAS_DIGIT_OR_MARK = re.compile(r"[\d/／—–\-－\\]")


def scan_cell(text: str, line: int, column: int) -> list[Atom]:
    """Atoms of one cell (text between tabs, or a whole segment when there are no tabs)."""
    if text.isdigit() and text.isascii() and len(text) <= MAX_NUMBER_DIGITS:  # the common case: a bare number
        return [Atom(NUM, text, line, column)]
    if not _HAS_DIGIT_OR_MARK.search(text):  # prose or a label: one text atom
        lead = len(text) - len(text.lstrip(" "))
        stripped = text.strip(" ")
        return [Atom(TEXT, stripped, line, column + lead)] if stripped else []
    atoms: list[Atom] = []
    for m in _TOKEN.finditer(text):
        col = column + m.start()
        if m.group("num") is not None:
            num = m.group("num")
            end = m.end("num")
            after = text[end] if end < len(text) else ""
            before = text[m.start() - 1] if m.start() > 0 else ""
            unit = (m.group("unit") or "").strip()
            if len(num.partition(".")[0]) > MAX_NUMBER_DIGITS:
                atoms.append(Atom(TEXT, m.group(0), line, col))
                continue
            # "2." / "3、" directly before a label: the last digit is the row's enumerator.
            if not unit and after in _ENUM_AFTER and "." not in num:
                nxt = text[end + 1] if end + 1 < len(text) else ""
                if nxt and not nxt.isdigit() and not nxt.isspace():
                    if len(num) > 1:
                        atoms.append(Atom(NUM, num[:-1], line, col))
                    atoms.append(Atom(TEXT, num[-1], line, col + len(num) - 1))
                    continue
            if not unit and (before in _PROSE_BEFORE or _next_nonspace(text, end) in _PROSE_AFTER):
                atoms.append(Atom(TEXT, m.group(0), line, col))
                continue
            atoms.append(Atom(NUM, num, line, col, unit=unit))
        elif m.group("na") is not None:
            atoms.append(Atom(NA, m.group("na"), line, col))
        elif m.group("text") is not None:
            t = m.group("text")
            if t in (".", "、") and atoms and atoms[-1].kind == TEXT:
                atoms[-1] = attrs.evolve(atoms[-1], raw=atoms[-1].raw + t)
                continue
            atoms.append(Atom(TEXT, t, line, col))
    return _merge_text(atoms)


def _merge_text(atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    for a in atoms:
        if a.kind == TEXT and out and out[-1].kind == TEXT:
            prev = out[-1]
            gap = a.column - (prev.column + len(prev.raw))
            out[-1] = attrs.evolve(prev, raw=prev.raw + " " * gap + a.raw)
        else:
            out.append(a)
    return out


def scan_segment(text: str, line: int, column: int) -> list[Atom]:
    """Atoms of a segment; with tabs, every tab cell is scanned and empty cells become EMPTY."""
    if text.count("|") >= 2:  # a markdown-style table row: "|" separates cells like a tab
        text = text.replace("|", "\t")
    if "\t" not in text:
        return scan_cell(text, line, column)
    atoms: list[Atom] = []
    pos = 0
    for cell in text.split("\t"):
        stripped = cell.strip()
        if not stripped:
            atoms.append(Atom(EMPTY, "", line, column + pos))
        elif stripped in _NA_MARKS:
            atoms.append(Atom(NA, stripped, line, column + pos + cell.index(stripped)))
        else:
            atoms.extend(scan_cell(cell, line, column + pos))
        pos += len(cell) + 1
    return atoms


def has_values(atoms: list[Atom]) -> bool:
    return any(a.kind in (NUM, NA) for a in atoms)
