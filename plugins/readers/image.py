"""Image reader: scanned reports published as PNG, JPEG, TIFF (multi-page), BMP, GIF or WebP.

Chosen by signature, never by suffix alone. With the ``ocr`` extra each frame is a page read by OCR
(``plugins/readers/ocr/``) in a child process under memory and time limits; without it an image is
refused with the reason it always got and the install command. A decompression bomb (a few KB
that unfold into billions of pixels) is refused before any pixel is decoded; a damaged image is one
line of reason, never a traceback.
"""

from __future__ import annotations

import warnings

from ogilint.document import Document
from ogilint.errors import UnusableInput
from ogilint.hookspec import hookimpl
from ogilint.reading.isolation import isolated
from ogilint.reading.ocr import INSTALL_HINT, ocr_installed

MAX_PIXELS = 80_000_000  # a page scanned at 600 DPI on A3 is 70 million
MAX_FRAMES = 500  # pages of a multi-page TIFF, as the PDF reader's page limit
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


def image_kind(head: bytes):
    """The image format named by the file's first bytes, or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


@hookimpl
def ogilint_read(path, head):
    kind = image_kind(head)
    if kind is None:
        return None
    if not ocr_installed():
        raise UnusableInput(f"这是图片文件 ({kind}),多为扫描件;需要先做 OCR 才能检查;{INSTALL_HINT}")
    import PIL.Image  # noqa: F401 - imported once here, inherited by the reading child

    from ogilint.plugins.readers.ocr import scan

    return isolated(
        _read_path, path, kind, what="图片", seconds=scan.child_seconds(MAX_FRAMES), memory=scan.CHILD_MEMORY
    )


def _read_path(path: str, kind: str) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from ogilint.plugins.readers.ocr import scan

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnusableInput(_bomb(kind)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise UnusableInput(f"这是图片文件 ({kind}),但已损坏或不完整,无法打开") from None
    if frames > MAX_FRAMES:
        raise UnusableInput(f"图片有 {frames} 页,不像一份年度报告(上限 {MAX_FRAMES} 页)")

    def pages():
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            width, height = frame.size
            if width * height > MAX_PIXELS:
                raise UnusableInput(_bomb(kind, number))
            yield number, (lambda f=frame, n=number: _decoded(f, kind, n))

    try:
        read, notes = scan.read_pages(pages(), kind="图片", total=frames)
    except (OSError, SyntaxError, ValueError, EOFError):
        raise UnusableInput(f"这是图片文件 ({kind}),但已损坏,无法解码") from None
    finally:
        image.close()
    lines, origins = [], []
    for number in sorted(read):
        for page_line, line in enumerate(read[number], start=1):
            lines.append(line.text)
            origins.append(scan.origin_of(number, page_line, line))
    if not lines:
        raise UnusableInput(f"{kind} 图片中没有识别出文字 (OCR),没有内容可检查")
    return Document(lines=tuple(lines), origins=tuple(origins), format="image", notes=tuple(notes))


def _decoded(frame, kind: str, number: int):
    """The frame's pixels, decoded now (a damaged frame fails here, with its page named)."""
    try:
        frame.load()
        return frame.copy()
    except (OSError, SyntaxError, ValueError, EOFError):
        raise UnusableInput(f"这是图片文件 ({kind}),但第{number}页已损坏,无法解码") from None


def _bomb(kind: str, page: int | None = None) -> str:
    where = f"第{page}页" if page else ""
    return f"{kind} 图片{where}的像素过多(超过 {MAX_PIXELS // 1_000_000} 百万像素),可能是恶意构造的文件,拒绝处理"
