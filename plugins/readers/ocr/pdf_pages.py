"""Scanned pages of a PDF rendered with PDFium and read by OCR.

RENDER_DPI was chosen by measurement (``tests/benchmarks/bench_ocr.py``): the text lines are found
on a copy of about 170 DPI whatever the rendering, so the rendering's resolution only feeds the
recogniser — 300 DPI read 100.0% of the table cells right in 6.5 CPU seconds a page, 150 DPI 99.9%
in 5.3 (drawn in a Song face: 99.6% and 99.5%, see engine.py).
A page drawn huge (a user unit of 75,000) is rendered at most MAX_SIDE pixels long.
"""

from __future__ import annotations

from ogilint.errors import UnusableInput
from ogilint.plugins.readers.ocr.scan import read_pages

RENDER_DPI = 300
MAX_SIDE = 5000  # pixels


def read_scanned(path: str, numbers: tuple) -> tuple[dict, list]:
    """({page: [Line]}, notes) of the pages ``numbers`` (1-based) of the PDF at ``path``."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        raise UnusableInput("PDF 文件已损坏,扫描页无法渲染") from None
    try:
        return read_pages(((n, _renderer(pdf, n)) for n in numbers), kind="PDF ", total=len(numbers))
    finally:
        pdf.close()


def _renderer(pdf, number: int):
    def render():
        page = pdf[number - 1]
        try:
            width, height = page.get_size()
            scale = min(RENDER_DPI / 72.0, MAX_SIDE / max(width, height, 1.0))
            return page.render(scale=scale, grayscale=False).to_pil()
        finally:
            page.close()

    return render
