"""The README's picture of ``ogilint serve``: the page in the system Chromium against a real server
on loopback, after the seed folder was uploaded and the worst report opened in the results.

    python -m tests.tools.screenshot_serve [OUT.png]      # default docs/images/serve.png

Needs the serve extra, the system Chromium and, for legible Chinese, a CJK font.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.browser import screenshot_page
from tests.browser.test_serve_page import drive
from tests.conftest import SEEDS
from tests.serve import Server

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO / "docs" / "images" / "serve.png"
VIEWPORT = {"width": 1280, "height": 1500}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, screenshot_page(VIEWPORT) as page, Server(2) as server:
        folder = Path(tmp) / "seeds"
        shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        section = drive(page, server.url, folder)
        page.frame_locator("#report").locator(f"#{section} td.hit").first.scroll_into_view_if_needed()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(out), full_page=False)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
