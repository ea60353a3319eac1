"""The OCR engine: PaddleOCR's PP-OCRv6 tiny detection and recognition models, shipped in
``models/`` beside this file, run through RapidOCR's ONNX wrappers (the ``ocr`` extra).

Chosen by measurement (``tests/benchmarks/bench_ocr.py``: the 16 pages of the five seed reports
drawn in a Song face, rendered, read, parsed and compared cell by cell with the texts; one thread).
RapidOCR's own PP-OCRv4 models read 99.6% of the cells right at 300 DPI in 6.8 CPU seconds a page;
the PP-OCRv6 tiny models read 100.0% in 1.5–1.8 s, 1.4–1.6 s at 150 DPI (the recogniser is 4×
cheaper per pixel, the detector 2×). Tesseract 5 ``chi_sim`` read 69.8% at 300 DPI and 83.1% at 150
(an earlier session, on the pages drawn in whatever CJK face the machine had). Nothing is
downloaded: the models are files of the installed ogilint (``models/README.md`` says where they
come from), the direction classifier is the one in RapidOCR's wheel.

The text lines are found on a copy of the page at most ``detect_side`` pixels long (the detector's
cost grows with the pixels) and read from the full page (the recogniser scales each line to 48
pixels high, so its cost does not). Every box comes back with the recogniser's
confidence; boxes of low confidence are kept, never dropped, so a doubtful digit is reported
instead of lost. One thread by default (``OGILINT_OCR_THREADS``): files are read in parallel.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

THREADS_VARIABLE = "OGILINT_OCR_THREADS"
MODELS = Path(__file__).with_name("models")
# Lines are read one at a time: a batch pads every line to its widest, and measured on two pages
# PP-OCRv4's recogniser took 4.5 and 5.3 CPU seconds one by one against 13.1 and 7.6 in batches of
# eight (PP-OCRv6 tiny's, on one to sixteen figures of the same width: no faster in a batch).
REC_HEIGHT = 48  # pixels: the recogniser's input is this high


@attrs.frozen
class ModelSet:
    """The detector and recogniser the engine runs, with the settings measured for them
    (``tests/benchmarks/bench_ocr.py`` compares sets). A path of None: RapidOCR's own model."""

    name: str
    detector: Path | None
    recogniser: Path | None
    characters: Path | None  # the recogniser's classes, one a line (None: in the model's metadata)
    detector_settings: dict = attrs.field(factory=dict, hash=False)  # over RapidOCR's defaults
    detect_side: int = 2000  # pixels: the long side of the copy the text lines are found on
    min_width: int = 320  # pixels: the narrowest recogniser input (a lone figure is padded to it)


# The set read with. The detector's settings are its exporters' (its inference.yml): ImageNet's mean
# and deviation, a lower threshold, a tighter box. Measured on the seed pages at 300 DPI: 100.0% of
# cells right with the text lines found at 1,600 and 2,000 pixels (99.9% at 1,400), and with lone
# figures padded to 128, 160 and 320 pixels; 1,600 and 160 each save 0.2 s a page.
PP_OCR_V6_TINY = ModelSet(
    "PP-OCRv6 tiny",
    MODELS / "PP-OCRv6_tiny_det.onnx",
    MODELS / "PP-OCRv6_tiny_rec.onnx",
    MODELS / "PP-OCRv6_tiny_rec_dict.txt",
    {
        "mean": [0.485, 0.456, 0.406],
        "std": [0.229, 0.224, 0.225],
        "thresh": 0.2,
        "box_thresh": 0.4,
        "unclip_ratio": 1.4,
    },
    detect_side=1600,
    min_width=160,
)
# RapidOCR's own models, read with before: 4× the recogniser's cost per pixel, 2× the detector's.
# Its recogniser needed lone figures padded to 320 pixels (97.5% of cells right at 128, 97.0% at 192).
PP_OCR_V4 = ModelSet("PP-OCRv4 (RapidOCR)", None, None, None)
models_used = PP_OCR_V6_TINY


def use(model_set: ModelSet) -> None:
    """Read with ``model_set`` from now on in this process (the benchmark's comparison)."""
    global models_used, _models
    models_used, _models = model_set, None


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
        chosen = models_used
        config["Det"].update(chosen.detector_settings)
        if chosen.detector:
            config["Det"]["model_path"] = str(chosen.detector)
        if chosen.recogniser:
            config["Rec"]["model_path"] = str(chosen.recogniser)
        if chosen.characters:
            config["Rec"]["rec_keys_path"] = str(chosen.characters)
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


def detect(pixels, side: int | None = None) -> list:
    """The text boxes' corner points (4 × (x, y), clockwise from the top left) in the pixels of
    ``pixels``, found on a copy at most ``side`` pixels long (the model set's side by default)."""
    import numpy as np
    from PIL import Image

    height, width = pixels.shape[:2]
    scale = min(1.0, (side or models_used.detect_side) / max(height, width))
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
    """The text boxes of an upright page (a numpy array, grey or RGB), each read with its confidence.
    A grey page is found and cut in grey, and only its small copy and each line made colour (the
    models read three channels): the page itself is never copied thrice."""
    quads = detect(pixels)
    if not quads:
        return []
    out = []
    for quad in quads:
        text, score = recognise(_colour(_crop(pixels, quad)))
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
    ratio = max(models_used.min_width / REC_HEIGHT, width / max(height, 1))
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
