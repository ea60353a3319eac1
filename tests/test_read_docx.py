"""The DOCX reader: paragraphs and table rows in document order, merged cells in their grid columns,
numbering rendered, and unusable files refused with a one-line reason."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from ogilint import UnusableInput, parse_file
from ogilint.api import read_document
from ogilint.document import Origin

from .bounded import ogilint_bounded
from .conftest import SEEDS

SEED = SEEDS / "004_7cf50946b776564f.txt"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lines(doc):
    return list(zip(doc.lines, doc.origins))


def _merged_table_docx(path):
    d = docx.Document()
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    d.add_paragraph("")  # a blank spacing paragraph: no line, not counted
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行\t尾")
    t = d.add_table(rows=6, cols=5)
    t.cell(0, 0).merge(t.cell(1, 1)).text = "项目"  # rowspan 2 and colspan 2
    t.cell(0, 2).merge(t.cell(0, 4)).text = "申请人情况"  # colspan 3
    for c, v in zip(range(2, 5), ["自然人", "法人或其他组织", "总计"]):
        t.cell(1, c).text = v
    t.cell(2, 0).merge(t.cell(3, 0)).text = "三、本年度办理结果"  # rowspan 2
    for c, v in enumerate(["（一）予以公开", "5", "", "5"], start=1):  # a blank figure
        t.cell(2, c).text = v
    for c, v in enumerate(["（二）部分公开", "1", "2", "3"], start=1):
        t.cell(3, c).text = v
    # row 5 stays empty
    t.cell(5, 0).merge(t.cell(5, 1)).text = "四、结转下年度继续办理"
    for c in range(2, 5):
        t.cell(5, c).text = "0"
    d.add_paragraph("结尾")
    d.save(path)


def test_merged_cells_in_their_grid_columns(tmp_path):
    path = tmp_path / "merged.docx"
    _merged_table_docx(path)
    doc = read_document(path)
    assert doc.format == "docx" and doc.encoding is None
    assert _lines(doc) == [
        ("三、收到和处理政府信息公开申请情况", Origin(paragraph=1)),
        ("第一行", Origin(paragraph=2)),
        ("第二行 尾", Origin(paragraph=2)),
        ("项目\t申请人情况", Origin(table=1, row=1, cells=(1, 3))),
        ("自然人\t法人或其他组织\t总计", Origin(table=1, row=2, cells=(3, 4, 5))),
        ("三、本年度办理结果\t（一）予以公开\t5\t\t5", Origin(table=1, row=3, cells=(1, 2, 3, 4, 5))),
        ("（二）部分公开\t1\t2\t3", Origin(table=1, row=4, cells=(2, 3, 4, 5))),
        ("四、结转下年度继续办理\t0\t0\t0", Origin(table=1, row=6, cells=(1, 3, 4, 5))),
        ("结尾", Origin(paragraph=3)),
    ]
    assert Origin(table=1, row=4, cells=(2, 3, 4, 5)).describe(1) == "表格1第4行第3格"


def test_cell_paragraphs_nested_tables_content_controls_and_text_boxes(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    label = t.cell(0, 0)
    label.text = "三、本年度"
    label.add_paragraph("办理结果")  # a label wrapped over two paragraphs
    t.cell(0, 1).text = "Total"
    t.cell(0, 1).add_paragraph("count")
    inner = t.cell(0, 2).add_table(rows=1, cols=2)  # a nested table, flattened into its cell
    inner.cell(0, 0).text = "7"
    inner.cell(0, 1).text = "8"
    body = d.element.body
    sdt = parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    box = parse_xml(
        f'<w:p {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>锚定段</w:t></w:r><w:r><w:pict>'
        "<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    deleted = parse_xml(
        f'<w:p {W_NS}><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z">'
        '<w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins w:id="2" w:author="a" '
        'w:date="2023-01-01T00:00:00Z"><w:r><w:t>插入的</w:t></w:r></w:ins></w:p>'
    )
    sect = body[-1]
    for element in (sdt, box, deleted):
        sect.addprevious(element)
    path = tmp_path / "misc.docx"
    d.save(path)
    assert _lines(read_document(path)) == [
        ("三、本年度办理结果\tTotal count\t7 8", Origin(table=1, row=1, cells=(1, 2, 3))),
        ("控件里的段落", Origin(paragraph=1)),
        ("锚定段", Origin(paragraph=2)),
        ("文本框里的字", Origin(paragraph=2)),
        ("保留插入的", Origin(paragraph=3)),
    ]


_NUMBERING = f"""<w:numbering {W_NS}>
  <w:abstractNum w:abstractNumId="90">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
      <w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
      <w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


def test_automatic_numbering_is_rendered(tmp_path):
    d = docx.Document()
    numbering = d.part.numbering_part.element  # the template's lists stay (List Number below)
    abstract, num = parse_xml(_NUMBERING)
    numbering.find(abstract.tag).addprevious(abstract)  # schema order: abstractNum before num
    numbering.append(num)

    def numbered(text, level):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    numbered("总体情况", 0)
    numbered("主动公开", 1)
    numbered("依申请公开", 1)
    numbered("属于国家秘密", 2)
    numbered("", 2)  # an empty numbered paragraph counts but gives no line
    numbered("其他", 2)
    numbered("主动公开政府信息情况", 0)
    numbered("再次从头", 1)
    d.add_paragraph("样式给的编号", style="List Number")  # numbering from the paragraph style
    d.add_paragraph("项目符号不是文字", style="List Bullet")
    path = tmp_path / "numbered.docx"
    d.save(path)
    assert read_document(path).lines == (
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.属于国家秘密",
        "3.其他",
        "二、主动公开政府信息情况",
        "（一）再次从头",
        "1.样式给的编号",
        "项目符号不是文字",
    )


