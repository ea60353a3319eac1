"""HTML reader: the report's article body as lines, each table row one line of TAB-separated cells.

Reports are published as web pages far more often than as files. A page is more than the report:
navigation, breadcrumbs, share buttons, a footer with "关闭窗口". Saving the page as text (what a
crawler does) mixes all of that into the report and flattens its tables into one cell per line,
which the table reader then has to guess back. Reading the HTML keeps what the page already knows:

* **Recognised by content**: a page starts with (or its first 8 KiB hold) an HTML tag; the suffix
  only decides for a fragment. Plain-text reports hold no tags and are left to the text reader.
* **Encoding**: a BOM, then the page's ``<meta charset>``, then strict UTF-8, then GB18030 (a
  superset of the GB2312/GBK that Chinese sites declare). A declaration the bytes contradict loses
  to an encoding that reads them cleanly — the content wins. Bytes that are valid UTF-8 and not
  plain ASCII are UTF-8 whatever the page declares (a crawler that saved the page as UTF-8 keeps
  the site's ``charset=gb2312``; legacy Chinese text is practically never valid UTF-8), and a
  declared legacy charset whose reading names no report gives way to a clean reading that does
  (a refusal names the declared encoding it read the page in).
* **Parsed with lxml** without network access and without expanding entities; scripts, styles,
  forms, navigation, headers and footers are dropped.
* **The article body** is the deepest element holding the most of the six part headings ("总体情况"
  … "其他需要报告的事项"), widened while the widening adds only a little text (the title and date
  above the article); a title further away is taken from the page's nearest preceding title line.
  A page without a report is refused ("网页中找不到年度报告正文").
* **Tables** are expanded into a grid (``rowspan``/``colspan``, clamped when absurd); each cell is
  emitted once, in the first row it occupies, so "三、本年度办理结果" spanning seven rows is one
  label and the rows below it start with their own labels. Empty cells before a row's first text
  are dropped (a merged label continued from above holds no value); later empty cells are kept (a
  blank number cell is a value). A table used for page layout (a cell holding long text, two part
  headings or a sizeable table) is read as blocks, not as data; a small table inside a cell is
  flattened into the cell's text.

Everything is iterative and linear in the page's size: a page nested 10,000 levels deep or holding
``rowspan="99999999"`` gets an answer, not a crash. libxml2 stops reading a page at its 2,048th
level of nesting; the text after that point is lost, and the answer says so: a refusal that names
the nesting when no report was found before it, else a "truncated" note (EXT005).
"""

from __future__ import annotations

import bisect
import codecs
import functools
import re

from ogilint.document import Document, clean_cell
from ogilint.errors import UnusableInput
from ogilint.hookspec import hookimpl
from ogilint.reading.bounded import read_bounded
from ogilint.reading.guard import MAX_FILE_BYTES

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
MAX_ELEMENTS = 300_000  # a report page has a few thousand elements
MAX_ROWSPAN, MAX_COLSPAN = 1000, 100
MAX_GRID_COLUMNS = 1000  # grid columns tracked for rowspans; cells beyond are placed unchecked
MAX_GRID_STEPS = 2_000_000  # slot visits per table before the grid falls back to source order
WIDEN_TEXT = 300  # characters the body may gain when widened to its title
LAYOUT_CELL_TEXT = 300  # a cell this long is a layout box, not a data cell
NESTED_TABLE_TEXT = 100  # a table inside a cell smaller than this is flattened into the cell's text
NO_REPORT = "网页中找不到年度报告正文"

# --- recognising a page ----------------------------------------------------------------------------

_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|table|p)[\s>/]|<!--", re.I)
_ANYWHERE = re.compile(r"<(?:html|body|table)[\s>]", re.I)
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.I)


