"""The README's picture of the HTML report: the seed folder's page in the system Chromium, after a
click on the worst report in the overview, scrolled to that report (its meta, table 二 with the
highlighted cell and the notes under it).

    python -m tests.tools.screenshot_html_report [OUT.png]      # default docs/images/html-report.png

Needs the system Chromium and, for legible Chinese, a CJK font (Debian: fonts-wqy-microhei or
fonts-noto-cjk).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser import render_seed_report, screenshot_page

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO / "docs" / "images" / "html-report.png"
VIEWPORT = {"width": 1280, "height": 1000}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, screenshot_page(VIEWPORT) as page:
        page.goto(render_seed_report(Path(tmp)).as_uri())
        worst = page.locator("#overview-table tbody tr[data-report]").first.get_attribute("data-report")
        page.click(f"#overview-table a[href='#{worst}']")
        page.locator(f"#{worst} td.hit").first.wait_for(state="visible")
        page.evaluate(f"document.getElementById('{worst}').scrollIntoView()")
        page.screenshot(path=str(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
