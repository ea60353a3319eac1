"""DOCX reader: body paragraphs and table rows in document order, merged cells in their grid columns.

Why this way: a DOCX already holds the structure a text dump loses — a table is a table, a cell a
cell — so nothing is guessed from positions as for PDF. python-docx opens the package (relationships,
content types, a parser that resolves no entities); the body is then walked directly as XML,
because python-docx's own views miss what real reports contain:

* **Order and wrappers.** ``Document.iter_inner_content()`` skips content controls (``w:sdt``,
  common around cover pages and template blocks); the walk descends into them, and into text boxes
  (their lines follow the paragraph that anchors them; the VML fallback copy is skipped).
* **Merged cells.** Each ``w:tc`` is read once, at the grid column it starts in (``w:gridBefore``
  and ``w:gridSpan`` counted). A continuation cell (``w:vMerge``/``w:hMerge`` "continue") is the
  merged cell seen again: its text was given in the first row of the merge, so it is skipped — not
  repeated as ``row.cells`` would. Leading empty cells are dropped (what stands there is a label
  merged from above or layout), later empty cells are kept (a blank figure is a value), an
  all-empty row is dropped. Each row line keeps, per cell, its 1-based grid column.
* **Automatic numbering.** Headings such as "一、总体情况" or "(一)予以公开" are often list numbers
  (``w:numPr``), not text; they are rendered from the numbering definitions (Chinese counting,
  decimal, circled, letters…) so the grammar sees what the reader sees.

A paragraph line's origin counts the body paragraphs that have text, 1-based (a reader counts
those, not the blank spacing paragraphs). The ZIP is checked before python-docx reads it: member
count, total size, compression ratio (a ZIP bomb) and encryption; a password-protected DOCX (an
OLE file holding ``EncryptedPackage``) and a legacy ``.doc`` are refused with a reason.
"""

from __future__ import annotations

import re
import zipfile
import zlib

