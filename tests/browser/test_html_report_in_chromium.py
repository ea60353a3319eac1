"""The HTML report of the seed folder in a real browser (the system Chromium, headless, through
Playwright): the overview is on screen, a click on a report opens its redrawn tables, and the cell
its finding is about is highlighted and in view. Skipped only when no Chromium is installed or it
cannot start here; runs by default everywhere else (.ci/run installs the system package)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from ..conftest import SEEDS
from . import CHROMIUM_ARGS, chromium_path, render_seed_report

VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("没有可用的 Chromium: 找不到 chromium 或 chromium-browser (apt-get install chromium)")
    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS, timeout=20_000)
        except PlaywrightError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            pytest.skip(f"没有可用的 Chromium: {executable} 无法启动 ({reason})")
        yield launched
        launched.close()


def _in_viewport(box: dict | None) -> bool:
    return (
        box is not None
        and box["width"] > 0
        and box["height"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= VIEWPORT["width"]
        and box["y"] + box["height"] <= VIEWPORT["height"]
    )


def test_clicking_a_report_shows_its_tables_and_the_highlighted_cell(browser, tmp_path):
    report = render_seed_report(tmp_path)
    page = browser.new_page(viewport=VIEWPORT)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(report.as_uri())

    overview = page.locator("#overview-table")
    assert overview.is_visible()
    assert page.locator("#overview-table tbody tr").count() == len(list(SEEDS.glob("*.txt")))
    # Our script ran (the Content-Security-Policy allowed it by its hash): the filters are shown.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.locator("#filters").is_visible()

    # The first report in the overview whose finding is about a table cell.
    section = page.evaluate(
        "Array.from(document.querySelectorAll('#overview-table tbody tr[data-report]'))"
        ".map(tr => tr.dataset.report)"
        ".find(id => document.querySelector('#' + id + ' td.hit'))"
    )
    assert section, "no report of the seeds has a finding on a table cell"
    tables = page.locator(f"#{section} table.national")
    hit = page.locator(f"#{section} td.hit").first
    assert not hit.is_visible()  # the sections start closed

    page.click(f"#overview-table a[href='#{section}']")
    assert page.locator(f"#{section}").get_attribute("open") is not None
    assert tables.count() == 3 and all(tables.nth(i).is_visible() for i in range(3))
    hit.scroll_into_view_if_needed()
    assert hit.is_visible() and _in_viewport(hit.bounding_box())
    assert hit.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # drawn as highlighted

    # The finding's marker in the cell leads to the finding, which leads back to the cell.
    finding_id = hit.get_attribute("data-f").split()[0]
    hit.locator("a.mk").first.click()
    assert _in_viewport(page.locator(f"#{finding_id}").bounding_box())
    page.locator(f"#{finding_id} a.to-cell").click()
    assert _in_viewport(hit.bounding_box())

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000

    # A filter by rule leaves only that rule's findings and the reports that have them.
    code = page.locator(f"#{finding_id}").get_attribute("data-code")
    page.select_option("#rule", code)
    shown = page.locator(".finding:not([hidden])")
    assert shown.count() >= 1 and all(shown.nth(i).get_attribute("data-code") == code for i in range(shown.count()))
    assert page.locator("#overview-table tbody tr:not([hidden])").count() >= 1
    # "全部展开" under the filter opens only the reports that have a finding it shows.
    page.click("#expand")
    opened = page.locator("details.report[open]")
    assert opened.count() >= 1
    for i in range(opened.count()):
        assert opened.nth(i).locator(f".finding[data-code='{code}']").count() >= 1
    # The numbered markers in the tables are those of the findings shown, no others.
    targets = page.eval_on_selector_all("a.mk:not([hidden])", "els => els.map(e => e.getAttribute('href').slice(1))")
    assert targets and all(page.locator(f"#{t}").get_attribute("data-code") == code for t in targets)
    assert problems == []
    page.close()
