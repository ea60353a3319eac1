"""The custom lark lexer: source lines → structural tokens the report grammar is written over.

A token is one *segment* of a line: a part heading, a table 二 item head ("第二十条第(五)项"), a
segment holding table values (ROW), a segment of text (TEXT), or site chrome / a page footer
(CHROME, set aside but kept so nothing is silently dropped). Crawler texts put a whole report on one
line, so headings and item heads are also found in the middle of a line and cut the line there.

ROW and TEXT tokens are :class:`Segment` tokens: they carry the atoms of their text (numbers,
marks, label text; see ``tables/atoms.py``), so the table builders read cells straight off the
parse tree's leaves. Part headings are :class:`Heading` tokens: they carry what the heading says
(:class:`HeadingMatch`: the part its words name, how strongly, and its damage — a numeral that is not
the part's, a character inserted or dropped, stray characters before the numeral, a title broken
over two lines), which the grammar's Sections transformer turns into parts and problems.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import attrs
from lark import Token
from lark.lexer import Lexer

from ogilint import spec
from ogilint.parsing.tables.atoms import MAX_NUMBER_DIGITS, NUM, Atom, has_values, is_rule_line, scan_segment

PART_TOKEN = {p.number: p.token for p in spec.PARTS}
T2_ITEM_TOKEN = {"一": "T2_ITEM_1", "五": "T2_ITEM_5", "六": "T2_ITEM_6", "八": "T2_ITEM_8", "九": "T2_ITEM_9"}
TOKEN_TYPES = tuple(PART_TOKEN.values()) + tuple(T2_ITEM_TOKEN.values()) + ("T2_ITEM_OTHER", "ROW", "TEXT", "CHROME")


# A heading alone on its line: numeral, 、 and a short title. Matched after the markup and any stray
# prefix before the numeral are stepped over (``_Cutter.shape``), so ``^`` stays the line's start.
_LINE_HEADING = re.compile(r"^([一二三四五六七八九十])\s*[、.,]\s*(\S.{0,38}?)\s*(?:[:。]\s*)?$")
# Markdown marks before a heading ("## 一、总体情况", "**一、…**"): markup, not damage.
_MARKUP = re.compile(r"[\s#*>]*")
# One or two stray characters before the numeral ("l六、", "|六、", "1六、"): what OCR and PDF
# extraction make of a rule, a bullet or a page mark. Damage, reported with the part.
_STRAY = re.compile(r"[|lIi1!丨·•]{1,2}\s*(?=[一二三四五六七八九十]\s*[、.,])")
# A heading inside a long line: only exact known wordings.
_KNOWN = "|".join(
    sorted({re.escape(v) for vs in spec.PART_HEADING_VARIANTS.values() for v in vs}, key=len, reverse=True)
)
_INLINE_HEADING = re.compile(r"([一二三四五六七八九十])\s*[、.]\s*(" + _KNOWN + ")")
# Part 五 worded its own way inside a crawler's one-line report ("五、存在的主要问题及明年工作计划2024年…"):
# its opening words, then up to ten characters to a word that ends such a title.
_INLINE_PROBLEMS = re.compile(
    r"([一二三四五六七八九十])[、.]\s*((?:政府信息公开工作)?存在的(?:主要)?问题[\u4e00-\u9fff]{0,10}?(?:情况|措施|计划|打算|思路|方向))"
)
# Where a damaged heading may start inside a long line, and how far its wording may run.
_INLINE_NUMERAL = re.compile(r"([一二三四五六七八九十])[、.]")
_LONGEST = max(len(v) for vs in spec.PART_HEADING_VARIANTS.values() for v in vs)
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


# How a heading title names its part, strongest first (the Sections transformer weighs headings of a
# repeated part by it).
EXACT = 3  # a wording of the format or an accepted variant (spec.PART_HEADING_VARIANTS)
CLOSE = 2  # one of those wordings with a character or two inserted, dropped or changed
WORDS = 1  # names the part by its key words only ("主动公开", "依申请公开")

# Words of table rows and narrative that a heading never holds: table 三's rows "三、本年度办理结果",
# "四、结转下年度继续办理", "一、本年新收…申请数量" start like headings.
_NOT_A_HEADING = ("数量", "办理", "结转", "新收")
# Sentence punctuation: a line that holds it is narrative ("一、主动公开工作。坚持…"), not a heading.
_SENTENCE = re.compile(r"[,。;!?]")
# Characters whose insertion, loss or exchange rewords a heading rather than damages it ("…申请的情况",
# "…问题和改进情况", "其它需要报告的事项", "行政复议,行政诉讼").
_SOFT = frozenset("的和及与、,之等它他")


@attrs.frozen
class HeadingMatch:
    """What a part heading says: the part it names, how strongly, and how it departs from the format.

    ``damage`` holds (kind, value) pairs: ("ordinal", the numeral printed) when the numeral is not the
    part's, ("characters", the wording it is close to), ("prefix", the stray characters before the
    numeral), ("split", the continuation line's text) when the title runs onto the next line."""

    number: int
    numeral: str  # as printed
    title: str  # as printed, the numeral and 、 left out
    strength: int  # EXACT, CLOSE or WORDS
    damage: tuple = ()

    def with_damage(self, *damage) -> HeadingMatch:
        return attrs.evolve(self, damage=self.damage + damage)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is sure to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _changed(a: str, b: str) -> str:
    """The characters inserted, dropped or exchanged between ``a`` and ``b``."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return "".join(a[i1:i2] + b[j1:j2] for op, i1, i2, j1, j2 in ops if op != "equal")


def _nearest(t: str) -> tuple[int, str, int] | None:
    """(part, wording, distance) of the format wording ``t`` is a character or two away from, if any."""
    best = None
    for number, variants in spec.PART_HEADING_VARIANTS.items():
        for v in variants:
            limit = max(1, len(v) // 6)
            d = _distance(t, v, limit)
            if d <= limit and (best is None or d < best[0]):
                best = (d, number, v)
    return None if best is None else (best[1], best[2], best[0])


def _near_at(line: str, start: int) -> tuple[int, str, int, bool] | None:
    """(part, wording, end, damaged) of a format wording with one character inserted, dropped or
    changed that starts at ``start`` inside a long line (a crawler's one-line report), if any. A small
    word changed ("行政复议与行政诉讼" for "行政复议、行政诉讼") rewords the heading: not damaged."""
    window = line[start : start + _LONGEST + 1]
    best = None
    for number, variants in spec.PART_HEADING_VARIANTS.items():
        for v in variants:
            n = len(v)
            if len(v) < 6 or (window[:1] != v[0] and v[-2:] not in window[n - 3 : n + 2]):
                continue  # a cheap test first: the wording's first character or its last two
            for k in (n, n - 1, n + 1):
                t = window[:k]
                if _distance(t, v, 1) == 1 and not _SENTENCE.search(t):
                    damaged = not set(_changed(t, v)) <= _SOFT
                    if not any(w in t for w in _NOT_A_HEADING) and (best is None or len(v) > len(best[1])):
                        best = (number, v, start + k, damaged)
                    break
    return best


_PLANS = ("改进", "整改", "措施", "计划", "打算", "思路", "方向")  # what part 五 pairs its problems with


def _by_words(t: str) -> int | None:
    """The part a title names by its key words (a wording the format does not list)."""
    if t.startswith("总体情况") or t == "概述" or t.endswith("总体情况"):
        return 1
    if "主动公开" in t and "申请" not in t and "问题" not in t:
        return 2
    if "收到和处理" in t or ("申请" in t and "公开" in t and "复议" not in t):
        return 3
    if "复议" in t or "诉讼" in t:
        return 4
    if "问题" in t and any(w in t for w in _PLANS):
        return 5
    if t.startswith("其他需要报告") or t in ("其他事项", "其他需报告的事项") or "需要报告的事项" in t:
        return 6
    return None


def match_heading(numeral: str, title: str) -> HeadingMatch | None:
    """The part (1–6) a heading names by its words, with tolerance; None when it names no part.

    The numeral does not decide the part: reports renumber ("三、主动公开政府信息情况" after a lost
    part, "七、其他需要报告的事项"), so a numeral that is not the part's is recorded as damage. A
    wording one or two characters away from the format's is the part too: one character inserted,
    dropped or changed ("行政法复议", "总体倩况") is recorded as damaged characters unless it is a small
    word ("的", "和", "及"); two apart ("整改措施" for "改进措施") is a rewording, as key words alone are."""
    t = re.sub(r"\s+", "", title).rstrip("*")
    if not t or len(t) > 30 or any(w in t for w in _NOT_A_HEADING):
        return None
    found = None
    for number, variants in spec.PART_HEADING_VARIANTS.items():
        if t in variants:
            found = HeadingMatch(number, numeral, title.rstrip("* "), EXACT)
            break
    if found is None and (near := _nearest(t)) is not None:
        number, wording, distance = near
        damaged = distance == 1 and not set(_changed(t, wording)) <= _SOFT
        found = HeadingMatch(number, numeral, title.rstrip("* "), CLOSE, (("characters", wording),) if damaged else ())
    if found is None and not _SENTENCE.search(t) and (number := _by_words(t)) is not None:
        found = HeadingMatch(number, numeral, title.rstrip("* "), WORDS)
    if found is not None and numeral != spec.NUMERALS[found.number - 1]:
        found = found.with_damage(("ordinal", numeral))
    return found


def part_of_heading(numeral: str, title: str) -> int | None:
    """The part (1–6) a heading title names, by its words; None when it names no part."""
    found = match_heading(numeral, title)
    return None if found is None else found.number


def is_chrome(line: str) -> bool:
    """Site chrome, a page footer or a table border; a long line is content whatever it starts with."""
    if len(line) > 120:
        return False
    text = line.strip()
    chrome = _CHROME_WHOLE.fullmatch(text) or _CHROME_START.match(text) or _CHROME_ANYWHERE.search(text)
    return bool(_FOOTER.match(line) or chrome or _META_TABLE.match(line) or is_rule_line(line))


class Heading(Token):
    """A part heading token with what it says (:class:`HeadingMatch`)."""

    __slots__ = ("match",)

    @classmethod
    def of(cls, kind: str, text: str, match: HeadingMatch, *, start_pos: int, line: int, column: int) -> Heading:
        end_line = line + text.count("\n")
        end_column = len(text.rsplit("\n", 1)[-1]) + (1 if end_line > line else column)
        tok = cls(kind, text, start_pos=start_pos, line=line, column=column, end_line=end_line, end_column=end_column)
        tok.match = match
        return tok


# A numeral and its separator: what every heading line has near its start.
_HEAD_HINT = re.compile(r"[一二三四五六七八九十]\s*[、.,]")
# A numeral alone on its line: a heading whose title went to the next line, or a table label's first
# characters ("三、" of "三、本年度办理结果").
# A heading's start at the end of a line, after a sentence: numeral, 、 and up to 20 title characters.
_RUN_IN_TAIL = re.compile(r"([一二三四五六])\s*[、.]\s*([^\s,。;!?]{1,20})\s*$")
_EXACT_TITLES = frozenset(v for vs in spec.PART_HEADING_VARIANTS.values() for v in vs)
_BARE_NUMERAL = re.compile(r"^\s*([一二三四五六七八九十])\s*[、.,]\s*$")
# A line that starts a numbered item or a bracketed one is not the tail of a heading above it.
_NUMBERED = re.compile(r"[一二三四五六七八九十]\s*[、.,]|[(\[【第]")


class _Cutter:
    """Finds the part headings and table 二 item heads of a line, where the line must be cut.

    Why Python and not the grammar: whether "三、…" opens a part depends on its wording measured
    against the format's (a character inserted or dropped, key words only, a table row that starts
    like a heading), on stray characters before it and on the next line (a heading split over two
    lines) — a judgment of similarity, not a sequence of tokens. The grammar gets the outcome, one
    heading token per part heading, and describes the order of parts and items over them."""

    @staticmethod
    def shape(line: str) -> tuple[int, str, str, str] | None:
        """(column where the heading starts, stray prefix, numeral, title) of a line shaped like a
        heading alone on its line, whatever its words."""
        lead = len(line) - len(line.lstrip())
        if not _HEAD_HINT.search(line, lead, lead + 16):  # a cheap first test: a numeral and 、 near the start
            return None
        text = line.strip()
        if len(text) > 2 and text[0] == "|" and text[-1] == "|":  # a markdown row holding the heading
            pos = line.index("|") + 1
            pos += len(line) - pos - len(line[pos:].lstrip())
            m = _LINE_HEADING.match(line[pos:])
            title = m.group(2).rstrip(" |\t") if m else ""
            return (pos, "", m.group(1), title) if title else None
        pos = _MARKUP.match(line).end()
        prefix = ""
        stray = _STRAY.match(line, pos)
        if stray:
            prefix = stray.group(0).strip()
        m = _LINE_HEADING.match(line[stray.end() if stray else pos :])
        if not m:
            return None
        return pos, prefix, m.group(1), m.group(2)

    @staticmethod
    def line_heading(line: str) -> tuple[int, HeadingMatch] | None:
        """(column, match) of a part heading alone on its line."""
        shape = _Cutter.shape(line)
        if shape is None:
            return None
        pos, prefix, numeral, title = shape
        found = match_heading(numeral, title)
        if found is None:
            return None
        return pos, found.with_damage(("prefix", prefix)) if prefix else found

    @staticmethod
    def split_heading(line: str, following: str) -> tuple[int, HeadingMatch] | None:
        """(column, match) of a part heading whose title runs onto the next line ("五、存在的主要问题及" /
        "改进情况"): only when the two lines together give the format's wording (or one a character or
        two from it) and the line alone gives less."""
        shape = _Cutter.shape(line)
        tail = following.strip()
        if shape is None and (bare := _BARE_NUMERAL.match(line)):  # "五、" alone, its title on the next line
            shape = (bare.start(1), "", bare.group(1), "")
        if shape is None or not 1 < len(tail) <= 30 - len(shape[3]) or _SENTENCE.search(tail) or _NUMBERED.match(tail):
            return None
        if any(ch.isdigit() for ch in tail) or is_chrome(following):
            return None
        pos, prefix, numeral, title = shape
        alone = match_heading(numeral, title)
        if alone is not None and alone.strength == EXACT:
            return None
        joined = match_heading(numeral, title.rstrip() + tail)
        if joined is None or joined.strength < CLOSE or (alone is not None and joined.strength <= alone.strength):
            return None
        joined = attrs.evolve(joined, title=title.rstrip() + tail)
        return pos, joined.with_damage(*((("prefix", prefix),) if prefix else ()), ("split", tail))

    @staticmethod
    def run_in_split(line: str, following: str) -> tuple[int, int, HeadingMatch] | None:
        """(column in ``line``, characters of ``following`` it takes, match) of a heading run into the
        end of a sentence and wrapped onto the next line, which then goes on with the part's text
        ("…前文结束。一、总体情" / "况2024 年，我市…"): only the format's exact wording, completed by the
        start of the next line, counts."""
        end = max(line.rfind("。"), line.rfind(";"), line.rfind("!"))
        start = end + 1
        while 0 < start < len(line) and line[start] == " ":
            start += 1
        m = _RUN_IN_TAIL.match(line, start) if end >= 0 else None
        if m is None:
            return None
        numeral, head = m.group(1), m.group(2)
        nxt = following.lstrip()
        lead = len(following) - len(nxt)
        for take in range(1, min(len(nxt), 12) + 1):
            found = match_heading(numeral, head + nxt[:take])
            if found is not None and found.strength == EXACT and (head + nxt[:take]) in _EXACT_TITLES:
                found = attrs.evolve(found, title=head + nxt[:take])
                return m.start(1), lead + take, found.with_damage(("split", nxt[:take]))
        return None

    @staticmethod
    def cuts(line: str) -> list[tuple[int, int, str, object]]:
        """(start, end, token type, payload) of each heading / item head found in the line."""
        found = []
        heading = _Cutter.line_heading(line)
        if heading is not None:
            pos, match = heading
            return [(pos, len(line.rstrip()), PART_TOKEN[match.number], match)]
        if ("、" in line or "." in line) and (len(line) > 60 or "\t" not in line):
            for m in _INLINE_HEADING.finditer(line):
                match = match_heading(m.group(1), m.group(2))
                if match is not None:
                    found.append((m.start(), m.end(), PART_TOKEN[match.number], match))
            for m in _INLINE_PROBLEMS.finditer(line) if len(line) > 60 else ():
                match = match_heading(m.group(1), m.group(2))
                if match is not None and not any(a <= m.start() < b for a, b, *_ in found):
                    found.append((m.start(), m.end(), PART_TOKEN[match.number], match))
            if len(line) > 60:  # a crawler's one-line report: damaged headings inside it too
                taken = [(f[0], f[1]) for f in found]
                for m in _INLINE_NUMERAL.finditer(line):
                    if not any(a <= m.start() < b for a, b in taken) and (near := _near_at(line, m.end())):
                        number, wording, end, damaged = near
                        damage = (("characters", wording),) if damaged else ()
                        match = HeadingMatch(number, m.group(1), line[m.end() : end], CLOSE, damage)
                        if m.group(1) != spec.NUMERALS[number - 1]:
                            match = match.with_damage(("ordinal", m.group(1)))
                        found.append((m.start(), end, PART_TOKEN[number], match))
        for m in _T2_ITEM.finditer(line) if "条" in line else ():
            kind = T2_ITEM_TOKEN.get(m.group(1), "T2_ITEM_OTHER")
            found.append((m.start(), m.end(), kind, m.group(1)))
        found.sort(key=lambda f: (f[0], f[1]))
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
    joined = False  # this line is the tail of a heading split over two lines: already in its token
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip()
        if joined:
            joined = False
        elif stripped.isdigit() and stripped.isascii() and len(stripped) <= MAX_NUMBER_DIGITS:  # one cell per line
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
            elif lineno < len(lines) and (run_in := _Cutter.run_in_split(line, lines[lineno])) is not None:
                pos, take, match = run_in
                following = lines[lineno]
                _plain(line[:pos], lineno, offset, 0, tokens)
                text = line[pos:].rstrip() + "\n" + following[:take]
                tokens.append(
                    Heading.of(
                        PART_TOKEN[match.number], text, match, start_pos=offset + pos, line=lineno, column=pos + 1
                    )
                )
                rest = following[take:]
                if rest.strip():
                    _plain(rest, lineno + 1, offset + len(line) + 1, take, tokens)
                joined = True
            elif lineno < len(lines) and (split := _Cutter.split_heading(line, lines[lineno])) is not None:
                pos, match = split
                text = line[pos:].rstrip() + "\n" + lines[lineno].rstrip()
                if pos > 0:
                    _plain(line[:pos], lineno, offset, 0, tokens)
                kind = PART_TOKEN[match.number]
                tokens.append(Heading.of(kind, text, match, start_pos=offset + pos, line=lineno, column=pos + 1))
                joined = True
            else:
                _lex_line(line, lineno, offset, tokens)
        offset += len(line) + 1
    return tokens


def _lex_line(line: str, lineno: int, offset: int, tokens: list) -> None:
    pos = 0
    for start, end, kind, payload in _Cutter.cuts(line) + [(len(line), len(line), None, None)]:
        if start > pos:
            _plain(line[pos:start], lineno, offset, pos, tokens)
        if isinstance(payload, HeadingMatch):
            tokens.append(
                Heading.of(kind, line[start:end], payload, start_pos=offset + start, line=lineno, column=start + 1)
            )
        elif kind is not None:
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


def text_segment(tok: Token) -> Segment:
    """A heading token taken back as plain text (a sub-topic heading that is no part), with its atoms."""
    text = tok.value.split("\n", 1)[0]
    return Segment.of(
        "TEXT",
        text,
        scan_segment(text, tok.line, tok.column),
        start_pos=tok.start_pos,
        line=tok.line,
        column=tok.column,
    )


class ReportLexer(Lexer):
    """Adapter so lark's LALR parser takes the pre-cut token list."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, data: list) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)