def _probe(head: bytes) -> str:
    """The head as text good enough to see ASCII tags in, whatever its encoding."""
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return head.decode("utf-16", "ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head.decode("latin-1")


def is_html(path: str, head: bytes) -> bool:
    probe = _probe(head)
    text = probe.lstrip(" \t\r\n\f\ufeff")
    if _START.match(text) or _ANYWHERE.search(probe):
        return True
    return path.lower().endswith(SUFFIXES) and bool(_TAG.search(probe))


# --- encoding --------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.I)
_GB = {
    "gb2312",
    "gbk",
    "gb18030",
    "cp936",
    "x-gbk",
    "gb_2312-80",
    "csgb2312",
    "windows-936",
    "euc-cn",
    "x-euc-cn",
    "iso-ir-58",
    "chinese",
}
_WESTERN = ("latin", "iso8859", "cp125", "ascii", "windows-125", "iso-8859", "cp437", "cp850")


def _declared(head: bytes):
    """(codec, trusted) from the page's ``<meta charset>``; codec None when absent or unknown."""
    m = _META_CHARSET.search(head)
    if not m:
        return None, False
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    if name in _GB:
        return "gb18030", True
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None, False
    if codec.startswith(("utf-16", "utf-32")):
        return None, False  # a page without a UTF-16 BOM is not UTF-16 (the HTML standard agrees)
    # Chinese sites often declare a Western charset by mistake; it decodes anything, so it goes last.
    return codec, not codec.startswith(_WESTERN)


def _candidates(data: bytes, head: bytes) -> tuple[bytes, list[tuple[str, str]]]:
    """(the bytes without a BOM, [(codec, name)] to try, best first)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:], [("utf-8", "utf-8-sig")]
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data, [("utf-16", "utf-16")]
    declared, trusted = _declared(head)
    order = ["utf-8", "gb18030"]
    if declared:
        order = [declared] + order if trusted else order + [declared]
        if trusted and not data.isascii():
            order.insert(0, "utf-8")  # valid UTF-8 beyond ASCII is UTF-8, whatever is declared
    return data, [(c, c) for c in dict.fromkeys(order)]


def decodings(data: bytes, head: bytes):
    """Each clean reading of the page, best first, as (text, encoding used); when no candidate
    decodes the bytes strictly, the least damaged reading alone (or a reason)."""
    data, candidates = _candidates(data, head)
    clean = False
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        clean = True
        yield text, name
    if clean:
        return
    best = None
    for codec, name in candidates:
        try:
            text = data.decode(codec, "replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, name)
    if best is None or best[0] > max(16, len(best[1]) // 20):
        raise UnusableInput("无法识别网页的文字编码(既不是所声明的编码,也不是 UTF-8 或 GB18030)")
    yield best[1], best[2]


def decode_page(data: bytes, head: bytes) -> tuple[str, str]:
    """(text, encoding used) of the best reading (see :func:`decodings`)."""
    return next(decodings(data, head))


# --- parsing and dropping what is not content -----------------------------------------------------

NOT_CONTENT = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "math",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "map",
)
CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|bdsharebuttonbox|dqwz|weizhi|"
    r"position|location|toolbar|sidebar|footer|copyright)(?:$|[\s_-])",
    re.I,
)
_CHROME_GUARD = re.compile(r"年度报告|总体情况|主动公开政府信息|收到和处理|行政复议|存在的主要问题|其他需要报告")
CHROME_TEXT_LIMIT = 2000


_DEPTH = re.compile(r"Excessive depth[^0-9]{0,40}(\d{1,9})", re.I)  # libxml2's message


def _stopped_at_depth(parser):
    """The nesting depth at which libxml2 gave up reading the page, or None when it read it all."""
    for error in parser.error_log:
        m = _DEPTH.search(error.message or "")
        if m:
            return int(m.group(1))
    return None


def _parse(text: str):
    """(root, depth at which the parser stopped or None)."""
    from lxml import etree, html

    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8", huge_tree=True, default_doctype=False
    )
    data = text.replace("\x00", "").encode("utf-8", "replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise UnusableInput(f"网页无法解析 ({str(exc)[:120]})") from None
    if root is None:
        raise UnusableInput("网页是空的")
    if root.xpath("count(//*)") > MAX_ELEMENTS:  # counted in C, before any Python walks the tree
        raise UnusableInput(f"网页元素超过 {MAX_ELEMENTS} 个,不像一份年度报告")
    return root, _stopped_at_depth(parser)


def _page_title(root) -> str:
    for el in root.iter("title"):
        return _collapse(el.text_content() or "")
    return ""


def _drop(el) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _short_text(el) -> str | None:
    """The element's text when it is short, None when it is long (then it is content, not chrome)."""
    out, size = [], 0
    for piece in el.itertext():
        out.append(piece)
        size += len(piece)
        if size > CHROME_TEXT_LIMIT or len(out) > CHROME_TEXT_LIMIT:
            return None
    return "".join(out)


def _drop_chrome(root) -> None:
    from lxml import etree

    etree.strip_elements(root, *NOT_CONTENT, with_tail=False)
    chrome = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in CHROME_TAGS or (
            tag not in ("html", "body") and _CHROME_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        ):
            chrome.append(el)
    for el in chrome:
        text = _short_text(el)
        if text is not None and not _CHROME_GUARD.search(_WS.sub("", text)):
            _drop(el)


# --- where the report is ---------------------------------------------------------------------------

_WS = re.compile(r"\s+")
PART_WORDS = (
    ("总体情况",),
    ("主动公开政府信息情况", "主动公开政府信息"),
    ("收到和处理政府信息公开申请",),
    ("政府信息公开行政复议", "申请行政复议"),
    ("存在的主要问题",),
    ("其他需要报告的事项", "其他需要报告", "其他需报告"),
)
ROW_LABELS = (
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "结转下年度继续办理",
    "本年制发件数",
    "现行有效件数",
    "予以公开",
    "不予公开",
    "本年新制作数量",
    "本年新公开数量",
)


class _Index:
    """Every element's place in the page's text with whitespace removed (one linear pass), and where
    the part headings and the report's tables stand in that text."""

    def __init__(self, root):
        pieces: list[str] = []
        pos = 0
        self.span: dict = {}  # element -> [start, end, depth, order]
        self.order: list = []
        stack = [(root, 0, False)]
        while stack:
            el, depth, closing = stack.pop()
            if closing:
                self.span[el][1] = pos
                if el is not root and el.tail:
                    piece = _WS.sub("", el.tail)
                    pieces.append(piece)
                    pos += len(piece)
                continue
            if len(self.order) >= MAX_ELEMENTS:
                raise UnusableInput(f"网页元素超过 {MAX_ELEMENTS} 个,不像一份年度报告")
            self.span[el] = [pos, pos, depth, len(self.order)]
            self.order.append(el)
            if isinstance(el.tag, str) and el.text:
                piece = _WS.sub("", el.text)
                pieces.append(piece)
                pos += len(piece)
            stack.append((el, depth, True))
            stack.extend((child, depth + 1, False) for child in reversed(el))
        self.text = "".join(pieces)
        self._found: dict[str, list[int]] = {}
        self.layout: dict = {}  # table -> is it a layout table (decided once)

    def length(self, el) -> int:
        start, end = self.span[el][:2]
        return end - start

    def occurrences(self, word: str) -> list[int]:
        if word not in self._found:
            found, i = [], self.text.find(word)
            while i >= 0:
                found.append(i)
                i = self.text.find(word, i + 1)
            self._found[word] = found
        return self._found[word]

    def contains(self, el, word: str) -> bool:
        return self._within(el, self.occurrences(word), len(word))

    def _within(self, el, found: list[int], size: int) -> bool:
        start, end = self.span[el][:2]
        i = bisect.bisect_left(found, start)
        return i < len(found) and found[i] + size <= end

    @functools.cached_property
    def mentioned(self) -> list:
        """Per part, (word, places) of each of its words anywhere in the text."""
        return [[(w, self.occurrences(w)) for w in words] for words in PART_WORDS]

    def headed(self) -> list:
        """Per part, (word, places) where the word stands as a heading: "一、总体情况" is one,
        "内容包括总体情况、…" is a mention."""
        return [
            [(w, [i for i in found if _is_heading(self.text, i)]) for w, found in words] for words in self.mentioned
        ]

    def score(self, el, parts) -> int:
        return sum(1 for words in parts if any(found and self._within(el, found, len(w)) for w, found in words))


_HEADING_MARK = re.compile(
    r"(?:[一二三四五六七八九十][、.．]|[(（][一二三四五六七八九十][)）]|第[一二三四五六]部分)[^。;；,，:：]{0,12}$"
)


def _is_heading(text: str, at: int) -> bool:
    return bool(_HEADING_MARK.search(text, max(0, at - 16), at))


def _report_tables(index: _Index) -> list:
    """Data tables holding the report's row labels ("本年新收政府信息公开申请数量" …)."""
    return [
        el
        for el in index.order
        if el.tag == "table" and not _is_layout(el, index) and any(index.contains(el, label) for label in ROW_LABELS)
    ]


def _tables_inside(index: _Index, el, starts: list[int], tables: list) -> int:
    start, end = index.span[el][:2]
    count, i = 0, bisect.bisect_left(starts, start)
    while i < len(starts) and starts[i] < end and count < 8:
        if index.span[tables[i]][1] <= end:
            count += 1
        i += 1
    return count


def find_body(index: _Index):
    """The report's element: the deepest one holding the most part headings and report tables;
    widened while that adds only a little text (the title and date above the article)."""
    headed, mentioned = index.headed(), index.mentioned
    shortest = min(len(w) for words in PART_WORDS for w in words)
    sized = [el for el in index.order if index.length(el) >= shortest]
    top = max((index.score(el, headed) for el in sized), default=0)
    parts = headed if top >= 2 else mentioned
    tables = _report_tables(index)
    starts = [index.span[t][0] for t in tables]
    best, best_key = None, None
    for el in sized:
        key = (index.score(el, parts), _tables_inside(index, el, starts, tables), index.span[el][2])
        if best_key is None or key > best_key:
            best, best_key = el, key
    if best is None or (best_key[0] < 2 and best_key[1] == 0):
        raise UnusableInput(NO_REPORT)
    body, size = best, index.length(best)
    parent = body.getparent()
    while parent is not None and index.length(parent) - size < WIDEN_TEXT:
        body, parent = parent, parent.getparent()
    return body


def _title_before(index: _Index, body):
    """The smallest short element before the body naming a report ("…年度报告"), or None."""
    start = index.span[body][0]
    found = [i for i in index.occurrences("年度报告") if i < start]
    if not found or index.contains(body, "年度报告"):
        return None
    at = found[-1]
    best = None
    for el in index.order[: index.span[body][3]]:
        s, e = index.span[el][:2]
        if s <= at < e <= start and e - s <= 200:
            best = el  # later in document order and containing the title: deeper
    return best


# --- text lines ------------------------------------------------------------------------------------

BLOCK = frozenset(
    (
        "html",
        "body",
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "aside",
        "blockquote",
        "pre",
        "address",
        "center",
        "hr",
        "figure",
        "figcaption",
        "fieldset",
        "legend",
        "details",
        "summary",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "title",
        "header",
        "footer",
        "nav",
        "menu",
        "dir",
        "listing",
        "xmp",
        "plaintext",
    )
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n\s*(?=[{_CJK}])")
_CHROME_LINE = re.compile(
    r"^(?:[【\[]?(?:关闭窗口|关闭本页|打印本页|打印此页|打印|关闭|返回顶部|返回|收藏本页|收藏|我要纠错)[】\]]?\s*)+$"
    r"|^分享到[::]?.{0,40}$|^扫一扫在手机(?:上)?打开当前页$|^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[::].{0,80}$"
    r"|^首页\s*[>›»].{0,80}$|^字号[::]?\s*[\[【]?大[\]】]?\s*[\[【]?中[\]】]?\s*[\[【]?小[\]】]?$"
)


def _collapse(text: str) -> str:
    """One line of text: a source line break between Chinese characters vanishes, other whitespace
    (``&nbsp;`` and full-width spaces too) becomes one space."""
    return clean_cell(_WS.sub(" ", _WRAP.sub("", text)).strip())


def _flow(root, index: _Index | None, tables: bool) -> list[str]:
    """The element's text cut into lines at block boundaries. With ``tables``, data tables become
    TAB-separated rows and ``<pre>`` keeps its lines; without, tables are read as blocks."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            line = _collapse("".join(buf))
            buf.clear()
            if line:
                out.append(line)

    stack = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in BLOCK:
                flush()
            if el is not root and el.tail:
                buf.append(el.tail)
            continue
        stack.append((el, True))
        if tables and tag == "table" and not _is_layout(el, index):
            flush()
            out.extend(table_lines(el))
            continue
        if tables and tag in HEADINGS:
            flush()
            line = _collapse(_join_pieces(_flow(el, None, tables=False)))
            if line:
                out.append(line)  # a title wrapped with <br> is still one title
            continue
        if tables and tag == "pre":
            flush()
            out.extend(_pre_lines(el))
            continue
        if tag in BLOCK:
            flush()
        if tag and el.text:
            buf.append(el.text)
        stack.extend((child, False) for child in reversed(el))
    flush()
    return out


def _pre_lines(el) -> list[str]:
    """Preformatted text keeps its lines and its TABs (a text report pasted into a page)."""
    out = []
    for line in (el.text_content() or "").splitlines():
        line = re.sub(r"[^\S\t]+", " ", line).strip(" ")
        if line.strip():
            out.append(line)
    return out


def _join_pieces(pieces: list[str]) -> str:
    """A cell's wrapped pieces joined: Chinese needs no space, two ASCII words or numbers do."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() and piece[:1].isascii() and piece[:1].isalnum():
            out.append(" ")
        out.append(piece)
    return "".join(out)


def _cell_text(cell) -> str:
    return clean_cell(_join_pieces(_flow(cell, None, tables=False)))


# --- tables ----------------------------------------------------------------------------------------

_LEADING_INT = re.compile(r"(?<!\s)\s*\+?(\d{1,9})")  # (?<!\s): never starts inside white space


def _span(value, cap: int) -> int:
    m = _LEADING_INT.match(value or "")
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), cap)


