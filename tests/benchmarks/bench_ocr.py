"""OCR engines on rendered report pages: cell accuracy of tables 二/三/四 and CPU seconds per page.

The five seed reports are rendered to PDF (tests/renderings.py), the pages to images at each DPI,
read by each engine through the same page rebuilding (plugins/readers/ocr/page.py), parsed, and
their tables compared cell by cell with the tables of the text they came from. Engines: the ``ocr``
extra's RapidOCR with the PP-OCRv6 tiny models ogilint ships (chosen) and with RapidOCR's own
PP-OCRv4 models, and Tesseract 5 ``chi_sim`` (Debian's tesseract-ocr and tesseract-ocr-chi-sim),
measured when its command is installed. Seconds are CPU seconds of this
process and its children, one thread (``OGILINT_OCR_THREADS=1``, ``OMP_THREAD_LIMIT=1``), for the
page's OCR with its rebuilding; the turning upright that comes before it (the pages are drawn
upright, so it measures and leaves them) is printed on its own.

Run: python -m tests.benchmarks.bench_ocr [--quick] [--dpi=150,300]   — prints figures; asserts nothing.
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogilint import parse_file
from ogilint.document import Document
from ogilint.parsing.pipeline import parse_document
from tests.conftest import SEEDS
from tests.ocr import scans


def tesseract_boxes(grey):
    """Word boxes from ``tesseract … -l chi_sim tsv`` (confidence 0–100 scaled to 0–1)."""
    from PIL import Image

    from ogilint.plugins.readers.ocr.engine import Box

    data = io.BytesIO()
    Image.fromarray(grey).save(data, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "3", "tsv"],
        input=data.getvalue(),
        capture_output=True,
        env=env,
        check=True,
    ).stdout.decode("utf-8", "replace")
    boxes = []
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (float(v) for v in cols[6:10])
        boxes.append(Box(cols[11].strip(), left, top, left + width, top + height, max(float(cols[10]), 0.0) / 100))
    return boxes


def _cpu() -> float:
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def measure(engine: str, dpi: int, seeds, folder: Path) -> tuple[float, float, int, int, float, float]:
    """(accuracy, CPU seconds per page, silently wrong cells, pages, share of the right cells
    marked doubtful, CPU seconds per page turning the page upright) of ``engine`` at ``dpi``. The
    pages are read as turned upright (RapidOCR's sets; Tesseract's pages as drawn), and the turning
    is timed on its own: it is the same for every set but its detector."""
    from ogilint.plugins.readers.ocr import engine as ocr_engine
    from ogilint.plugins.readers.ocr import orient
    from ogilint.plugins.readers.ocr.page import grey_of, read_page
    from ogilint.plugins.readers.ocr.scan import origin_of

    read_boxes = tesseract_boxes if engine == "tesseract" else None
    if engine in MODEL_SETS:
        ocr_engine.use(getattr(ocr_engine, MODEL_SETS[engine]))
    cells = right = silent = pages = doubted = 0
    seconds = turning = 0.0
    for seed in seeds:
        golden = parse_file(seed)
        lines, origins = [], []
        for number, image in enumerate(scans.render_pages(golden, folder, dpi), start=1):
            grey = grey_of(image)
            if read_boxes is None:
                start = _cpu()
                grey = orient.upright(grey)[0]
                turning += _cpu() - start
            start = _cpu()
            for k, line in enumerate(read_page(grey, read_boxes=read_boxes, turn=False), start=1):
                lines.append(line.text)
                origins.append(origin_of(number, k, line))
            seconds += _cpu() - start
            pages += 1
        read = parse_document(Document(tuple(lines), tuple(origins), format="image"), source=seed.name)
        result = scans.compare(read, golden)
        cells, right, silent = cells + result.cells, right + result.right, silent + len(result.silent)
        doubted += result.doubted
    return right / cells, seconds / pages, silent, pages, doubted / max(right, 1), turning / pages


# The RapidOCR model sets measured, by the name printed, with their name in the engine (the first is
# the one ogilint reads with).
MODEL_SETS = {"PP-OCRv6 tiny": "PP_OCR_V6_TINY", "PP-OCRv4": "PP_OCR_V4"}


def main(quick: bool = False, dpis=(150, 300)) -> int:
    os.environ.setdefault("OGILINT_OCR_THREADS", "1")
    if scans.NO_FONT:
        print(scans.NO_FONT)
        return 1
    seeds = sorted(SEEDS.glob("*.txt"))[: 1 if quick else None]
    engines = list(MODEL_SETS)[: 1 if quick else None] + (
        ["tesseract"] if shutil.which("tesseract") and not quick else []
    )
    with tempfile.TemporaryDirectory() as folder:
        for engine in engines:
            for dpi in dpis:
                accuracy, per_page, silent, pages, doubted, turning = measure(engine, dpi, seeds, Path(folder))
                upright = f", and {turning:.2f} s/page turning the page upright" if turning else ""
                print(
                    f"{engine:13s} {dpi:3d} DPI: {100 * accuracy:.1f}% of cells right "
                    f"({100 * doubted:.1f}% of those marked doubtful), {silent} wrong and not flagged, "
                    f"{per_page:.2f} s/page (CPU, {pages} pages){upright}"
                )
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    dpi_arg = next((a.split("=", 1)[1] for a in args if a.startswith("--dpi=")), None)
    sys.exit(
        main(quick="--quick" in args, dpis=tuple(int(d) for d in dpi_arg.split(",")))
        if dpi_arg
        else main("--quick" in args)
    )
