"""The custom lark lexer: source lines → structural tokens the report grammar is written over.

A token is one *segment* of a line: a part heading, a table 二 item head ("第二十条第(五)项"), a
segment holding table values (ROW), a segment of text (TEXT), or site chrome / a page footer
(CHROME, set aside but kept so nothing is silently dropped). Crawler texts put a whole report on one
line, so headings and item heads are also found in the middle of a line and cut the line there.

ROW and TEXT tokens are :class:`Segment` tokens: they carry the atoms of their text (numbers,
marks, label text; see ``tables/atoms.py``), so the table builders read cells straight off the
parse tree's leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token
from lark.lexer import Lexer

from ogilint import spec
from ogilint.parsing.tables.atoms import MAX_NUMBER_DIGITS, NUM, Atom, has_values, is_rule_line, scan_segment

PART_TOKEN = {p.number: p.token for p in spec.PARTS}
T2_ITEM_TOKEN = {"一": "T2_ITEM_1", "五": "T2_ITEM_5", "六": "T2_ITEM_6", "八": "T2_ITEM_8", "九": "T2_ITEM_9"}
TOKEN_TYPES = tuple(PART_TOKEN.values()) + tuple(T2_ITEM_TOKEN.values()) + ("T2_ITEM_OTHER", "ROW", "TEXT", "CHROME")


# A heading alone on its line: numeral, 、 and a short title.
_LINE_HEADING = re.compile(r"^\s*([一二三四五六七八九十])\s*[、.,]\s*(\S.{0,38}?)\s*(?:[:。]\s*)?$")
# A heading inside a long line: only exact known wordings.
_KNOWN = "|".join(
    sorted({re.escape(v) for vs in spec.PART_HEADING_VARIANTS.values() for v in vs}, key=len, reverse=True)
)
_INLINE_HEADING = re.compile(r"([一二三四五六])\s*[、.]\s*(" + _KNOWN + ")")
_T2_ITEM = re.compile(r"第\s*二\s*十\s*条\s*(?:第\s*)?[(]\s*([一二三四五六七八九十]+)\s*[)]\s*项")

_FOOTER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*(?:[,/]\s*)?共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}"
    r"|Page\s+\d+.*|P\.\s*\d+)\s*$"
)
# Chrome lines, matched on the stripped line: whole lines, line starts, and words anywhere.
_CHROME_WHOLE = re.compile(
    r"关闭窗口|打印本页|【?打印】?|【?关闭】?|扫一扫在手机打开当前页|简体\s*繁[体體]\|?|=+\s*正文\s*=+"
)
_CHROME_START = re.compile(
    r"无障碍|字号[::]|分享到|当前位置[::]|首页\s*[>›]|索引号[::]|发布机构[::]|公开目录[::]|发布日期[::]|公开方式[::]"
    r"|文号[::]|标题[::]|原文链接[::]|本地目录[::]|页面链接|栏目[::]|发布时间[::]|来源[::]|欢迎访问|网站支持IPv6"
    r"|个人中心|中央政府门户网站|\d{4}-\d{2}-\d{2}\s*(?:\d{2}:\d{2})?\s*点击"
)
_CHROME_ANYWHERE = re.compile(r"点击数[::]|\d{4}-\d{2}-\d{2}\s+点击数")
_META_TABLE = re.compile(r"^\s*(?:索引号|发布机构|公开方式|标题)\s+\S")


class Segment(Token):
    """A ROW or TEXT token with the atoms of its text."""

    __slots__ = ("atoms",)

    @classmethod
    def of(cls, kind: str, text: str, atoms: list, *, start_pos: int, line: int, column: int) -> Segment:
        tok = cls(
            kind, text, start_pos=start_pos, line=line, column=column, end_line=line, end_column=column + len(text)
        )
        tok.atoms = atoms
        return tok


def part_of_heading(numeral: str, title: str) -> int | None:
    """The part (1–6) a heading title names, by its words; None when it names no part."""
    t = re.sub(r"\s+", "", title)
    if len(t) > 30 or "数量" in t or "办理" in t:
        return None
    for number, variants in spec.PART_HEADING_VARIANTS.items():
        if t in variants:
            return number
    if t.startswith("总体情况") or t == "概述" or t.endswith("总体情况"):
        return 1
    if "主动公开" in t and "申请" not in t and "问题" not in t:
        return 2
    if "收到和处理" in t or ("申请" in t and "公开" in t and "复议" not in t):
        return 3
    if "复议" in t or "诉讼" in t:
        return 4
    if "问题" in t and ("改进" in t or "整改" in t or "措施" in t):
        return 5
    if t.startswith("其他需要报告") or t in ("其他事项", "其他需报告的事项") or "需要报告的事项" in t:
        return 6
    return None


def is_chrome(line: str) -> bool:
    """Site chrome, a page footer or a table border; a long line is content whatever it starts with."""
    if len(line) > 120:
        return False
    text = line.strip()
    chrome = _CHROME_WHOLE.fullmatch(text) or _CHROME_START.match(text) or _CHROME_ANYWHERE.search(text)
    return bool(_FOOTER.match(line) or chrome or _META_TABLE.match(line) or is_rule_line(line))


class _Cutter:
    """Finds the places where one line must be cut into several segments."""

    @staticmethod
    def cuts(line: str) -> list[tuple[int, int, str, object]]:
        """(start, end, token type, payload) of each heading / item head found in the line."""
        found = []
        m = _LINE_HEADING.match(line)
        if m and (number := part_of_heading(m.group(1), m.group(2))) is not None:
            return [(m.start(1), len(line.rstrip()), PART_TOKEN[number], (number, m.group(1)))]
        if ("、" in line or "." in line) and (len(line) > 60 or "\t" not in line):
            for m in _INLINE_HEADING.finditer(line):
                number = part_of_heading(m.group(1), m.group(2))
                if number is not None:
                    found.append((m.start(), m.end(), PART_TOKEN[number], (number, m.group(1))))
        for m in _T2_ITEM.finditer(line) if "条" in line else ():
            kind = T2_ITEM_TOKEN.get(m.group(1), "T2_ITEM_OTHER")
            found.append((m.start(), m.end(), kind, m.group(1)))
        found.sort()
        # Drop overlaps (keep the first).
        out, last_end = [], -1
        for f in found:
            if f[0] >= last_end:
                out.append(f)
                last_end = f[1]
        return out


def lex_lines(lines: list[str]) -> list[Token]:
    """Tokens of the normalised ``lines`` (1-based lines, 1-based columns)."""
    tokens: list[Token] = []
    offset = 0
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.isdigit() and stripped.isascii() and len(stripped) <= MAX_NUMBER_DIGITS:  # one cell per line
            col = line.index(stripped)
            tokens.append(
                Segment.of(
                    "ROW",
                    stripped,
                    [Atom(NUM, stripped, lineno, col + 1)],
                    start_pos=offset + col,
                    line=lineno,
                    column=col + 1,
                )
            )
        elif stripped:
            if is_chrome(line):
                tokens.append(
                    Token(
                        "CHROME",
                        line,
                        start_pos=offset,
                        line=lineno,
                        column=1,
                        end_line=lineno,
                        end_column=len(line) + 1,
                    )
                )
            else:
                _lex_line(line, lineno, offset, tokens)
        offset += len(line) + 1
    return tokens


def _lex_line(line: str, lineno: int, offset: int, tokens: list) -> None:
    pos = 0
    for start, end, kind, _payload in _Cutter.cuts(line) + [(len(line), len(line), None, None)]:
        if start > pos:
            _plain(line[pos:start], lineno, offset, pos, tokens)
        if kind is not None:
            tok = Token(
                kind,
                line[start:end],
                start_pos=offset + start,
                line=lineno,
                column=start + 1,
                end_line=lineno,
                end_column=end + 1,
            )
            tokens.append(tok)
        pos = max(pos, end)


def _plain(text: str, lineno: int, offset: int, pos: int, tokens: list) -> None:
    stripped = text.strip(" ")
    if not stripped.strip():
        return
    lead = len(text) - len(text.lstrip(" "))
    col = pos + lead
    seg = text[lead:].rstrip(" ")
    seg_atoms = scan_segment(seg, lineno, col + 1)
    kind = "ROW" if has_values(seg_atoms) else "TEXT"
    tokens.append(Segment.of(kind, seg, seg_atoms, start_pos=offset + col, line=lineno, column=col + 1))


class ReportLexer(Lexer):
    """Adapter so lark's LALR parser takes the pre-cut token list."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data: list) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)
