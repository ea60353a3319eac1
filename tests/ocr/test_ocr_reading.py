"""Scanned reports read by OCR: rendered report pages as images (TIFF, PNG, an image-only PDF) —
clean at 300 DPI, at 150 DPI, borderless, turned, askew, noisy, stamped, worn and JPEG-compressed —
read into the same tables as the text they were rendered from, every wrong cell marked
low-confidence or reported."""

from __future__ import annotations

import io

import pytest

from ogilint import UnusableInput, parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import FIXTURES, SEEDS
from tests.ocr import scans

try:
    import rapidocr_onnxruntime  # noqa: F401

    ENGINE = None
except Exception as exc:  # not installed, or its native libraries are missing
    ENGINE = f"OCR 引擎不可用 (pip install 'ogilint[ocr]'): {type(exc).__name__}"

pytestmark = [
    pytest.mark.skipif(ENGINE is not None, reason=ENGINE or ""),
    pytest.mark.skipif(scans.NO_FONT is not None, reason=scans.NO_FONT or ""),
]

SEED = SEEDS / "004_7cf50946b776564f.txt"  # two pages: table 二 and 三 on the first, 三 and 四 on the second


@pytest.fixture(scope="module")
def golden():
    return parse_file(SEED)


def _tiff(pages, path):
    pages[0].save(
        path, format="TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(300, 300)
    )
    return path