from ogilint.document import Document, Origin, clean_cell
from ogilint.errors import UnusableInput
from ogilint.hookspec import hookimpl

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
MAIN_PART = "word/document.xml"
MAX_MEMBERS = 5000  # a report has a few dozen parts
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed, all members
MAX_XML_BYTES = 50 * 1024 * 1024  # one XML part (a 500-page document.xml is ~10 MB)
BOMB_RATIO = 200  # uncompressed:compressed of one member …
BOMB_MIN_BYTES = 10 * 1024 * 1024  # … when it unpacks to more than this
_WORD_MAIN = re.compile(
    r"wordprocessingml\.(?:document|template)\.main\+xml"
    r"|ms-word\.(?:document|template)\.macroEnabled(?:Template)?\.main\+xml"
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_BODY, W_P, W_TBL, W_TR, W_TC = _W + "body", _W + "p", _W + "tbl", _W + "tr", _W + "tc"
W_T, W_TAB, W_PTAB, W_BR, W_CR, W_NBH = _W + "t", _W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "noBreakHyphen"
W_TXBX = _W + "txbxContent"
W_TCPR, W_GRIDSPAN = _W + "tcPr", _W + "gridSpan"
_MERGES = frozenset((_W + "vMerge", _W + "hMerge"))
W_VAL = _W + "val"
# Block, row and cell containers that only wrap what they hold.
_WRAPPERS = frozenset(_W + t for t in ("sdt", "sdtContent", "customXml", "smartTag"))
# Inside a paragraph: subtrees without visible text of their own (deleted runs, field codes, the
# VML duplicate of a text box, properties).
_NO_TEXT = frozenset(
    [_MC + "Fallback"]
    + [_W + t for t in ("del", "moveFrom", "instrText", "delInstrText", "pPr", "rPr", "sdtPr", "fldData")]
)


@hookimpl
def ogilint_read(path, head):
    lower = path.lower()
    named = lower.endswith(SUFFIXES)
    if head.startswith(OLE_SIGNATURE):
        return _refuse_ole(path, named or lower.endswith((".doc", ".dot")))
    if not head.startswith(ZIP_SIGNATURE):
        if named:
            raise UnusableInput("不是有效的 DOCX 文件(不是 ZIP 压缩包)")
        return None
    if not _check_zip(path, named, claim_corrupt=named or b"word/" in head):
        return None
    body, numbering, styles = _open(path)
    try:
        return _Walker(_Numbering(numbering, styles)).read(body)
    except UnusableInput:
        raise
    except Exception as exc:
        raise UnusableInput(f"DOCX 内容结构异常,无法读取 ({_brief(exc)})") from None


# --- the package ------------------------------------------------------------------------------


def _refuse_ole(path: str, word_name: bool):
    """An OLE compound file named like a Word document: an encrypted DOCX or a legacy .doc."""
    if not word_name:
        return None
    with open(path, "rb") as fh:
        data = fh.read()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise UnusableInput("DOCX 已加密,需要密码才能读取")
    raise UnusableInput("这是旧版 Word (.doc) 文件,不是 DOCX;请在 Word 中另存为 DOCX 后再检查")


def _check_zip(path: str, named: bool, claim_corrupt: bool) -> bool:
    """True when the ZIP is a Word document safe to unpack; False when it is not a Word document."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if not any(i.filename == MAIN_PART for i in infos) and not _declares_word(zf, infos):
                if named:
                    raise UnusableInput(f"不是有效的 DOCX 文件(压缩包里没有 {MAIN_PART})")
                return False
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        if not claim_corrupt:
            return False
        raise UnusableInput("DOCX 文件已损坏或不完整(ZIP 结构无效)") from None
    _guard(infos)
    return True


def _declares_word(zf: zipfile.ZipFile, infos) -> bool:
    """A Word main part under another name, as its content types declare."""
    info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    if info is None or info.file_size > 1024 * 1024 or info.flag_bits & 0x1:
        return False
    return bool(_WORD_MAIN.search(zf.read(info).decode("utf-8", "replace")))


def _guard(infos) -> None:
    """Refuse what would be unsafe to unpack: too many members, too large, a ZIP bomb, encrypted."""
    if len(infos) > MAX_MEMBERS:
        raise UnusableInput(f"DOCX 压缩包里有 {len(infos)} 个文件,超过 {MAX_MEMBERS} 的上限,不像一份报告")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnusableInput("DOCX 已加密,需要密码才能读取")
        size, name = info.file_size, clean_cell(info.filename)[:80]
        if size > BOMB_MIN_BYTES and size > BOMB_RATIO * max(info.compress_size, 1):
            raise UnusableInput(
                f"DOCX 中的 {name} 解压后 {size // (1024 * 1024)} MB,压缩比超过 {BOMB_RATIO}:1,疑似 ZIP 炸弹,拒绝读取"
            )
        if size > MAX_XML_BYTES and name.lower().endswith((".xml", ".rels")):
            raise UnusableInput(
                f"DOCX 中的 {name} 解压后 {size // (1024 * 1024)} MB,"
                f"超过 {MAX_XML_BYTES // (1024 * 1024)} MB 的上限,不像一份报告"
            )
        total += size
    if total > MAX_TOTAL_BYTES:
        raise UnusableInput(
            f"DOCX 解压后共 {total // (1024 * 1024)} MB,超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB 的上限,不像一份报告"
        )


def _open(path: str):
    """The body, numbering and styles elements of the main document part (None when absent)."""
    import docx  # noqa: F401 - registers python-docx's part classes
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.package import Package

    try:
        main = Package.open(path).main_document_part
        if not _WORD_MAIN.search(main.content_type or ""):
            raise UnusableInput(f"不是 Word 文档(主体内容类型为 {clean_cell(main.content_type or '?')[:80]})")
        body = _element(main).find(W_BODY)
        numbering, styles = _related(main, RT.NUMBERING), _related(main, RT.STYLES)
    except UnusableInput:
        raise
    except Exception as exc:
        raise UnusableInput(f"DOCX 文件已损坏,无法打开 ({_brief(exc)})") from None
    if body is None:
        raise UnusableInput("DOCX 没有正文(主体部件里没有 w:body)")
    return body, numbering, styles


def _element(part):
    """A part's XML root, also for parts python-docx keeps as bytes (macro-enabled, templates)."""
    element = getattr(part, "element", None)
    if element is None:
        from docx.oxml.parser import parse_xml  # python-docx's parser: no entity resolution

        element = parse_xml(part.blob)
    return element


def _related(part, reltype):
    try:
        return _element(part.part_related_by(reltype))
    except KeyError:
        return None


def _brief(exc: Exception) -> str:
    return f"{type(exc).__name__}: {clean_cell(str(exc))[:150]}"


# --- the body ---------------------------------------------------------------------------------


def _children(element, tags):
    """Children of ``element`` with one of ``tags``, looking through content controls and custom XML."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


_BLOCKS = frozenset((W_P, W_TBL))


class _Walker:
    """Reads the body into lines and origins, numbering paragraphs and tables as it goes."""

    def __init__(self, numbering):
        self.numbering = numbering
        self.lines: list[str] = []
        self.origins: list[Origin] = []
        self.paragraphs = 0
        self.tables = 0

    def read(self, body) -> Document:
        for block in _children(body, _BLOCKS):
            if block.tag == W_P:
                self._paragraph(block)
            else:
                self._table(block)
        if not self.lines:
            raise UnusableInput("DOCX 里没有可读的文字(可能只有图片或扫描件),无法检查")
        return Document(lines=tuple(self.lines), origins=tuple(self.origins), format="docx")

    def _paragraph(self, p) -> None:
        pieces = self._paragraph_lines(p)
        if not pieces:
            return
        self.paragraphs += 1
        origin = Origin(paragraph=self.paragraphs)
        self.lines.extend(pieces)
        self.origins.extend([origin] * len(pieces))

    def _table(self, tbl) -> None:
        self.tables += 1
        for row, line, columns in self._rows(tbl):
            self.lines.append(line)
            self.origins.append(Origin(table=self.tables, row=row, cells=columns))

    def _paragraph_lines(self, p) -> list[str]:
        """A paragraph's lines (split at line breaks, cleaned, non-empty), then its text boxes' lines."""
        parts: list[str] = []
        boxes: list = []
        _collect(p, parts, boxes)
        text = "".join(parts)
        label = self.numbering.label(p)
        if label and text.strip():
            text = label + text
        lines = [line for line in (clean_cell(piece) for piece in text.split("\n")) if line]
        for box in boxes:
            for block in _children(box, _BLOCKS):
                if block.tag == W_P:
                    lines.extend(self._paragraph_lines(block))
                else:
                    lines.extend(line for _, line, _ in self._rows(block))
        return lines

    def _rows(self, tbl):
        """(row number, cells joined by TAB, grid column of each cell) for each row with text."""
        for number, tr in enumerate(_children(tbl, (W_TR,)), start=1):
            column = 1 + _int(_prop(tr, "trPr", "gridBefore"), 0)
            cells: list[tuple[int, str]] = []
            for tc in _children(tr, (W_TC,)):
                span, continues = _cell_props(tc)
                if not continues:
                    cells.append((column, self._cell_text(tc)))
                column += span
            while cells and not cells[0][1]:
                cells.pop(0)
            if cells:
                yield number, "\t".join(text for _, text in cells), tuple(c for c, _ in cells)

    def _cell_text(self, tc) -> str:
        """One line: the cell's paragraphs joined (a nested table flattened, its cells spaced)."""
        pieces: list[str] = []
        for block in _children(tc, _BLOCKS):
            if block.tag == W_P:
                pieces.extend(self._paragraph_lines(block))
            else:
                pieces.extend(line.replace("\t", " ") for _, line, _ in self._rows(block))
        return clean_cell(_join(pieces))


def _collect(element, parts: list, boxes: list) -> None:
    """Text of a paragraph in document order; text boxes are set aside in ``boxes``."""
    for child in element:
        tag = child.tag
        if tag == W_T:
            parts.append(child.text or "")
            if len(child):  # an unexpanded entity reference: its name is not text, what follows is
                parts.extend(node.tail or "" for node in child)
        elif tag == W_TAB or tag == W_PTAB:
            parts.append("\t")
        elif tag == W_BR or tag == W_CR:
            parts.append("\n")
        elif tag == W_NBH:
            parts.append("-")
        elif tag == W_TXBX:
            boxes.append(child)
        elif tag in _NO_TEXT:
            continue
        elif len(child):
            _collect(child, parts, boxes)


def _join(pieces: list[str]) -> str:
    """Wrapped pieces of one cell joined: nothing between Chinese, a space between Latin words."""
    out = ""
    for piece in pieces:
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out


def _cell_props(tc) -> tuple[int, bool]:
    """How many grid columns a cell spans, and whether it continues the merged cell above
    (``w:vMerge``) or to its left (legacy ``w:hMerge``) rather than starting one."""
    span, continues = 1, False
    props = tc.find(W_TCPR)
    if props is not None:
        for prop in props:
            if prop.tag == W_GRIDSPAN:
                span = max(_int(prop.get(W_VAL), 1), 1)
            elif prop.tag in _MERGES and prop.get(W_VAL, "continue") == "continue":
                continues = True
    return span, continues


def _prop(element, props: str, name: str):
    """The w:val of ``element``/``props``/``name``, or None."""
    container = element.find(_W + props)
    found = container.find(_W + name) if container is not None else None
    return found.get(W_VAL) if found is not None else None


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --- automatic numbering ------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    if 0 <= n < 10:
        return digits[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 and ten == "十" else digits[tens]) + ten + (digits[units] if units else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _format(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt style (unknown styles as decimal)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "koreanCounting",
        "ideographLegalTraditional",
    ):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed(n, 0x2460, 20)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n)) if n >= 0 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n) if n > 0 else str(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(n)


class _Level:
    __slots__ = ("start", "fmt", "text", "space", "legal")

    def __init__(self, lvl):
        self.start = _int(_val(lvl, "start"), 1)
        self.fmt = _val(lvl, "numFmt") or "decimal"
        self.text = _val(lvl, "lvlText") or ""
        self.space = _val(lvl, "suff") == "space"
        self.legal = lvl.find(_W + "isLgl") is not None


def _val(element, name: str):
    found = element.find(_W + name)
    return found.get(W_VAL) if found is not None else None


def _levels(container) -> dict:
    return {_int(lvl.get(_W + "ilvl"), 0): _Level(lvl) for lvl in container.findall(_W + "lvl")}


class _Numbering:
    """List numbers of paragraphs, counted in document order as Word counts them: per abstract
    list, deeper levels restarting after a shallower one, a ``w:startOverride`` restarting the list
    where its ``w:num`` is first used."""

    def __init__(self, numbering, styles):
        self.nums: dict[str, tuple[str, dict, dict]] = {}  # numId -> (abstract id, levels, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.by_style: dict[str, tuple] = {}  # styleId -> (numId, ilvl), basedOn followed
        self.default_style = None
        if numbering is not None:
            abstract = {a.get(_W + "abstractNumId"): _levels(a) for a in numbering.findall(_W + "abstractNum")}
            for num in numbering.findall(_W + "num"):
                aid = _val(num, "abstractNumId")
                levels, starts = dict(abstract.get(aid, {})), {}
                for override in num.findall(_W + "lvlOverride"):
                    ilvl = _int(override.get(_W + "ilvl"), 0)
                    for level in _levels(override).values():
                        levels[ilvl] = level
                    start = _val(override, "startOverride")
                    if start is not None:
                        starts[ilvl] = _int(start, 1)
                self.nums[num.get(_W + "numId")] = (aid, levels, starts)
        if styles is not None and self.nums:
            self._read_styles(styles)

    def _read_styles(self, styles) -> None:
        own: dict[str, tuple] = {}  # styleId -> (numId, ilvl, basedOn) as the style itself says
        for style in styles.findall(_W + "style"):
            if style.get(_W + "type") != "paragraph":
                continue
            sid = style.get(_W + "styleId")
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            own[sid] = (
                _val(numpr, "numId") if numpr is not None else None,
                _val(numpr, "ilvl") if numpr is not None else None,
                _val(style, "basedOn"),
            )
            if style.get(_W + "default") in ("1", "true", "on"):
                self.default_style = sid
        for sid in own:
            num_id = ilvl = None
            style = sid
            for _ in range(20):  # basedOn chains are short; a cycle ends here
                entry = own.get(style)
                if entry is None:
                    break
                num_id = num_id if num_id is not None else entry[0]
                ilvl = ilvl if ilvl is not None else entry[1]
                if num_id is not None:
                    break
                style = entry[2]
            if num_id is not None:
                self.by_style[sid] = (num_id, ilvl)

    def label(self, p) -> str:
        """The list number shown before paragraph ``p`` ("一、", "(二)", "3."), or ""."""
        if not self.nums:
            return ""
        num_id = ilvl = None
        ppr = p.find(_W + "pPr")
        style = None
        if ppr is not None:
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
            style = _val(ppr, "pStyle")
        if num_id is None:
            num_id, style_ilvl = self.by_style.get(style or self.default_style, (None, None))
            ilvl = ilvl if ilvl is not None else style_ilvl
        num = self.nums.get(num_id)
        if num is None:
            return ""
        aid, levels, starts = num
        ilvl = min(max(_int(ilvl, 0), 0), 8)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in starts.items():
                counters[lv] = start - 1
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [lv for lv in counters if lv > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""

        def number(match) -> str:
            lv = int(match.group(1)) - 1
            lv_level = levels.get(lv)
            if lv_level is None:
                return ""
            value = counters.get(lv, lv_level.start)
            return str(value) if level.legal else _format(value, lv_level.fmt)

        text = _PLACEHOLDER.sub(number, level.text)
        return text + (" " if level.space and text else "")
