"""Whether OCR can run here: the optional extra ``ogilint[ocr]`` (RapidOCR's ONNX wrappers and its
direction classifier; the detection and recognition models are files of ogilint,
``plugins/readers/ocr/models/``).

Scanned pages and image files are read only when the extra is installed; without it they get the
reason they always got, plus the command that installs it. Asked without importing the engine
(``find_spec``): a folder walk asks before any file is read.
"""

from __future__ import annotations

import functools
import importlib.util

ENGINE_MODULE = "rapidocr_onnxruntime"
INSTALL = "pip install 'ogilint[ocr]'"
INSTALL_HINT = f"安装 OCR 支持后即可检查: {INSTALL}"
# Image files a report is published as (the signature decides; these only name them in a folder).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")


@functools.cache
def ocr_installed() -> bool:
    try:
        return importlib.util.find_spec(ENGINE_MODULE) is not None
    except (ImportError, ValueError):
        return False


def engine_version() -> str:
    """The OCR engine's version, or "" when it is not installed: what a scan's answer depends on
    besides the file (the result cache keys its entries by it)."""
    if not ocr_installed():
        return ""
    from importlib import metadata

    try:
        return metadata.version("rapidocr-onnxruntime")
    except metadata.PackageNotFoundError:
        return "?"
