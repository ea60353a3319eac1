"""PDF input that is not a clean text PDF: scans, encrypted, corrupt, oversized — an answer each."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from ogilint import UnusableInput, parse_file
from ogilint.api import read_document

from . import renderings
from .bounded import ogilint_bounded
from .conftest import SEEDS


def _image_pdf(path, pages=1, text_first_page=None):
    """A PDF of image-only pages (a scan), optionally preceded by a rendered report."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = io.BytesIO()
    Image.new("L", (200, 280), 200).save(picture, format="PNG")
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        picture.seek(0)
        c.drawImage(ImageReader(picture), 40, 40, width=500, height=760)
        c.showPage()
    c.save()


def test_scan_without_text_layer_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    _image_pdf(path, pages=3)
    with pytest.raises(UnusableInput, match="OCR"):
        read_document(path)


def test_scanned_page_inside_a_text_pdf_is_reported(tmp_path):
    path = tmp_path / "signed.pdf"
    renderings.to_pdf(parse_file(SEEDS / "004_7cf50946b776564f.txt"), path, scanned_page=True)
    report = parse_file(path)
    [note] = [p for p in report.problems if p.kind == "page-no-text"]
    assert note.message.startswith("PDF 第") and "OCR" in note.message
    from ogilint.checking.config import ProjectConfig
    from ogilint.checking.engine import Engine, Overrides

    codes = [f.code for f in Engine(ProjectConfig(), Overrides()).check_report(report, "m.pdf").findings]
    assert "EXT010" in codes


def test_encrypted_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(100, 700, "2023 annual report")
    c.save()
    with pytest.raises(UnusableInput, match="加密"):
        read_document(path)


@pytest.mark.parametrize("cut", [0.02, 0.3, 0.7])
def test_truncated_pdf_gets_an_answer(tmp_path, cut, corpus):
    data = (corpus / "real" / "huaian-2024.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    proc = ogilint_bounded("parse", str(path))
    assert proc.returncode == 0 or (proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1)


def test_garbage_after_pdf_signature(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 400)
    with pytest.raises(UnusableInput, match="PDF"):
        read_document(path)


def test_file_of_200_mb_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(UnusableInput, match="过大"):  # refused from its size, before any reading
        read_document(path)


def test_command_line_gives_one_line_and_exit_2(tmp_path):
    path = tmp_path / "scan.pdf"
    _image_pdf(path)
    exe = shutil.which("ogilint")
    cmd = [exe] if exe else [sys.executable, "-m", "ogilint.cli"]
    for sub in (["parse"], ["check"]):
        proc = subprocess.run(cmd + sub + [str(path)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        if sub == ["parse"]:
            assert len(proc.stderr.strip().splitlines()) == 1 and "OCR" in proc.stderr


def test_mangled_pdfs_get_an_answer(tmp_path, corpus):
    """Bytes of the huaian PDF overwritten at random (seeded): every variant gives a report or a
    one-line reason, quickly. (Found: a damaged text layer yields lone UTF-16 surrogates; a
    damaged page fails to load while the others read — EXT010.)"""
    import random

    data = (corpus / "real" / "huaian-2024.pdf").read_bytes()
    rng = random.Random(7)
    paths = []
    for k in range(25):
        mangled = bytearray(data)
        for _ in range(rng.choice([5, 50, 500, 5000])):
            mangled[rng.randrange(len(mangled))] = rng.randrange(256)
        path = tmp_path / f"m{k}.pdf"
        path.write_bytes(bytes(mangled))
        paths.append(str(path))
    proc = ogilint_bounded("check", "--format", "json", "--exit-zero", *paths, seconds=180)
    checked = {r["file"] for r in json.loads(proc.stdout) if not r.get("error")}
    reasons = [line for line in proc.stderr.splitlines() if line.startswith("ogilint: ")]
    outcomes = Counter()
    for path in paths:
        if path in checked:
            outcomes["report"] += 1
        else:  # exactly one line of reason for the file
            assert sum(line.startswith(f"ogilint: {path}: ") for line in reasons) == 1, path
            outcomes["unusable"] += 1
    assert outcomes["report"] and outcomes["unusable"]  # both kinds of answer were exercised


def test_page_numbers_dropped_but_a_lone_number_mid_page_kept(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "numbers.pdf"
    c = canvas.Canvas(str(path))
    for page in (1, 2):
        c.setFont("STSong-Light", 11)
        c.drawString(72, 780, "某某局政府信息公开工作年度报告")  # a running header
        for i, text in enumerate(["行政许可", "447", "行政处罚", "12"]):  # values alone on their lines
            c.drawString(72, 700 - 20 * i, text)
        c.drawString(290, 40, f"- {page} -")
        c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.lines == ("某某局政府信息公开工作年度报告", "行政许可", "447", "行政处罚", "12") * 2
    assert [o.page for o in doc.origins] == [1] * 5 + [2] * 5
