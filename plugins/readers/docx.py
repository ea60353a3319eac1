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
count, total size, compression ratio (a ZIP bomb) and encryption from the ZIP directory; then every
member is inflated here in bounded steps and refused as soon as it yields more than its directory
entry declares (size fields can lie, and zipfile inflates a member in one call), or when its CRC is
wrong, or when it is XML with a DTD (the packaging standard forbids DTDs, they are refused for
safety). python-docx then reads the same bytes, held in memory, so it sees only what was checked.
A password-protected DOCX (an OLE file holding ``EncryptedPackage``) and a legacy ``.doc`` are
refused with a reason. List labels are bounded too: a numbering definition cannot make a label
longer than a real one (see ``MAX_LABEL``).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from ogilint.document import Document, Origin, clean_cell
from ogilint.errors import UnusableInput
from ogilint.hookspec import hookimpl
from ogilint.reading.bounded import read_bounded

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
MAIN_PART = "word/document.xml"
MAX_MEMBERS = 5000  # a report has a few dozen parts
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed, all members
MAX_XML_BYTES = 50 * 1024 * 1024  # one XML part (a 500-page document.xml is ~10 MB)
BOMB_RATIO = 200  # uncompressed:compressed of one member …
BOMB_MIN_BYTES = 10 * 1024 * 1024  # … when it unpacks to more than this
MAX_FILE_BYTES = 64 * 1024 * 1024  # the door's limit (reading/guard.py): the file is held in memory once
MAX_TYPES_BYTES = 1024 * 1024  # [Content_Types].xml read to find a main part under another name
INFLATE_STEP = 1024 * 1024  # output of one inflate call: memory never holds more of a member at once
PROLOG_BYTES = 64 * 1024  # what is kept of each member to look for a DTD before its root element
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
    data = _read_file(path)
    if not _check_zip(data, named, claim_corrupt=named or b"word/" in head):
        return None
    body, numbering, styles = _open(data)
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


