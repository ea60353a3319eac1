"""Render a text report as the formats reports are published in: HTML, DOCX and PDF (tests only).

The renderings are built from the text: prose lines become paragraphs, and each table becomes a
real table in the national template's layout, with its merged cells (``三、本年度办理结果`` spans
the rows of the handling results, ``（三）不予公开`` its eight sub-rows, the table 四 headers span
columns). The cell texts are the raw texts the parser read from the text, so a rendering says what
the text says; a reader that loses or shifts a cell makes the tables differ.

PDF uses reportlab's built-in CID font STSong-Light (no font files, no network; its glyphs are the
viewer's, so a PDF drawn to pixels needs ``font=``, a font file embedded); DOCX uses
python-docx; HTML is written by hand, in UTF-8 or GBK.
"""

from __future__ import annotations

import html
from pathlib import Path

import attrs

from ogilint import spec
from ogilint.model import BLANK, Report


@attrs.frozen
class Span:
    text: str
    rowspan: int = 1
    colspan: int = 1


def _printed(label: str) -> str:
    """A spec label as the template prints it (full-width brackets and commas)."""
    return label.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")


def _raw(report: Report, table: str, row: str, col: str) -> str:
    cell = report.tables[table].rows[row].cells[col]
    return "" if cell.kind == BLANK else cell.raw


def _label(report: Report, table: str, row: str) -> str:
    """The row's canonical label, or the wording the report printed where it drifted."""
    drifted = [
        p for p in report.problems if p.table == table and p.row == row and p.kind in ("label-drift", "label-damaged")
    ]
    if drifted:
        return report.tables[table].rows[row].label.split("\n")[-1]
    return _printed(spec.tables_for(report.meta.template_version)[table].row(row).label)


def t2_grid(report: Report) -> list[list[Span]]:
    r = lambda row, col: Span(_raw(report, "t2", row, col))
    rows = [
        [Span("第二十条第（一）项", colspan=4)],
        [Span("信息内容"), Span("本年制发件数"), Span("本年废止件数"), Span("现行有效件数")],
    ]
    for key in ("regulations", "normative_docs"):
        rows.append([Span(_label(report, "t2", key))] + [r(key, c) for c in ("issued", "repealed", "in_force")])
    sections = (
        ("第二十条第（五）项", "本年处理决定数量", ("licensing",), "decisions"),
        ("第二十条第（六）项", "本年处理决定数量", ("punishment", "coercion"), "decisions"),
        ("第二十条第（八）项", "本年收费金额（单位：万元）", ("fees",), "amount"),
    )
    for heading, column_title, keys, col in sections:
        rows.append([Span(heading, colspan=4)])
        rows.append([Span("信息内容"), Span(column_title, colspan=3)])
        for key in keys:
            rows.append([Span(_label(report, "t2", key)), Span(_raw(report, "t2", key, col), colspan=3)])
    return rows


_CATEGORIES = {
    "denied": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
}
_COLUMN_TITLES = {
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "legal_entity_subtotal": "小计",
}


def t3_grid(report: Report) -> list[list[Span]]:
    table = report.tables["t3"]
    columns = table.present_columns
    legal = [c for c in columns if c in _COLUMN_TITLES]
    rows = [
        [
            Span("申请人情况", rowspan=2, colspan=3),
            Span("自然人", rowspan=2),
            Span("法人或其他组织", colspan=len(legal)),
            Span("总计", rowspan=2),
        ],
        [Span(_COLUMN_TITLES[c]) for c in legal],
    ]
    values = lambda key: [Span(_raw(report, "t3", key, c)) for c in columns]
    keys = list(table.rows)
    handled = keys[keys.index("granted") : keys.index("total_handled") + 1]
    for key in keys:
        label = _label(report, "t3", key)
        if key not in handled:
            rows.append([Span(label, colspan=3)] + values(key))
            continue
        lead = [Span("三、本年度办理结果", rowspan=len(handled))] if key == handled[0] else []
        group = key.split(".")[0]
        if "." not in key:
            rows.append(lead + [Span(label, colspan=2)] + values(key))
            continue
        members = [k for k in handled if k.split(".")[0] == group]
        head = [Span(_CATEGORIES[group], rowspan=len(members))] if key == members[0] else []
        rows.append(lead + head + [Span(label)] + values(key))
    return rows


