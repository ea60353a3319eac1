"""Without the ``ocr`` extra a scan gets the reason it always got, plus the command that installs
OCR; with it, images are files a folder walk reads."""

from __future__ import annotations

import pytest

from ogilint import UnusableInput, parse_file
from ogilint.plugins.readers import image, pdf
from ogilint.reading import ocr, suffixes
from tests.test_read_pdf import _image_pdf

INSTALL = "pip install 'ogilint[ocr]'"


@pytest.fixture
def no_ocr(monkeypatch):
    monkeypatch.setattr(image, "ocr_installed", lambda: False)
    monkeypatch.setattr(pdf, "ocr_installed", lambda: False)


def test_image_without_ocr_says_how_to_install(no_ocr, tmp_path):
    from PIL import Image

    path = tmp_path / "scan.jpg"
    Image.new("RGB", (100, 140), "white").save(path)
    with pytest.raises(UnusableInput) as caught:
        parse_file(path)
    assert "需要先做 OCR" in caught.value.reason and INSTALL in caught.value.reason and "JPEG" in caught.value.reason


def test_scanned_pdf_without_ocr_says_how_to_install(no_ocr, tmp_path):
    path = tmp_path / "scan.pdf"
    _image_pdf(path, pages=2)
    with pytest.raises(UnusableInput) as caught:
        parse_file(path)
    assert caught.value.reason.startswith("PDF 没有文字层(扫描件),需要先做 OCR") and INSTALL in caught.value.reason


def test_image_signatures():
    assert image.image_kind(b"\x89PNG\r\n\x1a\n....") == "PNG"
    assert image.image_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "WebP"
    assert image.image_kind(b"II*\x00") == image.image_kind(b"MM\x00*") == "TIFF"
    assert image.image_kind(b"%PDF-1.7") is None and image.image_kind(b"BM") == "BMP"


def test_folder_walk_reads_images_only_with_ocr():
    if ocr.ocr_installed():
        assert ".png" in suffixes.READ_SUFFIXES and ".png" not in suffixes.UNSUPPORTED
    else:
        assert ".png" not in suffixes.READ_SUFFIXES and INSTALL in suffixes.UNSUPPORTED[".png"]
