"""Seconds per report for each input format (median, one process, one core): text, PDF, DOCX, HTML.

The PDF, DOCX and HTML files are renderings of the corpus reports (tests/renderings.py) plus the
original PDF of huaian-2024; each is read through its reader plugin and parsed into the model.
Run: python -m tests.benchmarks.bench_formats   — prints figures; asserts nothing about speed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from ogilint import UnusableInput, parse_file
from ogilint.api import default_manager, read_document

from .. import renderings

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "fixtures"  # the repo's copies of corpus reports
SOURCES = ["001_48885ef824cbd5d4.txt", "002_0b3756e79a1f4c29.txt", "004_7cf50946b776564f.txt"]


def _files(folder: Path, quick: bool = False) -> dict:
    texts = [HERE.parent / "fixtures" / "seeds" / name for name in SOURCES[: 1 if quick else None]]
    if (CORPUS / "real" / "huaian-2024.txt").exists():
        texts.append(CORPUS / "real" / "huaian-2024.txt")
    files: dict = {"text": list(texts), "pdf": [], "docx": [], "html": []}
    for text in texts:
        report = parse_file(text)
        stem = folder / text.stem
        renderings.to_pdf(report, stem.with_suffix(".pdf"))
        renderings.to_docx(report, stem.with_suffix(".docx"))
        stem.with_suffix(".html").write_bytes(renderings.to_html(report, "gbk"))
        files["pdf"].append(stem.with_suffix(".pdf"))
        files["docx"].append(stem.with_suffix(".docx"))
        files["html"].append(stem.with_suffix(".html"))
    if (CORPUS / "real" / "huaian-2024.pdf").exists() and not quick:
        files["pdf"].append(CORPUS / "real" / "huaian-2024.pdf")
        # The target is stated for a report of about ten pages: huaian in large print.
        long_pdf = folder / "huaian-large-print.pdf"
        renderings.to_pdf(parse_file(CORPUS / "real" / "huaian-2024.txt"), long_pdf, prose_size=27)
        files["pdf"].append(long_pdf)
    return files


def _median_seconds(fn, path, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(rounds: int = 5, quick: bool = False) -> int:
    """Print the figures; ``quick``: one seed report per format only (the test suite's smoke run)."""
    manager = default_manager()
    with tempfile.TemporaryDirectory() as tmp:
        files = _files(Path(tmp), quick)
        for fmt, paths in list(files.items()):  # warm up: imports, grammar, OpenCC
            try:
                parse_file(paths[0], manager=manager)
            except UnusableInput as exc:
                print(f"{fmt}: not readable here ({exc.reason}); left out")
                del files[fmt]
        print(f"{'format':<6} {'files':>5} {'read (median)':>14} {'read+parse (median)':>20} {'slowest':>10}")
        for fmt, paths in files.items():
            reads = [_median_seconds(lambda p: read_document(p, manager), p, rounds) for p in paths]
            totals = [_median_seconds(lambda p: parse_file(p, manager=manager), p, rounds) for p in paths]
            print(
                f"{fmt:<6} {len(paths):>5} {statistics.median(reads) * 1000:>11.1f} ms"
                f" {statistics.median(totals) * 1000:>17.1f} ms {max(totals) * 1000:>7.1f} ms"
            )
        if files["pdf"]:
            import pypdfium2 as pdfium

            for path in files["pdf"]:
                pages = len(pdfium.PdfDocument(str(path)))
                seconds = _median_seconds(lambda p: parse_file(p, manager=manager), path, rounds)
                origin = "original" if CORPUS in path.parents else "rendering"
                print(f"  {path.name} ({origin}): {pages} pages, {seconds * 1000:.1f} ms read+parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