def _image_pdf(pages, path, dpi: int):
    """A PDF whose pages are only the images (a scan), each drawn at ``dpi``."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for image in pages:
        width, height = image.size[0] * 72 / dpi, image.size[1] * 72 / dpi
        c.setPageSize((width, height))
        data = io.BytesIO()
        image.save(data, format="PNG")
        data.seek(0)
        c.drawImage(ImageReader(data), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    return path


def _check(read, golden, at_least: float):
    result = scans.compare(read, golden)
    assert not result.silent, f"wrong cells neither low-confidence nor reported: {result.silent}"
    assert result.accuracy >= at_least, (result.accuracy, result.flagged)
    return result


def test_multi_page_tiff_at_300_dpi_reads_the_tables(golden, tmp_path):
    path = _tiff(scans.render_pages(golden, tmp_path, 300), tmp_path / "scan.tif")
    read = parse_file(path)
    assert read.meta.source_format == "image"
    _check(read, golden, 0.98)
    origin = read.origin(read.tables["t3"].rows["new_received"].cells["total"].line)
    assert origin.page == 1 and len(origin.boxes) == len(origin.confidences) > 1
    assert all(0 <= v <= 1 for box in origin.boxes for v in box)
    assert read.meta.title == golden.meta.title


def test_image_only_pdf_at_150_dpi_borderless(golden, tmp_path):
    pages = scans.render_pages(golden, tmp_path, 150, ruled=False)
    read = parse_file(_image_pdf(pages, tmp_path / "scan.pdf", 150))
    assert read.meta.source_format == "pdf" and read.origins[0].confidences
    _check(read, golden, 0.9)


def test_turned_askew_noisy_and_stamped_pages(golden, tmp_path):
    """Page 1 upside down with noise; page 2 on its side, 1.5° askew, a red seal over table 四."""
    first, second = scans.render_pages(golden, tmp_path, 300)
    first = scans.noisy(first).rotate(180)
    second = scans.skewed(scans.stamped(second, where=(0.5, 0.45)), 1.5).rotate(90, expand=True)
    read = parse_file(_tiff([first, second], tmp_path / "turned.tif"))
    _check(read, golden, 0.95)


def test_real_report_pages_at_300_dpi(tmp_path):
    golden = parse_file(FIXTURES / "real" / "huaian-2024.txt")
    pages = scans.render_pages(golden, tmp_path, 300)
    read = parse_file(_image_pdf(pages, tmp_path / "huaian.pdf", 300))
    _check(read, golden, 0.98)
    findings = Engine(ProjectConfig(), Overrides()).check_report(read, "huaian.pdf").findings
    assert not [f for f in findings if f.code.startswith("IDN")], [f.message for f in findings]


def test_a_worn_scan_loses_cells_but_states_none_wrongly(tmp_path):
    """Noisy, blurred, askew, JPEG-compressed pages of a real report: many cells are doubtful, none
    is silently wrong. (A thin "1" in a wide cell once came out as a sure blank.)"""
    golden = parse_file(FIXTURES / "real" / "shuyang-2025.txt")
    pages = [scans.worn(page, seed=k) for k, page in enumerate(scans.render_pages(golden, tmp_path, 300))]
    pages[0] = scans.stamped(pages[0], where=(0.6, 0.5))
    pages = [scans.as_jpeg(scans.skewed(page, 0.8)) for page in pages]
    path = tmp_path / "worn.tif"
    pages[0].save(path, format="TIFF", save_all=True, append_images=pages[1:], compression="jpeg", quality=55)
    _check(parse_file(path), golden, 0.5)


def test_decompression_bomb_is_refused(tmp_path):
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)  # 10 billion grey pixels
    path = tmp_path / "bomb.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    )
    with pytest.raises(UnusableInput, match="像素过多"):
        parse_file(path)


@pytest.mark.parametrize(
    "name,data",
    [
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50),
        ("cut.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 40),
        ("junk.tif", b"II*\x00" + b"\xff" * 100),
    ],
)
def test_corrupt_image_is_one_line(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnusableInput) as caught:
        parse_file(path)
    assert "\n" not in caught.value.reason and "图片" in caught.value.reason


def test_blank_scan_has_no_text(tmp_path):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 235).save(path)
    with pytest.raises(UnusableInput, match="没有识别出文字"):
        parse_file(path)


def test_time_limit_leaves_pages_noted(monkeypatch, tmp_path):
    """Past the OCR time limit the pages left are not read: the answer says so, in bounded time."""
    from PIL import Image

    from ogilint.plugins.readers.ocr import scan

    monkeypatch.setattr(scan, "OCR_SECONDS", -1.0)  # already past: no page is read
    pages = [Image.new("RGB", (620, 877), "white") for _ in range(3)]
    with pytest.raises(UnusableInput, match="时间上限"):
        parse_file(_image_pdf(pages, tmp_path / "long.pdf", 75))


def test_a_multi_page_scan_tells_its_pages_as_they_are_read(tmp_path):
    """A 100-page scan is minutes of OCR in one file: the run's progress is told each page read
    ("OCR 识别", then back to "读取"), while the answer is what it would be without it."""
    from PIL import Image

    path = tmp_path / "scan.tif"
    frames = [Image.new("L", (620, 877), 235) for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    told = []
    engine = Engine(ProjectConfig(), Overrides())
    [result] = engine.check_paths(
        [str(tmp_path)], progress=lambda stage, done, total: told.append((stage, done, total))
    )
    assert "没有识别出文字" in result.error
    assert [t for t in told if t[0] == "OCR 识别"] == [("OCR 识别", 1, 3), ("OCR 识别", 2, 3), ("OCR 识别", 3, 3)]
    reading = [t for t in told if t[0] != "检查"]
    assert reading[0] == ("读取", 0, 1) and reading[-1] == ("读取", 1, 1)  # the file bar resumes after the pages


def test_pages_read_by_workers_show_in_the_progress(tmp_path):
    """``--jobs 2``: the pages of a scan read in a worker reach the progress of the run (eight files:
    fewer are read in one process)."""
    from PIL import Image

    from ogilint.checking.engine import MIN_FILES_FOR_WORKERS

    _tiff([Image.new("RGB", (400, 560), "white") for _ in range(3)], tmp_path / "blank.tif")
    text = SEED.read_text(encoding="utf-8")
    for k in range(MIN_FILES_FOR_WORKERS - 1):
        (tmp_path / f"other-{k}.txt").write_text(text, encoding="utf-8")
    told = []
    results = Engine(ProjectConfig(), Overrides()).check_paths(
        [str(tmp_path)], progress=lambda stage, done, total: told.append((stage, done, total)), jobs=2
    )
    assert len(results) == MIN_FILES_FOR_WORKERS
    assert [t for t in told if t[0] == "OCR 识别"] == [("OCR 识别", k, 3) for k in (1, 2, 3)]