def _own_rows(table) -> list:
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _own_cells(row) -> list:
    return [c for c in row if c.tag in ("td", "th")]


def _is_layout(table, index: _Index | None) -> bool:
    """A table that frames the page rather than holding data: it has one cell, or a cell holding
    long text, two part headings or a sizeable table of its own. (A title row naming one part, or a
    small table inside a cell, is still data.)"""
    if index is None or table not in index.span:
        return False
    if table not in index.layout:
        cells = [c for row in _own_rows(table) for c in _own_cells(row)]
        index.layout[table] = len(cells) <= 1 or any(_layout_cell(cell, index) for cell in cells)
    return index.layout[table]


def _layout_cell(cell, index: _Index) -> bool:
    if cell not in index.span:
        return False
    size = index.length(cell)
    if size >= LAYOUT_CELL_TEXT or (size >= 8 and index.score(cell, index.mentioned) >= 2):
        return True
    inner = cell.find(".//table")
    return inner is not None and inner in index.span and index.length(inner) >= NESTED_TABLE_TEXT


def grid(rows: list[list]) -> list[tuple[int, int, object]]:
    """(row, column, cell) of every cell, placed as a browser places it: a cell spanning rows
    occupies its columns in the rows below, shifting their cells right. Spans are clamped; a
    table whose spans would take too much work keeps its cells in source order."""
    busy: list[int] = []  # busy[c]: the first row in which grid column c is free again
    placed = []
    steps = 0
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            while c < len(busy) and busy[c] > r and steps < MAX_GRID_STEPS:
                c += 1
                steps += 1
            rowspan = min(_span(cell.get("rowspan"), MAX_ROWSPAN), len(rows) - r)
            colspan = _span(cell.get("colspan"), MAX_COLSPAN)
            placed.append((r, c, cell))
            if rowspan > 1 and c < MAX_GRID_COLUMNS and steps < MAX_GRID_STEPS:
                end = min(c + colspan, MAX_GRID_COLUMNS)
                if end > len(busy):
                    busy.extend([0] * (end - len(busy)))
                for k in range(c, end):
                    busy[k] = max(busy[k], r + rowspan)
                steps += end - c
            c += colspan
    placed.sort(key=lambda t: (t[0], t[1]))
    return placed


