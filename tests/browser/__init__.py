"""Tests that drive a real browser (the system Chromium, through Playwright) over ogilint's output,
and what they share with tests/tools/screenshot_html_report.py: where the browser is, how it is
started, how the seed folder's HTML report is made."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..conftest import SEEDS

# A quiet, offline, sandbox-free browser (containers run as root, without a GPU).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The system Chromium, as Debian and Ubuntu install it; None when there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def render_seed_report(folder: Path) -> Path:
    """``ogilint check seeds --format html -o report.html``, as a user runs it, in ``folder`` with a
    copy of the seed folder and an empty project config (so that nothing else applies, and the page
    names the files by a relative path, not by where this machine keeps them)."""
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "ogilint.toml").write_text("", encoding="utf-8")
    out = folder / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "ogilint", "check", "seeds", "--format", "html", "-o", str(out)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # the seeds have findings
    return out


@contextlib.contextmanager
def screenshot_page(viewport: dict):
    """A page of the system Chromium for a README picture (tests/tools/screenshot_*.py); without a
    Chromium, the reason on stderr and exit status 2."""
    executable = chromium_path()
    if executable is None:
        print("没有可用的 Chromium (apt-get install chromium)", file=sys.stderr)
        raise SystemExit(2)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport=viewport, device_scale_factor=1)
        finally:
            browser.close()
