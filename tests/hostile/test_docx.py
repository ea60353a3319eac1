"""Hostile DOCX files: list numbering that would render gigabytes, ZIP members whose size fields lie,
and XML parts that declare a DTD. Each runs the command line under a time and memory bound
(tests/bounded.py) and must end with a report or a one-line reason, exit 2 for what is refused."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib

import docx
import pytest
from docx.oxml import parse_xml

from ogilint import UnusableInput
from ogilint.api import read_document
from ogilint.plugins.readers import docx as read_docx

from ..bounded import ogilint_bounded
from ..test_read_docx import SEED, W_NS, _docx_like_text

MIB = 1 << 20
CHUNK = b" " * MIB  # XML allows any amount of white space before the root element


# --- a ZIP written by hand, so its size fields can say anything -------------------------------------


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _write_zip(path, members) -> None:
    """``members``: (name, raw bytes as stored, method, crc, declared size). The compressed size
    written is the true length of the raw bytes; the uncompressed size is whatever is declared."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, raw, method, crc, size in members:
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(raw), size, len(encoded), 0))
        out.write(encoded + raw)
        fields = (20, 20, 0, method, 0, 0x21, crc, len(raw), size, len(encoded), 0, 0, 0, 0, 0, offset)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *fields) + encoded)
    start, directory = out.tell(), central.getvalue()
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), start, 0))
    path.write_bytes(out.getvalue())


def _template_parts() -> dict[str, bytes]:
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _honest(name: str, data: bytes):
    return name, _raw_deflate(data), zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data)


def _document_xml(text: str = "一、总体情况") -> bytes:
    return f"<w:document {W_NS}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>".encode()


