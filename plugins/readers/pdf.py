"""PDF reader: the text layer with character boxes (PDFium), rebuilt into lines and table rows.

Why PDFium (pypdfium2): on the six-page huaian report it reads every character box in ~25 ms,
against ~400 ms for pdfminer/pdfplumber (PyMuPDF is as fast but AGPL). Tables are rebuilt from
positions, not from a text dump:

* **Ruled tables** (most published reports): thin path objects are the rules. For each band
  between two horizontal rule levels, the vertical rules crossing it cut it into slots; a slot
  whose top is ruled starts a cell, one whose top is not is the continuation of a cell merged from
  above (a rowspan), and a missing vertical rule merges slots sideways (a colspan). A cell's text
  is every character inside its rectangle, its wrapped lines joined, so "三、本年度办理结果" written
  one character per line inside a tall merged cell comes out as one label, and an empty cell stays
  an empty cell.
* **Borderless tables and prose**: characters outside ruled cells are grouped into lines by their
  vertical position; a gap wider than about one character separates cells (a TAB), a smaller one
  becomes a space.

Page numbers and running headers ("- 3 -", "第3页") are dropped; each line keeps its page and its
line on the page. Pages without a text layer (scans) are read by OCR when the ``ocr`` extra is
installed (``plugins/readers/ocr/``, in a child process of its own); without it a PDF that is all
scan is refused with a clear "needs OCR" reason and the install command, and single scanned pages
inside a text PDF become a note the extraction rules report, as do pages past the bounds of work
below (too many rules, drawing objects or characters).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ogilint.document import Document, Origin, clean_cell
from ogilint.errors import UnusableInput
from ogilint.hookspec import hookimpl
from ogilint.reading.isolation import isolated
from ogilint.reading.ocr import INSTALL_HINT, ocr_installed

RULE_THICKNESS = 2.5  # points: a path thinner than this is a table rule
LEVEL_TOLERANCE = 2.0  # points: rules closer than this are one level
_PAGE_NUMBER = re.compile(r"^[-—–－]?\s*\d{1,4}\s*[-—–－]?$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
MAX_PAGES = 500
# Bounds of the work on a page and in the whole PDF. A real report page has a few dozen rules (the
# two real PDFs of the corpus: at most 45) and needs under 3,000 steps to rebuild its cells; a page
# past a bound is not a report page but a drawing made to exhaust the reader (a grid of 2000 × 400
# lines is 20 KB): it is noted as unreadable (EXT010) and its content is not checked.
MAX_RULES = 5000  # table rules on a page (a 30 × 17 table drawn cell by cell, four sides each: 2,040)
MAX_PATH_ITEMS = 50_000  # objects and path segments looked at (a form can repeat a drawing)
MAX_DOCUMENT_PATH_ITEMS = 500_000  # the same in the whole PDF (the real PDFs: at most 166 a page)
MAX_TABLE_WORK = 50_000  # steps rebuilding ruled cells: band crossings, level and bucket lookups
MAX_DOCUMENT_TABLE_WORK = 300_000  # the same in the whole PDF (a real report: about 10,000)
MAX_PAGE_CHARS = 30_000  # characters on a page (a dense real page: under 1,000)
MAX_DOCUMENT_CHARS = 500_000  # characters in the whole PDF
_INF = float("inf")

# PDFium's error codes (FPDF_ERR_*: 1 unknown, 2 file, 3 format) in the reason's words.
_PDFIUM_ERRORS = {1: "PDFium: 未知错误", 2: "PDFium: 文件无法打开或读取", 3: "PDFium: 不是有效的 PDF 格式"}


class _PageTooComplex(Exception):
    """A page past one of the bounds above; the message says which ("的表格线过多…")."""


@hookimpl
def ogilint_read(path, head):
    if not head.startswith(b"%PDF-") and not (path.lower().endswith(".pdf") and b"%PDF-" in head[:1024]):
        return None
    import pypdfium2  # noqa: F401 - imported here, once, so that the reading child inherits it

    # PDFium runs in a child process under a memory and a time limit: some files make it unfold
    # gigabytes inside C code, where nothing can stop it but the operating system.
    pages = isolated(_read_path, path, what="PDF ")
    ocr: tuple = ({}, [])
    if pages.no_text and ocr_installed():  # scanned pages: OCR, in a child of its own
        from ogilint.plugins.readers.ocr import scan
        from ogilint.plugins.readers.ocr.pdf_pages import read_scanned

        ocr = isolated(
            read_scanned,
            path,
            tuple(pages.no_text),
            what="PDF 扫描页",
            seconds=scan.child_seconds(len(pages.no_text)),
            memory=scan.CHILD_MEMORY,
        )
    return _document(pages, *ocr)


def _read_path(path) -> _Pages:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        message, code = str(exc), getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_SUCCESS:  # opened without error, but pypdfium2 refuses zero pages
            raise UnusableInput("PDF 中没有任何页面(页面目录为空),没有内容可检查") from None
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY) or "password" in message.lower():
            raise UnusableInput("PDF 已加密,需要密码才能读取") from None
        said = _PDFIUM_ERRORS.get(code)
        raise UnusableInput(f"PDF 文件已损坏或不完整,无法打开 ({said or message})") from None
    try:
        return _read(pdf)
    finally:
        pdf.close()


class _Pages:
    """What the reading child found, page by page (the OCR of scanned pages comes after)."""

    def __init__(self, pages, page_lines, no_text, unreadable, too_complex):
        self.pages = pages
        self.page_lines = page_lines  # per page: (text, top as a fraction of the height, None)
        self.no_text = no_text  # pages that show images but hold no text: scanned pages
        self.unreadable = unreadable
        self.too_complex = too_complex  # (page, why): past the bounds of _PageTooComplex


def _read(pdf) -> _Pages:
    pages = len(pdf)
    if pages == 0:
        raise UnusableInput("PDF 中没有任何页面(页面目录为空),没有内容可检查")
    if pages > MAX_PAGES:
        raise UnusableInput(f"PDF 有 {pages} 页,不像一份年度报告(上限 {MAX_PAGES} 页)")
    page_lines: list[list[tuple]] = []
    no_text: list[int] = []
    unreadable: list[int] = []
    too_complex: list[tuple[int, str]] = []
    budget = _Budget()
    for index in range(pages):
        try:
            page = pdf[index]
        except Exception:
            unreadable.append(index + 1)
            page_lines.append([])
            continue
        lines = []
        try:
            height = page.get_height() or 1.0
            lines = [(text, top / height, None) for text, top in _page_lines(page, budget)]
            if not lines and _has_images(page, budget):
                no_text.append(index + 1)
        except _PageTooComplex as exc:
            too_complex.append((index + 1, str(exc)))
        finally:
            page.close()
        page_lines.append(lines)
    return _Pages(pages, page_lines, no_text, unreadable, too_complex)


def _document(read: _Pages, ocr_pages: dict, ocr_notes: list) -> Document:
    """The document of the pages read, scanned pages replaced by their OCR (``{page: [Line]}``)."""
    pages, page_lines, unreadable, too_complex = read.pages, list(read.page_lines), read.unreadable, read.too_complex
    for number, lines in ocr_pages.items():
        page_lines[number - 1] = [(line.text, line.top, line) for line in lines]
    ocr_ran = bool(read.no_text) and ocr_installed()  # OCR's own notes then say what it could not read
    no_text = [] if ocr_ran else list(read.no_text)
    skipped = [f"PDF 文件已损坏,{len(unreadable)} 页无法读取"] if unreadable else []
    skipped += [f"PDF {_page_list(ns)}{why}" for why, ns in _by_reason(too_complex).items()]
    if not any(page_lines):
        if skipped:
            rest = pages - len(unreadable) - len(too_complex)
            raise UnusableInput(";".join(skipped) + (",其余页面没有文字" if rest else ""))
        if no_text:
            raise UnusableInput(f"PDF 没有文字层(扫描件),需要先做 OCR 才能检查;{INSTALL_HINT}")
        if ocr_ran:
            said = ";".join(message for _, message in ocr_notes)
            raise UnusableInput(f"PDF 没有文字层(扫描件),OCR 未能读出内容 ({said}),没有内容可检查")
        raise UnusableInput("PDF 中没有任何文字")
    running = _running_lines(page_lines)
    out_lines: list[str] = []
    origins: list[Origin] = []
    for number, lines in enumerate(page_lines, start=1):
        on_page = 0
        for text, top, ocr in lines:
            at_edge = top < 0.1 or top > 0.88  # in the margins; a lone "12" mid-page is a value
            if at_edge and (_PAGE_NUMBER.match(text.strip()) or text in running):
                continue
            on_page += 1
            out_lines.append(text)
            if ocr is None:
                origins.append(Origin(page=number, page_line=on_page))
            else:
                origins.append(Origin(page=number, page_line=on_page, boxes=ocr.boxes, confidences=ocr.confidences))
    if not out_lines:  # every line was a page number or a running header: say so, not "empty file"
        dropped = sum(len(lines) for lines in page_lines)
        reason = f"PDF 中的文字({dropped} 行)只有页边的页码或页眉页脚(已略去),没有正文可检查"
        raise UnusableInput(reason + "".join(f";{s}" for s in skipped))
    notes = tuple(
        ("page-no-text", f"PDF 第{n}页没有文字层(扫描页),其内容未被检查,需要 OCR;{INSTALL_HINT}") for n in no_text
    )
    notes += tuple(ocr_notes)
    notes += tuple(("page-unreadable", f"PDF 第{n}页已损坏,无法读取,其内容未被检查") for n in unreadable)
    for why, numbers in _by_reason(too_complex).items():
        notes += (("page-unreadable", f"PDF {_page_list(numbers)}{why},其内容未被检查"),)
    return Document(lines=tuple(out_lines), origins=tuple(origins), format="pdf", notes=notes)


def _by_reason(pages: list[tuple[int, str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for number, why in pages:
        out.setdefault(why, []).append(number)
    return out


def _page_list(numbers: list[int]) -> str:
    """第3页, 第3、5页, 第2–20页: runs of pages as ranges, so that 500 refused pages make one
    short line; past ten runs, "…等 N 页"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = "、".join(str(a) if a == b else f"{a}–{b}" for a, b in runs[:10])
    return f"第{shown}页" + (f"等 {len(numbers)} 页" if len(runs) > 10 else "")