def t4_grid(report: Report) -> list[list[Span]]:
    titles = [Span(t) for t in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    rows = [
        [Span("行政复议", colspan=5), Span("行政诉讼", colspan=10)],
        [Span(t.text, rowspan=2) for t in titles]
        + [Span("未经复议直接起诉", colspan=5), Span("复议后起诉", colspan=5)],
        titles + titles,
        [Span(_raw(report, "t4", g, c)) for g in spec.T4_GROUPS for c in spec.T4_COLUMNS],
    ]
    return rows


_GRIDS = {"t2": (2, t2_grid), "t3": (3, t3_grid), "t4": (4, t4_grid)}


def layout(report: Report) -> list[tuple]:
    """Blocks in reading order: ("p", text) and ("table", rows of Span)."""
    regions = {}
    for key, (part_number, build) in _GRIDS.items():
        table = report.tables[key]
        part = report.part(part_number)
        if not table.found or part is None:
            continue
        last = max(
            [r.line or 0 for r in table.rows.values()]
            + [c.line or 0 for r in table.rows.values() for c in r.cells.values()]
        )
        regions[part.line + 1] = (last, build(report))
    blocks: list[tuple] = []
    number = 1
    while number <= len(report.lines):
        if number in regions:
            last, grid = regions[number]
            blocks.append(("table", grid))
            number = last + 1
            continue
        text = report.lines[number - 1].strip()
        if text:
            blocks.append(("p", text.replace("\t", " ")))
        number += 1
    return blocks


def grid_positions(rows: list[list[Span]]) -> list[list[tuple[int, Span]]]:
    """The grid column where each span starts, honouring rowspans from the rows above."""
    taken: set = set()
    out = []
    for r, row in enumerate(rows):
        col, placed = 0, []
        for span in row:
            while (r, col) in taken:
                col += 1
            placed.append((col, span))
            for dr in range(span.rowspan):
                for dc in range(span.colspan):
                    taken.add((r + dr, col + dc))
            col += span.colspan
        out.append(placed)
    return out


def width_of(rows) -> int:
    return max(col + span.colspan for placed in grid_positions(rows) for col, span in placed)


# --- HTML ------------------------------------------------------------------------------------


def to_html(report: Report, encoding: str = "utf-8") -> bytes:
    body = []
    for kind, content in layout(report):
        if kind == "p":
            body.append(f"<p>{html.escape(content)}</p>")
        else:
            trs = []
            for row in content:
                tds = "".join(
                    "<td"
                    + (f' rowspan="{s.rowspan}"' if s.rowspan > 1 else "")
                    + (f' colspan="{s.colspan}"' if s.colspan > 1 else "")
                    + f">{html.escape(s.text)}</td>"
                    for s in row
                )
                trs.append(f"<tr>{tds}</tr>")
            body.append('<table border="1">' + "".join(trs) + "</table>")
    page = (
        f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>政府信息公开</title>'
        "<script>var x = '<p>一、总体情况</p>';</script></head><body>"
        '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>'
        '<div class="article">' + "\n".join(body) + "</div>"
        '<div class="footer"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div></body></html>'
    )
    return page.encode(encoding, "xmlcharrefreplace")  # GBK has no \xa0: a character reference


# --- DOCX ------------------------------------------------------------------------------------


def to_docx(report: Report, path) -> None:
    import docx

    document = docx.Document()
    for kind, content in layout(report):
        if kind == "p":
            document.add_paragraph(content)
            continue
        table = document.add_table(rows=len(content), cols=width_of(content))
        for r, placed in enumerate(grid_positions(content)):
            for col, span in placed:
                cell = table.cell(r, col)
                if span.rowspan > 1 or span.colspan > 1:
                    cell = cell.merge(table.cell(r + span.rowspan - 1, col + span.colspan - 1))
                cell.text = span.text
    document.save(str(path))


# --- PDF -------------------------------------------------------------------------------------


def to_pdf(
    report: Report,
    path,
    font_size: float = 7.5,
    scanned_page: bool = False,
    ruled: bool = True,
    valign: str = "MIDDLE",
    prose_size: float = 11,
    font: tuple | None = None,
) -> None:
    """``scanned_page`` appends a page that is only an image, as a scanned signature page is;
    ``ruled=False`` draws the tables without any rules (a borderless layout); ``font``: (a TrueType
    file, the face's index in it) embedded instead of STSong-Light, for a rendering to pixels that
    must not depend on the fonts of the machine."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    face = "STSong-Light"
    if font is None:
        pdfmetrics.registerFont(UnicodeCIDFont(face))
    else:
        from reportlab.pdfbase.ttfonts import TTFont

        face = "Embedded-" + Path(font[0]).stem
        pdfmetrics.registerFont(TTFont(face, str(font[0]), subfontIndex=font[1]))
    prose = ParagraphStyle("prose", fontName=face, fontSize=prose_size, leading=prose_size * 1.5, wordWrap="CJK")
    small = ParagraphStyle("cell", fontName=face, fontSize=font_size, leading=font_size + 2, wordWrap="CJK")
    story = []
    page_width = A4[0] - 80
    for kind, content in layout(report):
        if kind == "p":
            story.append(Paragraph(html.escape(content), prose))
            continue
        width = width_of(content)
        grid: list[list] = [["" for _ in range(width)] for _ in content]
        style = [("VALIGN", (0, 0), (-1, -1), valign)]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        for r, placed in enumerate(grid_positions(content)):
            for col, span in placed:
                grid[r][col] = Paragraph(html.escape(span.text), small)
                if span.rowspan > 1 or span.colspan > 1:
                    style.append(("SPAN", (col, r), (col + span.colspan - 1, r + span.rowspan - 1)))
        if width >= 10 and content[0][0].colspan == 3:  # table 三: three label columns
            labels = [55, 55, 120]
        elif width == 4:  # table 二
            labels = [200]
        else:  # table 四: all value columns
            labels = []
        rest = (page_width - sum(labels)) / (width - len(labels))
        widths = labels + [rest] * (width - len(labels))
        story.append(Table(grid, colWidths=widths, style=TableStyle(style)))
    if scanned_page:
        import io

        from PIL import Image as PILImage

        picture = io.BytesIO()
        PILImage.new("L", (200, 280), 200).save(picture, format="PNG")
        picture.seek(0)
        story += [PageBreak(), Image(picture, width=400, height=560)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=50).build(story)
