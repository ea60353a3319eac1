"""Scanned pages for the OCR tests and benchmark: reports rendered to PDF, then to page images
(150 or 300 DPI, ruled or borderless, turned, askew, noisy, stamped), and the OCR'd tables compared
cell by cell with the tables of the text they were rendered from."""

from __future__ import annotations

from pathlib import Path

import attrs

from ogilint.model import MISSING, NUMBER, UNREADABLE
from tests import renderings

# The pages are drawn with a font embedded in the PDF: a PDF that only names STSong-Light is drawn
# with whatever CJK font the machine has (none: the Chinese is blank; some: glyphs drawn wrong, as
# "本生F" for "本年"), and the figures would be the machine's, not the reader's. A Song (Ming) face,
# the style reports are printed in, from the Debian package .ci/run installs; each (file, face).
FONTS = (
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # fonts-arphic-uming: AR PL UMing CN
)
FONT = next(((path, index) for path, index in FONTS if Path(path).is_file()), None)
NO_FONT = None if FONT else "没有中文字体来绘制扫描页 (apt-get install fonts-arphic-uming)"

GUESSED = 0.5  # below this a cell is not used as a fact (plugins/rules/identities/common.py)


def render_pages(report, folder, dpi: int = 300, ruled: bool = True) -> list:
    """The report rendered to PDF (tests/renderings.py), its pages as RGB PIL images."""
    import pypdfium2 as pdfium

    path = folder / f"rendered-{dpi}-{int(ruled)}.pdf"
    if FONT is None:
        raise RuntimeError(NO_FONT)
    renderings.to_pdf(report, path, ruled=ruled, font=FONT)
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
    finally:
        pdf.close()


def skewed(image, degrees: float):
    return image.rotate(degrees, expand=True, fillcolor=(255, 255, 255))


def noisy(image, share: float = 0.01, seed: int = 7):
    """Salt-and-pepper noise on ``share`` of the pixels, and a grey paper."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image).copy()
    pixels = (pixels.astype(np.int16) * 0.9 + 20).clip(0, 255).astype(np.uint8)
    rng = np.random.default_rng(seed)
    mask = rng.random(pixels.shape[:2])
    pixels[mask < share / 2] = 0
    pixels[mask > 1 - share / 2] = 255
    return Image.fromarray(pixels)


def worn(image, seed: int = 7):
    """A worn copy: 2% salt-and-pepper noise and a slight blur (as a cheap scanner gives it)."""
    from PIL import ImageFilter

    return noisy(image, share=0.02, seed=seed).filter(ImageFilter.GaussianBlur(0.6))


def as_jpeg(image, quality: int = 55):
    """The image after a round trip through a JPEG of ``quality`` (as a web page gives a scan)."""
    import io

    from PIL import Image

    data = io.BytesIO()
    image.convert("RGB").save(data, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(data.getvalue()))


def stamped(image, where=(0.55, 0.6), size=0.22):
    """A red seal (ring and star) pressed on the page: ink multiplies with the print under it, as a
    stamped copy has (black print stays black, paper turns red)."""
    from PIL import Image, ImageChops, ImageDraw

    seal = Image.new("RGB", image.size, (255, 255, 255))
    draw = ImageDraw.Draw(seal)
    w, h = seal.size
    cx, cy, r = where[0] * w, where[1] * h, size * w / 2
    red = (220, 30, 30)
    for k in range(int(r * 0.06)):
        draw.ellipse((cx - r + k, cy - r + k, cx + r - k, cy + r - k), outline=red)
    points = []
    import math

    for i in range(10):
        radius = r * (0.3 if i % 2 else 0.12)
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=red)
    return ImageChops.multiply(image.convert("RGB"), seal)


@attrs.frozen
class Comparison:
    cells: int
    right: int
    flagged: tuple  # wrong cells marked low-confidence or reported: (address, golden, read)
    silent: tuple  # wrong cells that are neither: (address, golden, read)
    doubted: int = 0  # right cells nonetheless marked low-confidence (a reviewer checks them by hand)

    @property
    def accuracy(self) -> float:
        return self.right / self.cells if self.cells else 0.0


def _value(cell):
    if cell is None:
        return (MISSING, None)
    if cell.kind == NUMBER:
        return (NUMBER, cell.value)
    return (cell.kind, None)


def compare(read, golden) -> Comparison:
    """Every cell of tables 二/三/四 the golden report has, in the OCR'd report."""
    problems = {(p.table, p.row, p.col) for p in read.problems} | {(p.table, p.row, None) for p in read.problems}
    problems |= {(p.table, None, None) for p in read.problems if p.row is None}
    cells = right = doubted = 0
    flagged, silent = [], []
    for key in ("t2", "t3", "t4"):
        table = golden.tables[key]
        if not table.found:
            continue
        for row_key, row in table.rows.items():
            for col, cell in row.cells.items():
                if cell.kind == MISSING:
                    continue
                cells += 1
                got = read.tables[key].cell(row_key, col)
                want = _value(cell)
                if _value(got) == want:
                    right += 1
                    doubted += got.confidence < GUESSED
                    continue
                doubtful = (
                    got is None
                    or got.kind in (UNREADABLE, MISSING)
                    or got.confidence < GUESSED
                    or bool(problems & {(key, row_key, col), (key, row_key, None), (key, None, None)})
                )
                entry = (f"{key}.{row_key}.{col}", want, _value(got))
                (flagged if doubtful else silent).append(entry)
    return Comparison(cells, right, tuple(flagged), tuple(silent), doubted)
