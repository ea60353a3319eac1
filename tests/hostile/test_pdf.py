"""PDFs built to exhaust the reader, and PDFs refused for the wrong reason (issue 10, items 5 and 14).

Rebuilding table cells from the ruling lines was quadratic in the rules: a one-page grid of
2000 × 400 lines (20 KB) never finished, and twenty pages of grids took minutes. Every such file
now gets its answer in seconds: the rules are indexed, and a page past the bounds of work (too
many rules, drawing objects or characters) is noted as unreadable (EXT010) or, when nothing else
is left, refused with a one-line reason. Each command runs in a subprocess under a timeout and an
address-space limit (``tests/bounded.py``); the inputs are built here with reportlab.
"""

from __future__ import annotations

import bisect
import json
import random

from ogilint.document import clean_cell
from ogilint.plugins.readers import pdf as reader
from tests.bounded import ogilint_bounded
from tests.conftest import SEEDS

TITLE = "某某局2023年政府信息公开工作年度报告"
SEED_TEXT = SEEDS / "004_7cf50946b776564f.txt"


def _canvas(path, size=(595, 842)):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path), pagesize=size)


def _grid_pdf(path, rows: int, cols: int, pages: int = 1, step: float = 4.0):
    """``pages`` pages, each a grid of ``rows`` horizontal and ``cols`` vertical lines ``step``
    points apart (one stroked path, as c.grid draws it), and a line of text."""
    width, height = max(595, cols * step + 40), max(842, rows * step + 40)
    c = _canvas(path, (width, height))
    for _ in range(pages):
        c.setLineWidth(0.1)
        c.grid([20 + step * i for i in range(cols)], [20 + step * j for j in range(rows)])
        c.setFont("STSong-Light", 10)
        c.drawString(100, height - 100, TITLE)
        c.showPage()
    c.save()


def _one_line_reason(proc, *words: str) -> str:
    assert proc.returncode == 2, proc.stderr[-500:]
    [line] = proc.stderr.strip().splitlines()
    for word in words:
        assert word in line, line
    return line


# --- item 5: grids ----------------------------------------------------------------------------


def test_one_page_grid_of_2000_by_400_lines_is_refused_at_once(tmp_path):
    """Before: never finished (> 240 s). After: under a second past start-up; nothing but the
    grid is on the page, so the whole file is refused (exit 2) with the page's reason."""
    path = tmp_path / "grid.pdf"
    _grid_pdf(path, rows=2000, cols=400)
    proc = ogilint_bounded("check", str(path), seconds=30)
    _one_line_reason(proc, "第1页", "无法还原为表格")


def test_twenty_pages_of_grids_get_an_answer(tmp_path):
    """Twenty pages of 250 × 250 lines, each under the cap on rules: before, a minute of cell
    rebuilding; after, the bounds of work per page and per PDF stop it within a second."""
    path = tmp_path / "grids.pdf"
    _grid_pdf(path, rows=250, cols=250, pages=20, step=3.0)
    proc = ogilint_bounded("parse", str(path), seconds=30)
    line = _one_line_reason(proc, "表格", "无法还原为表格")
    assert "第1–" in line and "20页" in line  # every page accounted for, as ranges


def test_grid_page_after_a_real_report_is_a_finding_about_that_page(tmp_path, corpus):
    """The report is still checked; the grid page becomes EXT010 naming the page, and the exit
    code is the report's own (EXT010 is a warning: the report itself is complete)."""
    import pypdfium2 as pdfium

    grid = tmp_path / "grid.pdf"
    _grid_pdf(grid, rows=2000, cols=400)
    report = corpus / "real" / "huaian-2024.pdf"
    doc = pdfium.PdfDocument(str(report))
    pages = len(doc)
    doc.import_pages(pdfium.PdfDocument(str(grid)))
    path = tmp_path / "report-and-grid.pdf"
    doc.save(str(path))
    proc = ogilint_bounded("check", "--format", "json", str(path), seconds=30)
    [result] = json.loads(proc.stdout)
    [note] = [f for f in result["findings"] if f["code"] == "EXT010"]
    assert note["message"].startswith(f"PDF 第{pages + 1}页的表格") and note["message"].endswith("其内容未被检查")
    assert note["severity"] == "warning"
    failing = any(f["severity"] == "error" for f in result["findings"])
    assert proc.returncode == (1 if failing else 0)  # the report's own answer at the default gate
    assert result["meta"]["year"] == 2024 and result["meta"]["template_detected"]  # the report was read