def _has_images(page, budget: _Budget) -> bool:
    import pypdfium2.raw as raw

    count = raw.FPDFPage_CountObjects(page.raw)
    budget.spend_paths(count)
    return any(
        raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM)
        for i in range(count)
    )


def _running_lines(page_lines) -> set:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(page_lines) < 3:
        return set()
    edges = Counter()
    for lines in page_lines:
        for text, *_ in set(lines[:2] + lines[-2:]):
            edges[text] += 1
    return {t for t, n in edges.items() if n >= max(3, len(page_lines) * 0.6) and len(t) < 60}


# --- one page ---------------------------------------------------------------------------------


def _chars(page, budget: _Budget | None = None):
    """(char, x0, top, x1, bottom) in points from the top-left corner, generated chars skipped.

    Loose boxes (the font's full height) put "，" and "。" on the line of their neighbours. Past
    MAX_PAGE_CHARS characters (a few bytes of a compressed stream can draw a million), or once the
    PDF has given MAX_DOCUMENT_CHARS, the page is too complex."""
    import ctypes

    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    handle = textpage.raw
    box = raw.FS_RECTF()
    try:
        out = []
        count = raw.FPDFText_CountChars(handle)
        if count > MAX_PAGE_CHARS:
            raise _PageTooComplex(f"的文字过多(超过 {MAX_PAGE_CHARS} 个字符),不像报告的一页,无法读取")
        if budget is not None:
            budget.spend_chars(count)
        for i in range(count):
            code = raw.FPDFText_GetUnicode(handle, i)
            if code in (0, 0xFFFE, 0xFFFF) or code <= 32 or raw.FPDFText_IsGenerated(handle, i) == 1:
                continue
            if 0xD800 <= code <= 0xDFFF:  # UTF-16: a character beyond the BMP is two code units
                low = raw.FPDFText_GetUnicode(handle, i + 1) if i + 1 < count else 0
                if code <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                else:
                    code = 0xFFFD
            ch = chr(code)
            if ch.isspace() or not raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box)):
                continue
            left, right, bottom, top = box.left, box.right, box.bottom, box.top
            if not (-_INF < left < right < _INF and -_INF < bottom < top < _INF):
                continue  # empty, or NaN/inf from a damaged matrix: no place on the page
            out.append((ch, left, height - top, right, height - bottom))
        return out
    finally:
        textpage.close()


