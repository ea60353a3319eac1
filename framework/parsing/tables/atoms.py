"""Cut a piece of table text into atoms: label text, numbers, "not applicable" marks, empty cells.

Tables arrive tab-separated, space-separated, one cell per line, or with everything run together
("…申请数量640020470二、…"). An atom remembers its column so a cell can point at its source. Numbers
that belong to prose ("2022年", "第75号", "5 件") are text, not cells; row enumerators ("1.属于…",
"…00000002.其他…", "3. 其他") and placeholder header cells ("数据1", "列2") are label text too.

What one cell's text means:

- a sign belongs to its number ("-1", "+1036"; the 2019 format's 本年增/减 may be negative), and a
  sign between two numbers starts the next cell ("2648-18538" is 2648 and -18538), unless the shape
  is a date, a phone number, a time or a range of years ("2019-12-31", "0591-23165250",
  "2019-2020"); a lone "-" is a "not applicable" mark;
- thousands separators are read when every group has three digits ("11,398,889"; "1,2" is two
  numbers);
- a whole tab- or "|"-separated cell that is a number and a counting word ("447228件") or a number
  and a note in brackets ("22(其中修订16件)") is the number; the word or the note is kept on the atom
  (``unit``), so the cell's raw text still shows it. In running text "5件" stays prose; a note that
  opens with 其中/含/包括 ("22(其中修订16件)") is read after a number there too.
"""

from __future__ import annotations

import re

import attrs

from ogilint.spec.tables import COUNT_WORDS

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
    # What was typed after the number in its cell: a unit (万元, 元; 件, 条… in a whole cell) or a
    # note in brackets ("(其中修订16件)"). The cell's raw text shows it; the value is the number.
    unit: str = ""

    @property
    def is_value(self) -> bool:
        return self.kind in (NUM, NA, EMPTY, BAD)


# A run of digits longer than any row of run-together cells (15 cells of 9 digits) is no number of a
# report: it is kept as text, so no cell holds a value no count can have (and int() and float() never
# see thousands of digits: an error past 4,300, infinity past 308).
MAX_NUMBER_DIGITS = 200

_NA_MARKS = {"/", "／", "—", "——", "–", "-", "--", "－", "\\"}
_RULE_LINE = re.compile(r"[-—–=_\s]{3,}")  # fullmatch; \s takes the TABs of "---\t---" rows too

# A number (optional sign, thousands groups, decimals, unit); or an enumerator digit glued to the next
# label ("2.其他", "3、其他"). Thousands groups start only where no digit, "," or "." comes before, so
# a run of "1,234,234,…" is scanned once (linear), and only when no digit or "," follows the last one.
_TOKEN = re.compile(
    r"(?P<sign>[-+](?=\d))?(?P<num>(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?P<frac>\.\d+)?"
    r"(?P<unit>\s*(?:万元|元))?"
    r"|(?P<na>(?<![^\s\t])(?:—{1,2}|–|-{1,2}|/|／|－|\\)(?![^\s\t]))"
    r"|(?P<space>[ \t]+)"
    r"|(?P<text>[^\d \t]+)"
)
_PROSE_AFTER = set("年月日号时件条个次人份期场家名篇批亿余多%项天周届位")
_PROSE_BEFORE = set("第〔[【")
_ENUM_AFTER = set(".、")
# "N-M" is two cells only when N stands alone: not the tail of a date, a time, a code or a decimal
# ("2019-12-31", "8:30-12:00", "0591-23165250"), and M is not followed by one more link of a chain.
_CHAIN_BEFORE = set("-+:./,")
_CHAIN_AFTER = set("-+:/")
# A placeholder header cell of a converted table ("| 类别 | 数据1 | 数据2 | … |"): the digits name a
# column, they are no count. Searched in the few characters before the digits only.
_PLACEHOLDER = re.compile(r"(?:数据|数值|列|栏|字段|column|col|data|field)[ ]?$", re.IGNORECASE)
# A note in brackets after a number in running table text: only one that opens with the words of a
# breakdown, so "(一)" or a citation after a number in prose is not taken for a note.
_NOTE = re.compile(r"[ ]?\((?:其中|含|包括|包含)[^()\t]{0,40}\)")
# A whole tab or "|" cell: a number with a counting word and/or a note ("447228件", "22(其中修订16件)").
_WORDED_CELL = re.compile(r"([-+]?)(\d{1,3}(?:,\d{3})+|\d+)[ ]*([" + COUNT_WORDS + r"]?)[ ]*(\([^()\t]{0,60}\))?")
_WORDED_TAIL = set(COUNT_WORDS + ")")
_COUNT_WORDS = set(COUNT_WORDS)
_SHORT_LABEL = 16  # characters before the count in a table line "行政许可 447228件"
_SENTENCE_MARK = re.compile(r"[,，。;；:：]")
_ENUMERATOR_MAX = 20  # "3. 其他": row enumerators of the format go up to 8


