"""The page of ``ogilint serve`` in a real browser (the system Chromium, headless, through
Playwright) against a real server on loopback: the seed folder chosen with the folder picker,
uploaded, its progress shown file by file, then the results — a click on a report in the HTML
report's overview opens its redrawn tables with the finding's cell highlighted. A screenshot is
saved. Every request the page makes goes to the server itself, and the browser reports no error
(a Content-Security-Policy violation would be one). Skipped when no Chromium can start here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="ogilint serve 需要 ogilint[serve] (starlette)")
pytest.importorskip("uvicorn", reason="ogilint serve 需要 ogilint[serve] (uvicorn)")
pytest.importorskip("multipart", reason="ogilint serve 需要 ogilint[serve] (python-multipart)")

from ..conftest import SEEDS
from ..serve import Server
from .test_html_report_in_chromium import browser  # noqa: F401  (the fixture: the system Chromium)

VIEWPORT = {"width": 1280, "height": 1000}


def drive(page, url: str, folder: Path) -> str:
    """Open the page, upload ``folder`` with the folder picker, wait for the results, open the first
    report with a finding on a table cell; the id of its section in the report."""
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#ruleset option").count() > 1  # the rule sets came from /api/options
    page.set_input_files("#pick-folder", str(folder))
    assert page.locator("#chosen-list li").count() == len(list(folder.glob("*.txt")))
    page.click("#start")
    page.wait_for_selector("#results:not([hidden])", timeout=90_000)
    report = page.frame_locator("#report")
    report.locator("#overview-table").wait_for(timeout=30_000)
    section = (
        page.frame_locator("#report")
        .locator("#overview-table tbody tr[data-report]")
        .evaluate_all(
            "rows => rows.map(tr => tr.dataset.report).find(id => document.querySelector('#' + id + ' td.hit'))"
        )
    )
    assert section, "no report of the seeds has a finding on a table cell"
    report.locator(f"#overview-table a[href='#{section}']").click()
    return section


def test_upload_a_folder_and_see_the_highlighted_cell(browser, tmp_path):  # noqa: F811
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    seeds = sorted(p.name for p in folder.glob("*.txt"))
    with Server(2) as server:
        page = browser.new_page(viewport=VIEWPORT)
        problems: list[str] = []
        requests: list[str] = []
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        page.on("request", lambda req: requests.append(req.url))
        section = drive(page, server.url, folder)

        # The progress table lists each file with its counts, named by its path in the folder.
        rows = page.locator("#files tbody tr")
        assert rows.count() == len(seeds)
        assert sorted(rows.nth(i).locator("td").first.inner_text() for i in range(len(seeds))) == [
            f"seeds/{name}" for name in seeds
        ]
        assert all(
            "个" in rows.nth(i).locator("td").nth(1).inner_text()
            or "未发现" in rows.nth(i).locator("td").nth(1).inner_text()
            for i in range(len(seeds))
        )

        report = page.frame_locator("#report")
        assert report.locator("#overview-table tbody tr").count() == len(seeds)
        assert report.locator(f"#{section}").get_attribute("open") is not None
        tables = report.locator(f"#{section} table.national")
        assert tables.count() == 3
        hit = report.locator(f"#{section} td.hit").first
        hit.scroll_into_view_if_needed()
        assert hit.is_visible()
        assert hit.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # drawn as highlighted

        # The downloads are the server's own links.
        for fmt in ("html", "xlsx", "csv", "json", "sarif"):
            href = page.locator(f"#dl-{fmt}").get_attribute("href")
            assert href.startswith("/api/jobs/") and href.endswith(f"/results/{fmt}")

        page.locator("#report").scroll_into_view_if_needed()
        shot = tmp_path / "serve.png"
        page.screenshot(path=str(shot))
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000

        assert requests and all(u.startswith(server.url + "/") for u in requests), requests
        assert problems == []
        page.close()