@functools.cache
def _padding(pad_mib: int) -> tuple[bytes, int]:
    """``pad_mib`` MiB of spaces as raw deflate blocks, and their CRC, built without holding them:
    after a full flush deflate starts afresh, so one compressed MiB repeats as is."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(CHUNK) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(CHUNK) + c.flush(zlib.Z_FULL_FLUSH) == block
    crc = 0
    for _ in range(pad_mib):
        crc = zlib.crc32(CHUNK, crc)
    return block * pad_mib, crc


def _padded(xml: bytes, pad_mib: int):
    """White space (allowed before the root element) then ``xml`` without its declaration, as one
    raw deflate stream, with its true CRC and size."""
    xml = xml[xml.index(b"?>") + 2 :] if xml.startswith(b"<?xml") else xml
    blocks, crc = _padding(pad_mib)
    return blocks + _raw_deflate(xml), zlib.crc32(xml, crc), pad_mib * MIB + len(xml)


def _lying_docx(path, member: str, pad_mib: int = 1024, declared: int = 40 * 1024) -> None:
    """A DOCX whose ``member`` declares ``declared`` bytes but inflates to ``pad_mib`` MiB more."""
    parts = _template_parts()
    parts["word/document.xml"] = _document_xml()
    members = []
    for name, data in parts.items():
        if name == member:
            raw, crc, _ = _padded(data, pad_mib)
            members.append((name, raw, zipfile.ZIP_DEFLATED, crc, declared))
        else:
            members.append(_honest(name, data))
    _write_zip(path, members)


def _with_document(prolog: bytes, text: str = "一、总体情况"):
    """A builder: the template package with ``prolog`` + a one-paragraph document.xml."""

    def build(path):
        parts = _template_parts()
        parts["word/document.xml"] = prolog + _document_xml(text)
        _write_zip(path, [_honest(n, d) for n, d in parts.items()])

    return build


def _with_types_dtd(encoding: str):
    def build(path):
        parts = _template_parts()
        types = parts["[Content_Types].xml"].decode().replace("?>", "?><!DOCTYPE Types>", 1)
        parts["[Content_Types].xml"] = types.replace("UTF-8", "UTF-16").encode(encoding)
        _write_zip(path, [_honest(n, d) for n, d in parts.items()])

    return build


def _renamed_main_part(path):
    """No word/document.xml: the main part is found through [Content_Types].xml, which lies."""
    parts = _template_parts()
    types = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/main.xml")
    rels = parts["_rels/.rels"].replace(b"word/document.xml", b"word/main.xml")
    raw, crc, _ = _padded(types, 1024)
    members = [("[Content_Types].xml", raw, zipfile.ZIP_DEFLATED, crc, 1024), _honest("_rels/.rels", rels)]
    members += [
        _honest("word/main.xml" if n == "word/document.xml" else n, d)
        for n, d in parts.items()
        if n not in ("[Content_Types].xml", "_rels/.rels")
    ]
    _write_zip(path, members)


def _wrong_crc(path):
    members = [_honest(n, d) for n, d in _template_parts().items()]
    name, raw, method, crc, size = members[0]
    members[0] = (name, raw, method, crc ^ 1, size)
    _write_zip(path, members)


def _stored_sizes_disagree(path):
    parts = _template_parts()
    members = [_honest(n, d) for n, d in parts.items() if n != "word/document.xml"]
    data = _document_xml() + b" " * 5000
    members.append(("word/document.xml", data, zipfile.ZIP_STORED, zlib.crc32(data), 100))
    _write_zip(path, members)


_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
_UTF7_DTD = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d +AFs-+ADw-!ENTITY x +ACI-AAA+ACI-+AD4-+AF0-+AD4-'

# name: (builder, what the one-line reason must say, what it must not say, parse it in a bounded run
# too: a gigabyte if inflating were unbounded; the other lying members are bounded by the check run)
REFUSED = {
    # ZIP sizes that lie: 1 MiB on disk, 40 KB declared, 1 GiB inflated (before: 2 GB peak, "已损坏")
    "lying-document": (lambda p: _lying_docx(p, "word/document.xml"), ["word/document.xml", "声明的 40 KB"], [], True),
    "lying-types": (
        lambda p: _lying_docx(p, "[Content_Types].xml"),
        ["[Content_Types].xml", "声明的 40 KB"],
        [],
        False,
    ),
    "lying-styles": (lambda p: _lying_docx(p, "word/styles.xml"), ["word/styles.xml", "声明的 40 KB"], [], False),
    "lying-renamed": (_renamed_main_part, ["[Content_Types].xml", "声明的 1 KB"], [], True),
    "wrong-crc": (_wrong_crc, ["损坏", "[Content_Types].xml", "CRC"], [], False),
    "stored-sizes-disagree": (_stored_sizes_disagree, ["word/document.xml", "不实"], [], False),
    # DTDs: OPC forbids them (ECMA-376 part 2, M1.18); before, "DOCX 已损坏" or the DTD was read
    "dtd-external-entity": (
        _with_document(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "secret.txt">]>', "前&x;后"),
        ["word/document.xml", "DTD", "安全"],
        ["损坏"],
        False,
    ),
    "dtd-billion-laughs": (
        _with_document(f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{_LAUGHS}]>'.encode(), "&l9;"),
        ["word/document.xml", "DTD", "安全"],
        ["损坏"],
        False,
    ),
    "dtd-after-comment": (_with_document(b"<!-- c --><?pi x?>\n<!DOCTYPE w:document>"), ["DTD"], ["损坏"], False),
    "dtd-utf16-types": (_with_types_dtd("utf-16"), ["[Content_Types].xml", "DTD"], ["损坏"], False),
    "dtd-utf16be-types": (_with_types_dtd("utf-16-be"), ["[Content_Types].xml", "DTD"], ["损坏"], False),
    "dtd-in-utf7": (_with_document(_UTF7_DTD, "&x;"), ["word/document.xml", "编码"], ["损坏"], False),
    # no DTD: an undefined entity is malformed XML, and that is what the reason says
    "undefined-entity": (_with_document(b"", "前&nope;后"), ["损坏", "nope"], ["DTD"], False),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """All the refused files in one folder, checked in one bounded run: (folder, reason per file)."""
    folder = tmp_path_factory.mktemp("refused")
    for name, (build, *_) in REFUSED.items():
        build(folder / f"{name}.docx")
    out = ogilint_bounded("check", str(folder), seconds=60)
    assert out.returncode == 2, out.stderr[-500:]
    reasons = {}
    for line in out.stderr.splitlines():
        path, _, reason = line.removeprefix("ogilint: ").partition(": ")
        reasons[path.rsplit("/", 1)[-1].removesuffix(".docx")] = reason
    return folder, reasons


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_a_one_line_reason(refused, name):
    """``check`` gives each file one line with the true reason; ``parse`` exits 2 with the same line,
    under the time and memory bound where unbounded inflating would reach gigabytes."""
    folder, reasons = refused
    _, wanted, unwanted, bounded_parse = REFUSED[name]
    reason = reasons.get(name, "(no reason: the file was read)")
    assert all(w in reason for w in wanted) and not any(u in reason for u in unwanted), reason
    path = folder / f"{name}.docx"
    if "lying" in name:
        assert path.stat().st_size < 2 * MIB
    if bounded_parse:
        out = ogilint_bounded("parse", str(path), seconds=60)
        assert out.returncode == 2 and out.stderr.strip() == f"ogilint: {path}: {reason}", out.stderr[-500:]
    else:
        with pytest.raises(UnusableInput) as exc:
            read_document(path)
        assert exc.value.reason == reason


def test_honest_hand_written_zip_is_read(tmp_path):
    """The hand-written ZIP itself is sound: with true sizes the same package is read; so it is when
    a member is shorter than declared (harmless, and zipfile reads it too)."""
    parts = _template_parts()
    parts["word/document.xml"] = _document_xml("这是正文")
    members = [_honest(n, d) for n, d in parts.items()]
    path = tmp_path / "honest.docx"
    _write_zip(path, members)
    assert read_document(path).lines == ("这是正文",)
    members[0] = (*members[0][:4], members[0][4] + 1000)
    _write_zip(path, members)
    assert read_document(path).lines == ("这是正文",)


# --- list numbering -----------------------------------------------------------------------------------

HUGE = 2_000_000_000


def _numbered_report(path, levels: list[tuple[int, str, str]]) -> None:
    """The seed report as a DOCX, then one numbered paragraph per (start, format, level text)."""
    _docx_like_text(SEED.read_text(encoding="utf-8"), path)
    d = docx.Document(str(path))
    numbering = d.part.numbering_part.element
    for i, (start, fmt, text) in enumerate(levels):
        abstract, num = parse_xml(
            f"<w:numbering {W_NS}><w:abstractNum w:abstractNumId='{700 + i}'><w:lvl w:ilvl='0'>"
            f"<w:start w:val='{start}'/><w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/></w:lvl>"
            f"</w:abstractNum><w:num w:numId='{700 + i}'><w:abstractNumId w:val='{700 + i}'/></w:num></w:numbering>"
        )
        numbering.find(abstract.tag).addprevious(abstract)
        numbering.append(num)
        for _ in range(3):
            p = d.add_paragraph(f"附注{i}")
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="{700 + i}"/></w:numPr>')
            )
    d.save(str(path))


def test_huge_list_numbers_give_a_report_not_gigabytes(tmp_path):
    """Start 2,000,000,000 in letters, roman and decimal, ``%1`` repeated: before, letters made a
    77-million-letter label nine times over and roman built two million M's one copy at a time."""
    path = tmp_path / "numbering.docx"
    _numbered_report(
        path,
        [
            (HUGE, "upperLetter", "%1" * 9),
            (HUGE, "lowerRoman", "%1."),
            (HUGE, "upperLetter", "%1" * 200),
            (10**4000, "decimal", "%1"),
            (HUGE, "chineseCounting", "（%1）" * 5000),
        ],
    )
    assert path.stat().st_size < 64 * 1024
    parsed = ogilint_bounded("parse", str(path), seconds=60)
    assert parsed.returncode == 0, parsed.stderr[-500:]
    assert len(parsed.stdout) < 2 * MIB
    checked = ogilint_bounded("check", str(path), seconds=60)
    assert checked.returncode in (0, 1) and len(checked.stdout) < MIB, checked.stderr[-500:]
    lines = read_document(path).lines  # safe in process now that the bounded runs answered
    no_label = tuple(f"附注{i}" for i in (2, 3, 4) for _ in range(3))  # too long, too many digits
    assert lines[-15:] == ("附注0",) * 3 + tuple(f"{HUGE + k}.附注1" for k in range(3)) + no_label


def test_labels_are_bounded_in_process():
    """What the bounds render: real list numbers as Word shows them, absurd ones as decimals or not
    at all (a label longer than any real one is dropped, the paragraph's text stays)."""
    fmt = read_docx._format
    assert (fmt(1, "upperLetter"), fmt(27, "lowerLetter"), fmt(HUGE, "upperLetter")) == ("A", "aa", str(HUGE))
    assert (fmt(3999, "upperRoman"), fmt(4000, "upperRoman")) == ("MMMCMXCIX", "4000")
    assert fmt(10**40, "decimal") is None and fmt(10**40, "upperRoman") is None
    assert fmt(12, "chineseCounting") == "十二"