def is_rule_line(text: str) -> bool:
    """A line of dashes that draws a table border."""
    return bool(text.strip()) and bool(_RULE_LINE.fullmatch(text.strip()))


def _next_nonspace(text: str, i: int) -> str:
    while i < len(text) and text[i] == " ":
        i += 1
    return text[i] if i < len(text) else ""


def _skip_spaces(text: str, i: int, most: int = 2) -> int:
    end = min(len(text), i + most)
    while i < end and text[i] == " ":
        i += 1
    return i


_HAS_DIGIT_OR_MARK = re.compile(r"[\d/／—–\-－\\]")


def scan_cell(text: str, line: int, column: int) -> list[Atom]:
    """Atoms of one cell (text between tabs, or a whole segment when there are no tabs)."""
    if text.isdigit() and text.isascii() and len(text) <= MAX_NUMBER_DIGITS:  # the common case: a bare number
        return [Atom(NUM, text, line, column)]
    if not _HAS_DIGIT_OR_MARK.search(text):  # prose or a label: one text atom
        amount = _chinese_amount(text, line, column)
        if amount is not None:
            return amount
        lead = len(text) - len(text.lstrip(" "))
        stripped = text.strip(" ")
        return [Atom(TEXT, stripped, line, column + lead)] if stripped else []
    atoms: list[Atom] = []
    pos, end = 0, len(text)
    while pos < end:
        m = _TOKEN.match(text, pos)  # never None: the alternatives cover every character
        kind = m.lastgroup  # "sign", "num", "frac" or "unit" for a number
        if kind == "space":
            pos = m.end()
        elif kind == "text":
            pos = m.end()
            t = m.group("text")
            if t in (".", "、") and atoms and atoms[-1].kind == TEXT:
                atoms[-1] = attrs.evolve(atoms[-1], raw=atoms[-1].raw + t)
            else:
                atoms.append(Atom(TEXT, t, line, column + m.start()))
        elif kind == "na":
            pos = m.end()
            atoms.append(Atom(NA, m.group("na"), line, column + m.start()))
        else:
            pos = _scan_number(text, m, atoms, line, column)
    return _merge_text(atoms)


# An amount of money in Chinese numerals ending a cell ("三十万元", "行政事业性收费 一万二千元"): the fee cell
# written out. Only with its 元 (a bare "三十" in a table is a label's numeral, not a count), and with
# a digit word in it ("万元" alone is a unit in a header).
_CN_AMOUNT = re.compile(
    r"(?:^|(?<=[ \t]))([零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]{1,14}?)(万元|元)$"
)
_CN_DIGIT = re.compile(r"[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖]")


def _chinese_amount(text: str, line: int, column: int) -> list[Atom] | None:
    """[label, amount] for a cell ending in an amount written in Chinese numerals, read as the number
    with its unit typed (FEE001 sees the unit); the unit keeps what was printed. None otherwise."""
    stripped = text.rstrip(" ")
    m = _CN_AMOUNT.search(stripped)
    if m is None or not _CN_DIGIT.search(m.group(1)):
        return None
    import cn2an  # only for this rare cell: importing it costs a one-file run a quarter of its time

    try:
        value = cn2an.cn2an(m.group(1), "smart")
    except (ValueError, KeyError, TypeError):
        return None
    number = f"{value:.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(int(value))
    atoms = []
    label = stripped[: m.start()].strip(" ")
    if label:
        lead = len(text) - len(text.lstrip(" "))
        atoms.append(Atom(TEXT, label, line, column + lead))
    atoms.append(Atom(NUM, number, line, column + m.start(), unit=f"{m.group(2)} (原文「{m.group(0)}」)"))
    return atoms


