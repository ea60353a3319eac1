"""The OCR engine: RapidOCR's PP-OCRv4 detection and recognition (ONNX models inside its wheel).

Chosen over Tesseract 5 ``chi_sim`` by measurement (``tests/benchmarks/bench_ocr.py``: the 16
pages of the five seed reports rendered, read, parsed and compared cell by cell with the texts):
RapidOCR read 100.0% of the cells of tables 二/三/四 right at 300 DPI and 99.9% at 150, Tesseract
69.8% and 83.1%; Tesseract is the faster (2.6 and 2.0 CPU seconds a page against 6.5 and 5.3 on
the shared two-core machine, one thread), and its models come from the system, not from a wheel. Nothing is
downloaded: RapidOCR's models are files of the installed package.

The text lines are found on a copy of the page at most DETECT_SIDE pixels long (the detector's
cost grows with the pixels) and read from the full page (the recogniser scales each line to 48
pixels high, so its cost does not). Every box comes back with the recogniser's
confidence; boxes of low confidence are kept, never dropped, so a doubtful digit is reported
instead of lost. One thread by default (``OGILINT_OCR_THREADS``): files are read in parallel.
"""

from __future__ import annotations

import os

import attrs

THREADS_VARIABLE = "OGILINT_OCR_THREADS"
DETECT_SIDE = 2000  # pixels: the long side of the copy the text lines are found on
# Lines read one at a time: a batch pads every line to its widest, and measured on two pages the
# recogniser took 4.5 and 5.3 CPU seconds one by one against 13.1 and 7.6 in batches of eight.
REC_BATCH = 1


@attrs.frozen
class Box:
    """One text box the engine read: its text, its place in pixels, its confidence (0–1)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float


class _Models:
    """The three ONNX sessions, made once per process, with the configured threads."""

    def __init__(self, threads: int):
        from rapidocr_onnxruntime import main as rapid

        config = rapid.update_model_path(rapid.read_yaml(rapid.DEFAULT_CFG_PATH))
        for part in ("Det", "Cls", "Rec"):
            config[part].update(intra_op_num_threads=threads, inter_op_num_threads=1)
        # A lone digit is padded to 320 pixels (RapidOCR's shape) like a line of seven characters:
        # measured, narrower inputs read "0" as "o" and "０" (99.3% of cells right at 192, 100% at 320).
        config["Rec"].update(rec_batch_num=REC_BATCH)
        self.detector = rapid.TextDetector(config["Det"])
        self.classifier = rapid.TextClassifier(config["Cls"])
        self.recogniser = rapid.TextRecognizer(config["Rec"])


_models = None


def _threads() -> int:
    try:
        return max(1, min(os.cpu_count() or 1, int(os.environ.get(THREADS_VARIABLE, "1"))))
    except ValueError:
        return 1


def _load() -> _Models:
    global _models
    if _models is None:
        _models = _Models(_threads())
    return _models


def _colour(pixels):
    import numpy as np

    return np.ascontiguousarray(np.repeat(pixels[:, :, None], 3, axis=2)) if pixels.ndim == 2 else pixels


def detect(pixels, side: int = DETECT_SIDE) -> list:
    """The text boxes' corner points (4 × (x, y), clockwise from the top left) in the pixels of
    ``pixels``, found on a copy at most ``side`` pixels long."""
    import numpy as np
    from PIL import Image

    height, width = pixels.shape[:2]
    scale = min(1.0, side / max(height, width))
    small = pixels
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = np.asarray(Image.fromarray(pixels).resize(size, Image.BILINEAR))
    quads, _ = _load().detector(_colour(small))
    if quads is None or len(quads) == 0:
        return []
    return [np.asarray(q, dtype=np.float32) / scale for q in quads]


def _crop(pixels, quad):
    """The text line of ``quad``, straightened (as RapidOCR crops it)."""
    import cv2
    import numpy as np

    width = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    height = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    crop = cv2.warpPerspective(pixels, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    if crop.shape[0] >= 1.5 * crop.shape[1]:
        crop = np.rot90(crop)
    return crop


def read_boxes(pixels) -> list[Box]:
    """The text boxes of an upright page (a numpy array, grey or RGB), each read with its confidence."""
    pixels = _colour(pixels)
    quads = detect(pixels)
    if not quads:
        return []
    results, _ = _load().recogniser([_crop(pixels, q) for q in quads])
    out = []
    for quad, result in zip(quads, results):
        text, score = str(result[0]).strip(), float(result[1])
        if text:
            xs, ys = quad[:, 0], quad[:, 1]
            out.append(
                Box(text, float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), min(max(score, 0.0), 1.0))
            )
    return out


def upside_down(pixels, quads) -> float:
    """The share of the boxes (the 30 longest) the engine's direction classifier reads as turned
    by 180°."""
    import numpy as np

    if not quads:
        return 0.0
    pixels = _colour(pixels)
    longest = sorted(quads, key=lambda q: -float(np.linalg.norm(q[1] - q[0])))[:30]
    _, labels, _ = _load().classifier([_crop(pixels, q) for q in longest])
    turned = sum(1 for label, score in labels if str(label) == "180" and float(score) >= 0.6)
    return turned / len(labels) if labels else 0.0