def table_lines(table) -> list[str]:
    """One line per table row: the cells that start in the row, TAB-separated."""
    out = [_cell_text(cap) for cap in table if cap.tag == "caption"]
    out = [line for line in out if line]
    rows = [_own_cells(row) for row in _own_rows(table)]
    texts: list[list[str]] = [[] for _ in rows]
    for r, _c, cell in grid(rows):
        texts[r].append(_cell_text(cell))
    for cells in texts:
        while cells and not cells[0]:
            cells.pop(0)  # a merged label continued from above holds no value
        if cells:
            out.append("\t".join(cells))
    return out


# --- the hook --------------------------------------------------------------------------------------


def _title_line(page_title: str) -> str | None:
    """The report's title from ``<title>`` ("…年度报告_某某市人民政府" → "…年度报告")."""
    # (no split starts inside a run of white space: linear on any title)
    for piece in re.split(r"(?:(?<!\s)|(?!\s))(?:\s*[_|｜]\s*|\s+[-—–]+\s+)", page_title):
        if "年度报告" in piece:
            return piece.strip()
    return None


def _too_deep(depth: int) -> str:
    return f"网页的元素嵌套超过 {depth} 层,解析器读到该处即停止"


def _read_text(text: str, encoding: str) -> Document:
    root, stopped = _parse(text)
    page_title = _page_title(root)
    _drop_chrome(root)
    index = _Index(root)
    try:
        body = find_body(index)
    except UnusableInput:
        if stopped is not None:
            raise UnusableInput(f"{_too_deep(stopped)},其后的内容(包括年度报告正文)无法读取") from None
        raise
    lines = _flow(body, index, tables=True)
    title = _title_before(index, body)
    if title is not None:
        lines = _flow(title, index, tables=True) + lines
    elif not index.contains(body, "年度报告") and (line := _title_line(page_title)):
        lines = [line] + lines
    lines = [line for line in lines if "\t" in line or not _CHROME_LINE.match(line)]
    if not lines:
        raise UnusableInput(NO_REPORT)
    notes = ()
    if stopped is not None:
        notes = (("truncated", f"{_too_deep(stopped)},其后的内容未被检查"),)
    return Document(lines=tuple(lines), format="html", encoding=encoding, notes=notes)