def _scan_number(text: str, m: re.Match, atoms: list[Atom], line: int, column: int) -> int:
    """Append the atoms of the number ``m`` found; returns where scanning goes on."""
    start = m.start()
    sign = m.group("sign") or ""
    if sign and not _sign_belongs(text, m, atoms, column):
        atoms.append(Atom(TEXT, sign, line, column + start))
        return m.start("num")  # the digits again, without the sign
    grouped = m.group("num")
    num = grouped.replace(",", "")
    frac = m.group("frac") or ""
    end = m.end("frac") if frac else m.end("num")
    unit = (m.group("unit") or "").strip()
    col = column + start
    if len(num) > MAX_NUMBER_DIGITS:
        atoms.append(Atom(TEXT, m.group(0), line, col))
        return m.end()
    plain = not (sign or frac or unit) and num == grouped
    after = text[end] if end < len(text) else ""
    # "2." / "3、" directly before a label: the last digit is the row's enumerator. A label may also
    # follow a space when the digits are a row's cells run into the label before them ("…另行制作
    # 00000003. 补正后…", as OCR gives it): not a number that stands alone ("10. 其他" is read below),
    # nor one of a chain ("0591-12345678. 地址"), nor a count or a year before its word ("25. 件").
    if plain and after in _ENUM_AFTER:
        nxt = text[end + 1] if end + 1 < len(text) else ""
        if nxt == " " and _run_into_a_label(text, start, num):
            label = _skip_spaces(text, end + 1)
            nxt = text[label] if label < len(text) else ""
            nxt = "" if nxt in "-+/.,、" or nxt in _PROSE_AFTER else nxt
        if nxt and not nxt.isdigit() and not nxt.isspace():
            if len(num) > 1:
                atoms.append(Atom(NUM, num[:-1], line, col))
            atoms.append(Atom(TEXT, num[-1], line, col + len(num) - 1))
            return end
    if plain and (enum_end := _spaced_enumerator(text, start, end, num)):
        atoms.append(Atom(TEXT, text[start:enum_end], line, col))  # "3. 其他", "2 . 其他"
        return enum_end
    if (
        plain
        and len(num) <= 2
        and (not after or after.isspace())
        and _PLACEHOLDER.search(text, max(0, start - 7), start)
    ):
        atoms.append(Atom(TEXT, num, line, col))  # "数据1": a column's name
        return end
    if plain and after == "年" and len(num) > 4 and num[-4:-2] in ("19", "20"):
        # "…00000002022年1月20日": a crawler ran a table's digits into the date after it; the year's
        # four digits are prose, the digits before them are the table's.
        atoms.append(Atom(NUM, num[:-4], line, col))
        atoms.append(Atom(TEXT, num[-4:], line, col + len(num) - 4))
        return end
    if (
        plain
        and after in _COUNT_WORDS
        and not text[end + 1 :].strip()
        and 0 < start <= _SHORT_LABEL
        and text[start - 1] == " "
        and not _SENTENCE_MARK.search(text)
    ):
        # "行政许可 447228件" ending a table line of extracted text: a short label, a space, the count and
        # its word, nothing after; a sentence ends "申请5件。" or runs on, a wrapped line of prose is
        # long. The count with its word typed (DOM004 notes the word).
        atoms.append(Atom(NUM, num, line, col, unit=after))
        return end + 1
    if not unit and ((text[start - 1] if start else "") in _PROSE_BEFORE or _next_nonspace(text, end) in _PROSE_AFTER):
        atoms.append(Atom(TEXT, m.group(0), line, col))
        return m.end()
    stop = m.end()
    note = _NOTE.match(text, stop)
    if note:
        unit = (unit + " " + note.group(0).strip()).strip()
        stop = note.end()
    raw = ("-" if sign == "-" else "") + num + frac  # "+1036" is read 1036
    if sign == "+":
        col += 1
    atoms.append(Atom(NUM, raw, line, col, unit=unit))
    return stop


def _run_into_a_label(text: str, start: int, num: str) -> bool:
    """Whether the digits at ``start`` are cells run together (three digits or more) straight after
    the text of a label: not after a space, a link of a chain or a prose mark."""
    before = text[start - 1] if start else ""
    return (
        len(num) >= 3
        and bool(before)
        and not before.isspace()
        and not before.isdigit()
        and before not in _CHAIN_BEFORE
        and before not in _PROSE_BEFORE
    )


