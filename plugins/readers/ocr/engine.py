"""The OCR engine: RapidOCR's PP-OCRv4 detection and recognition (ONNX models inside its wheel).

Chosen over Tesseract 5 ``chi_sim`` by measurement (``tests/benchmarks/bench_ocr.py``: the 16
pages of the five seed reports rendered, read, parsed and compared cell by cell with the texts):
RapidOCR read 100.0% of the cells of tables 二/三/四 right at 300 DPI and 99.9% at 150, Tesseract
69.8% and 83.1%; Tesseract is the faster (2.6 and 2.0 CPU seconds a page against 6.5 and 5.3 on
the shared two-core machine, one thread), and its models come from the system, not from a wheel. Nothing is
downloaded: RapidOCR's models are files of the installed package. Those pages were drawn with
whatever CJK font the machine had; drawn since with a Song face embedded (as reports are printed),
RapidOCR read the figures' "0" as the letter "o" (87.8% of cells right) until a box read as digits
and such letters only was decoded again among the digits (see ``recognise``): 99.6% at 300 DPI
and 99.5% at 150, none wrong without being marked, 11.2 and 10.3 CPU seconds a page on a slower
machine of the same kind.

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
# Lines are read one at a time: a batch pads every line to its widest, and measured on two pages the
# recogniser took 4.5 and 5.3 CPU seconds one by one against 13.1 and 7.6 in batches of eight.
REC_SHAPE = (3, 48, 320)  # the recogniser's input: channels, height, RapidOCR's narrowest width
# A lone digit is padded to 320 pixels like a line of seven characters: measured on the seed pages,
# narrower inputs read fewer cells right (97.5% at 128 pixels, 97.0% at 192, 100% at 320).
MIN_WIDTH = 320
# A figure in a Song face is read as a letter ("0" in SimSun is an "o" to the recogniser): a box
# read as digits and such letters only is read again with the digits alone to choose from.
DIGITS = "0123456789.%"
DIGIT_LIKE = frozenset(DIGITS + "oO〇DQlI|iSsZzBbgq")


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
        self.detector = rapid.TextDetector(config["Det"])
        self.classifier = rapid.TextClassifier(config["Cls"])
        self.recogniser = rapid.TextRecognizer(config["Rec"])
        self.characters = self.recogniser.postprocess_op.character  # class 0 is the CTC blank
        self.digits = [0] + [self.characters.index(c) for c in DIGITS if c in self.characters]


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
    out = []
    for quad in quads:
        text, score = recognise(_crop(pixels, quad))
        if text:
            xs, ys = quad[:, 0], quad[:, 1]
            out.append(Box(text, float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), score))
    return out


def recognise(crop) -> tuple[str, float]:
    """(text, confidence 0–1) of one straightened text line. Lone figures are read one at a time too:
    read side by side in strips of 960 pixels, white between them, they took a third less time but
    48% of the cells came out wrong (a "0" as "0—")."""
    import numpy as np

    models = _load()
    height, width = crop.shape[:2]
    ratio = max(MIN_WIDTH / REC_SHAPE[1], width / max(height, 1))
    batch = models.recogniser.resize_norm_img(crop, ratio)[np.newaxis, :].astype(np.float32)
    return _read_steps(models.recogniser.session(batch)[0][0])  # (time steps, characters): probabilities


def _read_steps(steps) -> tuple[str, float]:
    """The best reading of the steps, or, where it is all digits and letters drawn like digits,
    their best reading in digits."""
    models = _load()
    text, score = _decode(steps, None, models.characters)
    if text and set(text) <= DIGIT_LIKE and not text.isdigit():
        return _decode(steps, models.digits, models.characters)
    return text, score


def _decode(steps, allowed, characters) -> tuple[str, float]:
    """Greedy CTC decoding of ``steps``: the likeliest class at each step, repeats merged, blanks
    (class 0) dropped; the confidence is the mean probability of the kept classes. ``allowed``: the
    classes to choose among (with the blank), each step's probabilities renormalised over them."""
    import numpy as np

    if allowed is not None:
        steps = steps[:, allowed]
        steps = steps / np.maximum(steps.sum(axis=1, keepdims=True), 1e-9)
    best = steps.argmax(axis=1)
    probs = steps[np.arange(len(best)), best]
    keep = np.ones(len(best), dtype=bool)
    keep[1:] = best[1:] != best[:-1]
    keep &= best != 0
    classes = best[keep] if allowed is None else np.asarray(allowed)[best[keep]]
    text = "".join(characters[i] for i in classes).strip()
    score = float(probs[keep].mean()) if keep.any() else 0.0
    return text, min(max(score, 0.0), 1.0)


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