def _read_file(path: str) -> bytes:
    """The whole file, once: what is checked below is then exactly what python-docx reads (a file
    changed on disk in between cannot slip past the checks)."""
    with open(path, "rb") as fh:
        data = read_bounded(fh, MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise UnusableInput(f"文件过大,超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限,不像一份年度报告")
    return data


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def _check_zip(data: bytes, named: bool, claim_corrupt: bool) -> bool:
    """True when the ZIP is a Word document safe to unpack; False when it is not a Word document.

    Every member is inflated here, under a hard limit, before python-docx sees the package: the ZIP's
    size fields are only claims, and python-docx's zipfile inflates a member in one call."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except _ZIP_ERRORS:
        if not claim_corrupt:
            return False
        raise UnusableInput("DOCX 文件已损坏或不完整(ZIP 结构无效)") from None
    view = memoryview(data)
    if not any(i.filename == MAIN_PART for i in infos) and not _declares_word(view, infos, claim_corrupt):
        if named:
            raise UnusableInput(f"不是有效的 DOCX 文件(压缩包里没有 {MAIN_PART})")
        return False
    _guard(infos)
    for info in infos:
        _check_member(view, info)
    return True


def _declares_word(data: memoryview, infos, claim_corrupt: bool) -> bool:
    """A Word main part under another name, as its content types declare."""
    info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    if info is None or info.file_size > MAX_TYPES_BYTES or info.flag_bits & 0x1:
        return False
    try:
        types = _inflate_member(data, info, keep=MAX_TYPES_BYTES)
    except UnusableInput:
        if claim_corrupt:
            raise
        return False
    return bool(_WORD_MAIN.search(types.decode("utf-8", "replace")))


def _guard(infos) -> None:
    """Refuse from the ZIP directory what would be unsafe to unpack: too many members, too large, a
    ZIP bomb, encrypted. The sizes are claims; ``_check_member`` holds each member to its claim."""
    if len(infos) > MAX_MEMBERS:
        raise UnusableInput(f"DOCX 压缩包里有 {len(infos)} 个文件,超过 {MAX_MEMBERS} 的上限,不像一份报告")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnusableInput("DOCX 已加密,需要密码才能读取")
        size, name = info.file_size, _name(info)
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


class _Corrupt(Exception):
    """A member that cannot be inflated as the ZIP directory describes it (the reason in Chinese)."""


class _TooLarge(Exception):
    """A member inflating past its limit."""


def _check_member(data: memoryview, info) -> None:
    """Inflate one member, at most its declared size (which ``_guard`` bounded), and refuse it when
    it inflates to more than declared, fails its CRC, or is XML that declares a DTD."""
    name, head = _name(info), _inflate_member(data, info, keep=PROLOG_BYTES)
    prolog = _prolog(head)
    if prolog == "dtd":
        raise UnusableInput(f"DOCX 中的 {name} 含有 DTD 声明 (<!DOCTYPE>);DOCX 规范不允许 DTD,为安全起见拒绝读取")
    if prolog == "unreadable":
        raise UnusableInput(f"DOCX 中的 {name} 在 XML 声明之后不是 XML 标记(可能使用了 DOCX 不允许的编码),拒绝读取")
    if prolog == "unfinished" and info.file_size > len(head):
        raise UnusableInput(
            f"DOCX 中的 {name} 开头 {PROLOG_BYTES // 1024} KB 内没有 XML 根元素,不像 Word 保存的文件,拒绝读取"
        )


def _inflate_member(data: memoryview, info, keep: int) -> bytes:
    """The first ``keep`` bytes of a member inflated to no more than its declared size, or a reason."""
    name = _name(info)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnusableInput(f"DOCX 中的 {name} 使用了 Word 不用的压缩方式 ({info.compress_type}),无法读取")
    try:
        return _inflate(data, info, limit=info.file_size, keep=keep)
    except _Corrupt as exc:
        raise UnusableInput(f"DOCX 文件已损坏,无法打开 ({name} {exc})") from None
    except _TooLarge:
        raise UnusableInput(
            f"DOCX 中的 {name} 解压后超过 ZIP 目录声明的 {_size(info.file_size)},"
            "大小字段不实(文件已损坏或被篡改),拒绝读取"
        ) from None


def _inflate(data: memoryview, info, limit: int, keep: int) -> bytes:
    """The first ``keep`` bytes of a member, inflated from the archive's bytes in bounded steps
    (zlib's ``max_length``): at most ``limit`` bytes are ever produced, whatever the header says.
    Raises _TooLarge past ``limit``, _Corrupt when the member is not what its directory entry says."""
    start = info.header_offset
    if len(data) < start + 30 or data[start : start + 4] != ZIP_SIGNATURE:
        raise _Corrupt("本地文件头无效")
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    start += 30 + name_len + extra_len
    end = start + info.compress_size
    if end > len(data):
        raise _Corrupt("数据超出文件末尾")
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    size, crc, head = 0, 0, bytearray()
    pos, pending = start, b""
    while True:
        if inflater is None:  # stored: the bytes as they are
            out = data[pos : min(end, pos + INFLATE_STEP)]
            pos += len(out)
        else:
            if not pending and pos < end:
                pending = data[pos : min(end, pos + INFLATE_STEP)]
                pos += len(pending)
            fed = len(pending)
            try:
                out = inflater.decompress(pending, INFLATE_STEP)
            except zlib.error:
                raise _Corrupt("压缩数据无效") from None
            pending = inflater.unconsumed_tail
        size += len(out)
        if size > limit:
            raise _TooLarge
        crc = zlib.crc32(out, crc)
        if len(head) < keep:
            head += out[: keep - len(head)]
        if inflater is None:
            if pos >= end:
                break
        elif inflater.eof or not out and (len(pending) == fed > 0 or not pending and pos >= end):
            break  # the end of the stream, of the member's bytes, or no progress
    if inflater is not None and not inflater.eof:
        raise _Corrupt("压缩数据不完整")
    if crc != info.CRC:  # (fewer bytes than declared is harmless, and zipfile reads them too)
        raise _Corrupt("CRC 校验和不符")
    return bytes(head)


# How the first bytes of an XML entity give its encoding (XML 1.0 appendix F, as libxml2 detects it),
# and how many of them are a byte order mark.
_XML_STARTS = (
    (b"\xef\xbb\xbf", "utf-8", 3),
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00", "utf-16-le", 0),
    (b"\x00<", "utf-16-be", 0),
    (b"\x4c\x6f\xa7\x94", "cp500", 0),  # EBCDIC "<?xm"
)


def _prolog(head: bytes) -> str:
    """What stands before the root element of XML starting with ``head``: "root" (nothing to fear;
    also said of what is not XML at all), "dtd", "unfinished" (``head`` ends first) or "unreadable".

    A DTD can only stand in the prolog, among the XML declaration, comments, processing
    instructions and white space. Anything else there means the text is in an encoding other than
    the one detected here (e.g. UTF-7 named in the XML declaration), which could hide a DTD."""
    encoding, skip = "latin-1", 0  # any ASCII-compatible encoding: the markup is ASCII
    for signature, name, bom in _XML_STARTS:
        if head.startswith(signature):
            encoding, skip = name, bom
            break
    unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
    body = head[skip:]
    text = body[: len(body) - len(body) % unit].decode(encoding, "replace")
    pos = len(text) - len(text.lstrip(" \t\r\n"))
    if not text.startswith("<", pos):
        return "root"  # not XML: nothing here is parsed as XML without failing
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            pos = end + 3
        elif text.startswith("<!", pos):
            return "dtd"  # <!DOCTYPE, or a declaration that is refused as well
        elif pos + 1 < len(text):
            after = text[pos + 1]  # a name starts with a letter, "_", ":" or a non-ASCII character
            root = text[pos] == "<" and (after.isalpha() or after in "_:" or after >= "\x80")
            return "root" if root else "unreadable"
        else:
            return "unfinished"
        if end < 0:
            return "unfinished"


def _name(info) -> str:
    return clean_cell(info.filename)[:80]


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} 字节"


def _open(data: bytes):
    """The body, numbering and styles elements of the main document part (None when absent), from
    the package as checked in memory."""
    import docx  # noqa: F401 - registers python-docx's part classes
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.package import Package

    try:
        main = Package.open(io.BytesIO(data)).main_document_part
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
# A real list label is a few characters ("一、", "（十二）", "1.2.3."); these bound what a hostile
# numbering definition can make of one (a start of 2,000,000,000 in letters, "%1" a thousand times).
MAX_LABEL = 40  # characters of a rendered label; a longer one is dropped, the paragraph's text stays
MAX_PLACEHOLDERS = 9  # one "%N" per level, as Word writes them
MAX_NUMBER = 10**12  # a list number with more digits is not one: no label
MAX_LETTERS = 26 * 4  # "A"…"ZZZZ"; beyond, letters fall back to decimal
MAX_ROMAN = 3999  # MMMCMXCIX; beyond, roman numerals fall back to decimal


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


def _format(n: int, fmt: str):
    """A counter value in a w:numFmt style (unknown styles as decimal), or None when the value has
    more digits than any list number: then the paragraph gets no label."""
    if not -MAX_NUMBER < n < MAX_NUMBER:
        return None
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
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= MAX_LETTERS else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n) if 0 < n <= MAX_ROMAN else str(n)
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
    """Levels 0-8 (Word's nine; a paragraph's level is clamped to them, so others are never shown)."""
    levels = {}
    for lvl in container.findall(_W + "lvl"):
        ilvl = _int(lvl.get(_W + "ilvl"), 0)
        if 0 <= ilvl <= 8:
            levels[ilvl] = _Level(lvl)
    return levels


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
                    if not 0 <= ilvl <= 8:
                        continue  # a level no paragraph can be at (and counters stay nine at most)
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
        if level.fmt == "bullet" or len(level.text) > 2 * MAX_LABEL:
            return ""
        pieces = _PLACEHOLDER.split(level.text)  # text, level digit, text, …
        if len(pieces) > 2 * MAX_PLACEHOLDERS + 1:
            return ""
        for i in range(1, len(pieces), 2):
            lv = int(pieces[i]) - 1
            lv_level = levels.get(lv)
            if lv_level is None:
                pieces[i] = ""
                continue
            value = counters.get(lv, lv_level.start)
            rendered = _format(value, "decimal" if level.legal else lv_level.fmt)
            if rendered is None:
                return ""
            pieces[i] = rendered
        text = "".join(pieces)
        if len(text) > MAX_LABEL:
            return ""
        return text + (" " if level.space and text else "")