def _sign_belongs(text: str, m: re.Match, atoms: list[Atom], column: int) -> bool:
    """Whether the "-" or "+" before the number ``m`` is its sign (and, after digits, a new cell)."""
    start = m.start()
    end = m.end("frac") if m.group("frac") else m.end("num")
    digits = m.group("num")
    if (end < len(text) and text[end] in _CHAIN_AFTER) or (len(digits) > 1 and digits[0] == "0"):
        return False  # "-3-" (a page number), "2019-12-31", "8:30-12:00", "-0591"
    prev = text[start - 1] if start else ""
    if prev in ("", " ", "\t"):
        return True
    if not prev.isdigit():
        return False
    # Digits before the sign: "2648-18538" is two cells when 2648 is a number that stands alone.
    left = atoms[-1] if atoms else None
    if left is None or left.kind != NUM or left.unit or not left.raw.isdigit():
        return False
    left_start = left.column - column
    if left_start + len(left.raw) != start:
        return False  # "11,398-5": the number on the left was written another way
    if left_start > 0 and text[left_start - 1] in _CHAIN_BEFORE:
        return False
    if len(left.raw) > 1 and left.raw[0] == "0":
        return False
    return not (_is_year(left.raw) and _is_year(digits))  # "2019-2020"


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _spaced_enumerator(text: str, start: int, end: int, num: str) -> int:
    """End of "3. " / "2 . " / "3、 " when the number is a row enumerator before a label, else 0.

    The number must stand alone (start of the cell or after a space), be small, and a space must
    lie around the mark (glued "3.其他" is read above)."""
    if len(num) > 2 or int(num) > _ENUMERATOR_MAX or (start and text[start - 1] not in " \t"):
        return 0
    mark = _skip_spaces(text, end)
    if mark >= len(text) or text[mark] not in _ENUM_AFTER:
        return 0
    label = _skip_spaces(text, mark + 1)
    if label == mark + 1 and mark == end:
        return 0
    nxt = text[label] if label < len(text) else ""
    if not nxt or nxt.isdigit() or nxt.isspace() or nxt in "-+/.,、":
        return 0
    return mark + 1


def _merge_text(atoms: list[Atom]) -> list[Atom]:
    """Neighbouring text atoms become one, the spaces between them kept (parts joined once: linear)."""
    out: list[Atom] = []
    parts: list[str] = []  # pieces of out[-1]'s text while it is a text atom being merged
    end = 0  # column after the last merged piece
    for a in atoms:
        if a.kind == TEXT and out and out[-1].kind == TEXT:
            parts.append(" " * (a.column - end) + a.raw)
            end = a.column + len(a.raw)
            continue
        if len(parts) > 1:
            out[-1] = attrs.evolve(out[-1], raw="".join(parts))
        out.append(a)
        parts = [a.raw]
        end = a.column + len(a.raw)
    if len(parts) > 1:
        out[-1] = attrs.evolve(out[-1], raw="".join(parts))
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
        elif stripped[-1] in _WORDED_TAIL and (
            worded := _worded_cell(stripped, line, column + pos + cell.index(stripped))
        ):
            atoms.append(worded)
        else:
            atoms.extend(scan_cell(cell, line, column + pos))
        pos += len(cell) + 1
    return atoms


def _worded_cell(text: str, line: int, column: int) -> Atom | None:
    """A whole cell that is a number and a counting word or a note: "447228件", "22(其中修订16件)"."""
    m = _WORDED_CELL.fullmatch(text)
    if not m or not (m.group(3) or m.group(4)):
        return None
    digits = m.group(2).replace(",", "")
    if len(digits) > MAX_NUMBER_DIGITS or (len(digits) > 1 and digits[0] == "0"):
        return None
    unit = " ".join(g for g in (m.group(3), m.group(4)) if g)
    sign = "-" if m.group(1) == "-" else ""
    return Atom(NUM, sign + digits, line, column + (m.group(1) == "+"), unit=unit)


def has_values(atoms: list[Atom]) -> bool:
    return any(a.kind in (NUM, NA) for a in atoms)