def _finite(*values: float) -> bool:
    return all(-_INF < v < _INF for v in values)


def _path_objects(page, budget: _Budget):
    """(raw object, left, bottom, right, top) of every path object on the page, nested ones too.

    Forms nest (four deep) and one form can be drawn many times, so a small file can unfold into
    millions of objects: each object looked at is spent from the ``budget``."""
    import ctypes

    import pypdfium2.raw as raw

    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    stack = [(raw.FPDFPage_CountObjects(page.raw), lambda i: raw.FPDFPage_GetObject(page.raw, i), 0)]
    while stack:
        count, get, depth = stack.pop()
        budget.spend_paths(count)
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                stack.append(
                    (
                        raw.FPDFFormObj_CountObjects(obj),
                        (lambda form: lambda j: raw.FPDFFormObj_GetObject(form, j))(obj),
                        depth + 1,
                    )
                )
            elif kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(
                obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
            ):
                out.append((obj, left.value, bottom.value, right.value, top.value))
    return out


def _rules(page, budget: _Budget):
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1), top-left coordinates.

    Word processors draw rules as thin filled rectangles; others stroke one path with many line
    segments (a whole grid). Large filled shapes are shading, not rules, and are ignored. Past
    MAX_RULES rules, or past the ``budget`` of objects and segments looked at, the page is too
    complex."""
    height = page.get_height()
    horizontal, vertical = [], []
    for obj, left, bottom, right, top in _path_objects(page, budget):
        if not _finite(left, bottom, right, top):
            continue
        width, tall = right - left, top - bottom
        if tall <= RULE_THICKNESS and width > RULE_THICKNESS:
            horizontal.append((height - (top + bottom) / 2, left, right))
        elif width <= RULE_THICKNESS and tall > RULE_THICKNESS:
            vertical.append(((left + right) / 2, height - top, height - bottom))
        elif width > RULE_THICKNESS and tall > RULE_THICKNESS and _stroked(obj):
            for x0, y0, x1, y1 in _segments(obj, budget):
                if not _finite(x0, y0, x1, y1):
                    continue
                if abs(y0 - y1) <= RULE_THICKNESS and abs(x1 - x0) > RULE_THICKNESS:
                    horizontal.append((height - (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
                elif abs(x0 - x1) <= RULE_THICKNESS and abs(y1 - y0) > RULE_THICKNESS:
                    vertical.append(((x0 + x1) / 2, height - max(y0, y1), height - min(y0, y1)))
        if len(horizontal) + len(vertical) > MAX_RULES:
            raise _PageTooComplex(f"的表格线过多(超过 {MAX_RULES} 条),无法还原为表格")
    return horizontal, vertical


def _stroked(path) -> bool:
    import ctypes

    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke)) and stroke.value)


def _segments(path, budget: _Budget):
    """Straight segments of a path in page coordinates (curves are not table rules); the segments
    looked at (at most 20,000 in one path) are spent from the ``budget``."""
    import ctypes

    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(path, ctypes.byref(matrix)):
        return []
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    out, start, current = [], None, None
    x, y = ctypes.c_float(), ctypes.c_float()
    count = min(raw.FPDFPath_CountSegments(path), 20000)
    budget.spend_paths(count)
    for i in range(count):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_LINETO and current is not None:
            out.append((*current, *point))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        current = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            out.append((*current, *start))
            current = start
    return out


def _levels(values: list[float]) -> list[float]:
    levels: list[float] = []
    for v in sorted(values):
        if not levels or v - levels[-1] > LEVEL_TOLERANCE:
            levels.append(v)
    return levels


def _page_lines(page, budget: _Budget | None = None) -> list[tuple[str, float]]:
    """(text, top) of the page's lines; ``budget``: the work left in the whole PDF."""
    budget = budget or _Budget()
    budget.start_page()
    chars = _chars(page, budget)
    if not chars:
        return []
    horizontal, vertical = _rules(page, budget)
    items: list[tuple[float, float, str]] = []  # (top, left, text)
    used = [False] * len(chars)
    if horizontal and vertical:
        items.extend(_ruled_rows(chars, used, horizontal, vertical, budget))
    free = [c for c, u in zip(chars, used) if not u]
    items.extend(_free_lines(free))
    items.sort(key=lambda t: (round(t[0], 1), t[1]))
    return [(text, top) for top, _left, text in items if text.strip()]