def test_a_hundred_thousand_characters_on_a_page(tmp_path):
    """1 KB of compressed stream draws 100,000 characters (3,000,000 would take a minute to read
    one by one): a page of a report holds under 1,000."""
    path = tmp_path / "chars.pdf"
    c = _canvas(path)
    c.setPageCompression(1)
    c.setFont("Helvetica", 1)
    for i in range(100):
        c.drawString(10, 10 + i * 8, "x" * 1000)
    c.showPage()
    c.save()
    proc = ogilint_bounded("parse", str(path), seconds=30)
    _one_line_reason(proc, "第1页", "文字过多")


def _nested_forms(path, n: int):
    """A page drawing form C n times; C draws B n times, B draws A n times, A draws n lines: n⁴
    lines from a file of a few KB."""
    c = _canvas(path)
    c.beginForm("A")
    c.setLineWidth(0.1)
    for i in range(n):
        c.line(10, 10 + i * 0.01, 300, 10 + i * 0.01)
    c.endForm()
    for name, inner in (("B", "A"), ("C", "B")):
        c.beginForm(name)
        for _ in range(n):
            c.doForm(inner)
        c.endForm()
    c.setFont("STSong-Light", 10)
    c.drawString(100, 700, TITLE)
    for _ in range(n):
        c.doForm("C")
    c.showPage()
    c.save()
    return path


def test_form_drawn_inside_forms_unfolds_into_too_many_objects(tmp_path):
    """3 KB: a form of 20 lines drawn 20 times inside a form drawn 20 times, three deep, is
    160,000 path objects; past the bound of objects looked at, the page is too complex."""
    path = _nested_forms(tmp_path / "forms.pdf", 20)
    proc = ogilint_bounded("parse", str(path), seconds=30)
    _one_line_reason(proc, "第1页", "图形过多")


def test_page_list_names_runs_of_pages():
    assert reader._page_list([3]) == "第3页"
    assert reader._page_list([3, 5]) == "第3、5页"
    assert reader._page_list(list(range(2, 21))) == "第2–20页"
    assert reader._page_list(list(range(1, 60, 2))).endswith("等 30 页")


# --- the fast path gives the cells the scan gave ------------------------------------------------


def _scan_ruled_rows(chars, used, horizontal, vertical):
    """The cell rebuilding as it was before the rules were indexed (quadratic), kept as the
    definition the indexed one must match cell for cell."""
    tol = reader.LEVEL_TOLERANCE

    def covers(level, x):
        return any(abs(y - level) <= tol and x0 - tol <= x <= x1 + tol for y, x0, x1 in horizontal)

    levels = reader._levels([y for y, _, _ in horizontal])
    order = sorted(range(len(chars)), key=lambda i: (chars[i][2] + chars[i][4]) / 2)
    centres = [(chars[i][2] + chars[i][4]) / 2 for i in order]
    rows = []
    for k in range(len(levels) - 1):
        top, below = levels[k], levels[k + 1]
        middle = (top + below) / 2
        xs = reader._levels([x for x, y0, y1 in vertical if y0 - tol <= middle <= y1 + tol])
        if len(xs) < 2:
            continue
        cells = []
        for left, right in zip(xs, xs[1:]):
            centre = (left + right) / 2
            if not covers(top, centre):
                continue
            bottom = next((lv for lv in levels[k + 1 :] if covers(lv, centre)), levels[-1])
            inside = []
            for j in range(bisect.bisect_left(centres, top), bisect.bisect_right(centres, bottom)):
                ch = chars[order[j]]
                if not used[order[j]] and left <= (ch[1] + ch[3]) / 2 <= right:
                    used[order[j]] = True
                    inside.append(ch)
            cells.append(clean_cell(reader._join_lines(inside, wrap="")))
        while cells and not cells[0]:
            cells.pop(0)
        if any(cells):
            rows.append((top, xs[0], "\t".join(cells)))
    return rows