def _docx_like_text(text: str, path) -> None:
    """Non-table lines as paragraphs; each run of TAB lines as one table, a cell per TAB field, an
    empty first cell merged into the label above it (a rowspan, as in a published report)."""
    d = docx.Document()
    group: list[list[str]] = []

    def flush():
        if not group:
            return
        width = max(len(r) for r in group)
        table = d.add_table(rows=len(group), cols=width)
        for r, fields in enumerate(group):
            cells = table.rows[r].cells
            for c, value in enumerate(fields):
                if value:
                    cells[c].text = value
        top = None
        spans = []
        for r, fields in enumerate(group + [["x"]]):
            if fields[0].strip():
                if top is not None and r - 1 > top:
                    spans.append((top, r - 1))
                top = r
        for first, last in spans:
            table.cell(first, 0).merge(table.cell(last, 0))
        group.clear()

    for line in text.split("\n"):
        if "\t" in line:
            group.append(line.rstrip("\t").split("\t"))  # a TAB that ends an extracted line is padding
            continue
        flush()
        if line.strip():
            d.add_paragraph(line)
    flush()
    d.save(path)


def _cells(report):
    return {
        (t, r, c): (cell.value, cell.kind)
        for t, table in report.tables.items()
        for r, row in table.rows.items()
        for c, cell in row.cells.items()
    }


def test_report_round_trip_gives_the_same_tables(tmp_path):
    assert SEED.read_text(encoding="utf-8").count("\t") > 100  # the seed lays its tables out with TABs
    path = tmp_path / "report.docx"
    _docx_like_text(SEED.read_text(encoding="utf-8"), path)
    report, text_report = parse_file(path), parse_file(SEED)
    assert report.meta.source_format == "docx"
    assert _cells(report) and _cells(report) == _cells(text_report)
    for table in report.tables.values():
        for row in table.rows.values():
            for cell in row.cells.values():
                if cell.line is not None:
                    assert report.where(cell.line, cell.column).startswith("表格"), cell


def _replace_part(path, name: str, data: bytes) -> None:
    """Rewrite one member of a DOCX package."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in members:
            zf.writestr(info.filename, data if info.filename == name else content)


# --- unusable input -----------------------------------------------------------------------------


def _bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            chunk = bytes(1 << 20)
            for _ in range(300):
                fh.write(chunk)


def _not_word(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")


def _truncated(path):
    whole = path.with_name("whole.docx")
    _docx_like_text(SEED.read_text(encoding="utf-8"), whole)
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _no_body(path):
    d = docx.Document()
    body = d.element.body
    body.getparent().remove(body)
    d.save(path)


def _broken_xml(path):
    docx.Document().save(path)
    _replace_part(path, "word/document.xml", f"<w:document {W_NS}><w:body><w:p>".encode())


def _images_only(path):
    docx.Document().save(path)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    _bomb(path)
    return path


BAD = {
    "text": (lambda p: p.write_bytes("一、总体情况\n这不是 DOCX。\n".encode()), "不是 ZIP"),
    "not-word": (_not_word, "word/document.xml"),
    "truncated": (_truncated, "损坏"),
    "no-body": (_no_body, "正文"),
    "broken-xml": (_broken_xml, "损坏"),
    "empty": (_images_only, "没有可读的文字"),
    "ole": (
        lambda p: p.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le")
        ),
        "加密",
    ),
}


def _assert_refused(path, reason):
    out = ogilint_bounded("parse", str(path))  # first under a time and memory bound, then in-process
    assert out.returncode == 2, out.stderr
    err = out.stderr.strip()
    assert err.startswith("ogilint: ") and "\n" not in err, out.stderr
    with pytest.raises(UnusableInput) as exc:
        read_document(path)
    assert reason in exc.value.reason and "\n" not in exc.value.reason


@pytest.mark.parametrize("name", sorted(BAD))
def test_unusable_docx_is_refused(tmp_path, name):
    make, reason = BAD[name]
    path = tmp_path / f"{name}.docx"
    make(path)
    _assert_refused(path, reason)


def test_zip_bomb_is_refused_before_unpacking(bomb):
    assert bomb.stat().st_size < 2 * 1024 * 1024
    _assert_refused(bomb, "ZIP 炸弹")


def test_encrypted_zip_member_is_refused(tmp_path):
    path = tmp_path / "locked.docx"
    _merged_table_docx(path)
    data = bytearray(path.read_bytes())
    # set the "encrypted" flag bit in every central directory entry
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    _assert_refused(path, "加密")


def test_other_files_are_left_to_other_readers(tmp_path):
    """Without a DOCX suffix, a non-Word ZIP or a text file is not claimed (the text reader answers)."""
    from ogilint.plugins.readers import docx as read_docx

    text = tmp_path / "r.txt"
    text.write_bytes(SEED.read_bytes())
    assert read_docx.ogilint_read(path=str(text), head=text.read_bytes()[:8192]) is None
    archive = tmp_path / "a.zip"
    _not_word(archive)
    assert read_docx.ogilint_read(path=str(archive), head=archive.read_bytes()[:8192]) is None
    renamed = tmp_path / "report.bin"
    _merged_table_docx(renamed)  # a DOCX under another name is still read: the signature decides
    assert read_document(renamed).format == "docx"