class _Budget:
    """The work left, on this page and in the whole PDF: characters read, drawing objects looked
    at, steps rebuilding ruled cells (500 pages each just under a page bound would still take
    minutes). Spent out, the page is too complex."""

    def __init__(self):
        self.chars = MAX_DOCUMENT_CHARS
        self.paths, self.document_paths = MAX_PATH_ITEMS, MAX_DOCUMENT_PATH_ITEMS
        self.page, self.document = MAX_TABLE_WORK, MAX_DOCUMENT_TABLE_WORK

    def start_page(self) -> None:
        self.paths, self.page = MAX_PATH_ITEMS, MAX_TABLE_WORK

    def spend_chars(self, count: int) -> None:
        self.chars -= count
        if self.chars < 0:
            raise _PageTooComplex("的文字未能读取(整份 PDF 的文字过多,超出读取上限)")

    def spend_paths(self, count: int) -> None:
        count = max(count, 0)  # PDFium counts -1 for an error
        self.paths -= count
        self.document_paths -= count
        if self.paths < 0:
            raise _PageTooComplex(f"的图形过多(超过 {MAX_PATH_ITEMS} 个图形或线段),无法读取")
        if self.document_paths < 0:
            raise _PageTooComplex("的图形未能读取(整份 PDF 的图形过多,超出读取上限)")

    def spend(self, steps: int) -> None:
        self.page -= steps
        self.document -= steps
        if self.page < 0:
            raise _PageTooComplex("的表格过于复杂(表格线交错过多),无法还原为表格")
        if self.document < 0:
            raise _PageTooComplex("的表格未能还原(整份 PDF 的表格过多,超出读取上限)")