def _random_page(seed: int):
    """Rules and characters on a coarse lattice, so that ties are exact (a character centred on a
    rule, a rule at exactly the tolerance from a level, a vertical rule drawn bottom to top)."""
    rng = random.Random(seed)
    unit = rng.choice([0.5, 1, 2, 3])

    def at(n):
        return rng.randint(0, n) * unit + rng.choice([0, 0, 0, 0.25, -1.0, 2.0])

    horizontal = [(at(40), *sorted((at(30), at(30)))) for _ in range(rng.randint(1, 40))]
    vertical = [(at(30), at(40), at(40)) for _ in range(rng.randint(1, 30))]
    chars = []
    for _ in range(rng.randint(0, 80)):
        x, y, w = at(30), at(40), rng.choice([1, 2, 0.5]) * unit
        chars.append((rng.choice("一二三四五12"), x - w / 2, y - w / 2, x + w / 2, y + w / 2))
    return horizontal, vertical, chars


def test_indexed_cells_are_the_cells_of_the_scan():
    """The indexed rebuilding takes the same characters into the same cells, in the same order."""
    for seed in range(400):
        horizontal, vertical, chars = _random_page(seed)
        used_scan, used_fast = [False] * len(chars), [False] * len(chars)
        expected = _scan_ruled_rows(chars, used_scan, horizontal, vertical)
        assert reader._ruled_rows(chars, used_fast, horizontal, vertical, reader._Budget()) == expected, seed
        assert used_fast == used_scan, seed


# --- item 14: refusals that say what happened ---------------------------------------------------


def test_pdf_whose_only_text_is_page_numbers_and_running_headers(tmp_path):
    """Every line is dropped as margin matter: before, "文件是空的"."""
    path = tmp_path / "margins.pdf"
    c = _canvas(path)
    for page in (1, 2, 3):
        c.setFont("STSong-Light", 11)
        c.drawString(72, 800, TITLE)  # a running header, on every page
        c.drawString(290, 40, f"- {page} -")
        c.showPage()
    c.save()
    line = _one_line_reason(ogilint_bounded("parse", str(path), seconds=30), "页码", "页眉页脚", "没有正文")
    assert "文件是空的" not in line


def test_pdf_without_pages(tmp_path):
    """A page tree with no pages: PDFium opens it without error and pypdfium2 refuses it with
    "(PDFium: Success)", which read as a damaged file."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "no-pages.pdf"
    path.write_bytes(bytes(data))
    line = _one_line_reason(ogilint_bounded("parse", str(path), seconds=30), "没有任何页面")
    assert "PDFium" not in line and "损坏" not in line


def test_forms_that_pdfium_unfolds_into_gigabytes_stop_only_the_reading_child(tmp_path):
    """4 KB: forms 60 deep four times over make PDFium unfold 60⁴ drawings inside C code while it
    loads the page, past any memory limit (the whole process used to abort). PDFium runs in a child
    process under a memory and a time limit: the file gets a one-line reason, the next is checked."""
    path = _nested_forms(tmp_path / "forms60.pdf", 60)
    good = tmp_path / "good.txt"
    good.write_bytes(SEED_TEXT.read_bytes())
    proc = ogilint_bounded("check", str(path), str(good), "--format", "json", seconds=120)
    results = {r["file"]: r for r in json.loads(proc.stdout)}
    assert "上限" in results[str(path)]["error"] and not results[str(good)].get("error")