_REPORT_WORDS = ("年度报告", "总体情况", "政府信息公开")


def _names_a_report(text: str) -> bool:
    return any(word in text for word in _REPORT_WORDS)


def read_html(data: bytes, head: bytes) -> Document:
    """The page's report, in the best reading of its bytes (see :func:`decodings`). A declared
    legacy charset that reads the bytes cleanly but into nonsense (a Cyrillic code page decodes any
    byte) gives way to another clean reading that names a report; the choice is made on the text,
    so the page is parsed once."""
    readings = decodings(data, head)
    text, encoding = next(readings)
    if not data.isascii() and not encoding.startswith("utf-") and not _names_a_report(text):
        for other, other_encoding in readings:
            if _names_a_report(other):
                text, encoding = other, other_encoding
                break
            del other  # one spare reading in memory at a time
    try:
        return _read_text(text, encoding)
    except UnusableInput as exc:
        declared, _ = _declared(head)
        if exc.reason == NO_REPORT and encoding == declared and declared not in ("utf-8", "gb18030"):
            raise UnusableInput(
                f"{NO_REPORT}(按网页声明的编码 {declared} 读取,UTF-8 和 GB18030 也读不出报告)"
            ) from None
        raise


@hookimpl
def ogilint_read(path, head):
    """A crash inside is turned into a one-line reason by framework/reading/guard.py, the one door."""
    if not is_html(path, head):
        return None
    with open(path, "rb") as fh:
        data = read_bounded(fh, MAX_FILE_BYTES)
    return read_html(data, head)