class _Coverage:
    """Which x positions the horizontal rules of each level cover.

    A rule covers x at a level when it lies within LEVEL_TOLERANCE of the level and spans x (with
    the same tolerance at its ends). Asking every rule is quadratic on a grid (2000 rules asked a
    million times); here each level keeps the union of its rules' spans, merged and sorted, and a
    question is one bisect. The comparisons are those of the scan, on the same floats, so the
    answers are the same."""

    def __init__(self, horizontal, levels):
        rules = sorted(horizontal)
        ys = [y for y, _, _ in rules]
        self.starts: list[list[float]] = []
        self.ends: list[list[float]] = []
        for level in levels:  # levels are > LEVEL_TOLERANCE apart: a rule falls in two windows at most
            lo = bisect.bisect_left(ys, level - LEVEL_TOLERANCE - 1.0)  # a wider window, then the
            hi = bisect.bisect_right(ys, level + LEVEL_TOLERANCE + 1.0)  # exact test of the scan
            spans = sorted(
                (x0 - LEVEL_TOLERANCE, x1 + LEVEL_TOLERANCE)
                for y, x0, x1 in rules[lo:hi]
                if abs(y - level) <= LEVEL_TOLERANCE
            )
            starts: list[float] = []
            ends: list[float] = []
            for x0, x1 in spans:
                if ends and x0 <= ends[-1]:
                    ends[-1] = max(ends[-1], x1)
                else:
                    starts.append(x0)
                    ends.append(x1)
            self.starts.append(starts)
            self.ends.append(ends)

    def covers(self, k: int, x: float) -> bool:
        """Whether a rule at level number ``k`` covers ``x``."""
        i = bisect.bisect_right(self.starts[k], x) - 1
        return i >= 0 and x <= self.ends[k][i]


def _band_columns(levels, vertical, budget: _Budget) -> list[list[float]]:
    """For each band between two levels, the x levels of the vertical rules crossing its middle.

    A sweep down the page: the rules whose (tolerant) span has begun join, those that have ended
    leave, so each band looks only at the rules crossing it instead of at every rule."""
    spans = sorted((y0 - LEVEL_TOLERANCE, y1 + LEVEL_TOLERANCE, x) for x, y0, y1 in vertical)
    out, active, joined = [], [], 0
    for k in range(len(levels) - 1):
        middle = (levels[k] + levels[k + 1]) / 2
        while joined < len(spans) and spans[joined][0] <= middle:
            active.append(spans[joined])
            joined += 1
        active = [span for span in active if middle <= span[1]]
        budget.spend(len(active) + 1)
        out.append(_levels([x for _, _, x in active]))
    return out


class _CharIndex:
    """The characters not yet in a cell, found by rectangle without a scan of the whole band.

    Buckets by the x centre: each x of a vertical rule is a bucket of its own, and so is each open
    gap between two of them, so a cell [left, right] (both rule positions) is a run of whole
    buckets; only the buckets still holding characters are visited (rules drawn cell by cell, a
    hair apart, make many empty ones). Inside a bucket the characters are in page order (by y
    centre), so those in [top, bottom] are a slice; a cell takes its slice out."""

    def __init__(self, chars, order, xs: list[float]):
        self.xs = xs
        self.ys: dict[int, list[float]] = {}
        self.positions: dict[int, list[int]] = {}
        for position, i in enumerate(order):
            ch = chars[i]
            x = (ch[1] + ch[3]) / 2
            b = bisect.bisect_left(xs, x)
            bucket = 2 * b + 1 if b < len(xs) and xs[b] == x else 2 * b
            self.ys.setdefault(bucket, []).append((ch[2] + ch[4]) / 2)
            self.positions.setdefault(bucket, []).append(position)
        self.filled = sorted(self.ys)  # buckets holding characters

    def take(self, left: float, right: float, top: float, bottom: float, budget: _Budget) -> list[int]:
        """Positions (in page order) of the characters whose centre is in the rectangle; they
        leave the index."""
        first = 2 * bisect.bisect_left(self.xs, left) + 1
        last = 2 * bisect.bisect_left(self.xs, right) + 1
        start = bisect.bisect_left(self.filled, first)
        stop = bisect.bisect_right(self.filled, last, lo=start)
        budget.spend(stop - start + 1)
        taken: list[int] = []
        emptied = []
        for bucket in self.filled[start:stop]:
            ys = self.ys[bucket]
            lo = bisect.bisect_left(ys, top)
            hi = bisect.bisect_right(ys, bottom)
            if lo < hi:
                taken += self.positions[bucket][lo:hi]
                del ys[lo:hi], self.positions[bucket][lo:hi]
                if not ys:
                    emptied.append(bucket)
        for bucket in emptied:
            del self.filled[bisect.bisect_left(self.filled, bucket)]
        if len(taken) > 1:
            taken.sort()
        return taken


def _ruled_rows(chars, used, horizontal, vertical, budget: _Budget):
    """Table rows from the rules: one (top, left, "cell\\tcell…") per band that starts cells."""
    return [
        (top, left, "\t".join(text for text, _, _ in cells))
        for top, left, cells in _ruled_cells(chars, used, horizontal, vertical, budget)
    ]


def _ruled_cells(chars, used, horizontal, vertical, budget: _Budget):
    """Table rows from the rules: (top, left, cells) per band that starts cells, each cell
    (text, its characters, its rectangle (left, top, right, bottom)); the OCR reader keeps the
    characters and rectangles (plugins/readers/ocr/page.py).

    Characters go to the first cell, in reading order, whose rectangle holds their centre. The
    rules and characters are indexed (_Coverage, _band_columns, _CharIndex) so the work grows with
    the cells, not with cells × rules; past the ``budget`` the page is too complex."""
    levels = _levels([y for y, _, _ in horizontal])
    columns = _band_columns(levels, vertical, budget)
    coverage = _Coverage(horizontal, levels)
    order = sorted(range(len(chars)), key=lambda i: (chars[i][2] + chars[i][4]) / 2)
    index = _CharIndex(chars, order, sorted({x for x, _, _ in vertical}))
    rows = []
    for k, xs in enumerate(columns):
        if len(xs) < 2:
            continue
        top = levels[k]
        cells = []
        for left, right in zip(xs, xs[1:]):
            centre = (left + right) / 2
            if not coverage.covers(k, centre):
                continue  # merged from the band above: its text was taken there
            below = next((j for j in range(k + 1, len(levels)) if coverage.covers(j, centre)), None)
            budget.spend((below or len(levels)) - k)  # one search: at most MAX_RULES levels
            bottom = levels[-1] if below is None else levels[below]
            taken = index.take(left, right, top, bottom, budget)
            inside = []
            for position in taken:
                used[order[position]] = True
                inside.append(chars[order[position]])
            text = clean_cell(_join_lines(inside, wrap="")) if inside else ""
            cells.append((text, inside, (left, top, right, bottom)))
        while cells and not cells[0][0]:
            cells.pop(0)  # a merged label cell continued from the previous page holds no value
        if any(text for text, _, _ in cells):
            rows.append((top, xs[0], cells))
    return rows


def _group_lines(chars):
    """Characters grouped into lines by vertical position, each line sorted left to right."""
    lines: list[list] = []
    centre_sum = 0.0
    for ch in sorted(chars, key=lambda c: (c[2] + c[4], c[1])):
        centre, size = (ch[2] + ch[4]) / 2, ch[4] - ch[2]
        if lines:
            last = lines[-1]
            if abs(centre - centre_sum / len(last)) <= max(size, last[0][4] - last[0][2]) * 0.5:
                last.append(ch)
                centre_sum += centre
                continue
        lines.append([ch])
        centre_sum = centre
    for line in lines:
        line.sort(key=lambda c: c[1])
    return lines


def _line_text(line, cell_gap: bool) -> str:
    size = sorted(c[4] - c[2] for c in line)[len(line) // 2]
    out = [line[0][0]]
    for prev, ch in zip(line, line[1:]):
        gap = ch[1] - prev[3]
        if cell_gap and gap > size * 1.5:
            out.append("\t")
        elif gap > size * 0.3 and (prev[0].isascii() or ch[0].isascii()):
            out.append(" ")
        out.append(ch[0])
    return "".join(out)


def _join_lines(chars, wrap: str) -> str:
    return wrap.join(_line_text(line, cell_gap=False) for line in _group_lines(chars))


def _cell_groups(line) -> list[list]:
    """A line's characters cut where ``_line_text`` puts a TAB (a gap wider than 1.5 characters)."""
    size = sorted(c[4] - c[2] for c in line)[len(line) // 2]
    groups = [[line[0]]]
    for prev, ch in zip(line, line[1:]):
        if ch[1] - prev[3] > size * 1.5:
            groups.append([])
        groups[-1].append(ch)
    return groups


def _free_lines(chars):
    return [(min(c[2] for c in line), line[0][1], _line_text(line, cell_gap=True)) for line in _group_lines(chars)]
