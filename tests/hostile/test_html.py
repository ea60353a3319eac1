"""Web pages that hid their report from the HTML reader, or were refused for the wrong reason
(issue 10, item 14): a wrong charset declaration and nesting deeper than libxml2 reads.

All pages are checked in one bounded subprocess run (``tests/bounded.py``); its JSON gives each
page's encoding, findings or one-line reason.
"""

from __future__ import annotations

import json

from tests.bounded import ogilint_bounded
from tests.conftest import SEEDS
from tests.test_read_html import article_body

SEED = SEEDS / "000_6424f50ad3d5c809.txt"


def _page(text: str, charset: str, before: str = "", after: str = "", footer: str = "", title="年度报告") -> str:
    """The report as a site publishes it; ``before`` and ``after`` wrap the article, ``footer``
    follows it."""
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{title}</title></head><body>\n'
        f'{before}<div class="article">\n'
        + article_body(text)
        + f"\n</div>{after}\n<footer>{footer}</footer></body></html>\n"
    )


def test_charsets_and_nesting_get_the_true_answer(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    gbk = seed.encode("gb18030").decode("gb18030")  # the seed as GBK can hold it
    pages = {
        # A crawler saved the page as UTF-8 and kept the site's declaration.
        "utf8-declared-koi8.html": _page(seed, "koi8-r").encode("utf-8"),
        "utf8-declared-gb2312.html": _page(seed, "gb2312").encode("utf-8"),
        # A Chinese page that declares a Cyrillic charset (which decodes any byte, into nonsense).
        "gbk-declared-koi8.html": _page(gbk, "koi8-r").encode("gb18030"),
        "no-report-declared-koi8.html": _page("网站首页\n联系我们", "koi8-r", title="首页").encode("gb18030"),
        # The article below libxml2's 2,048 levels; then a report whose footer goes that deep.
        "deep-article.html": _page(seed, "utf-8", "<div>" * 3000, "</div>" * 3000).encode("utf-8"),
        "deep-footer.html": _page(seed, "utf-8", footer="<div>" * 3000 + "版权所有" + "</div>" * 3000).encode("utf-8"),
    }
    for name, data in pages.items():
        (tmp_path / name).write_bytes(data)
    proc = ogilint_bounded("check", str(tmp_path), "--format", "json", "--exit-zero", seconds=60)
    assert proc.returncode == 1  # two pages are refused: not checked, so not 0 even with --exit-zero
    results = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(proc.stdout)}
    for name in ("utf8-declared-koi8.html", "utf8-declared-gb2312.html"):
        assert results[name]["meta"]["encoding"] == "utf-8", name
        assert results[name]["meta"]["title"] and "年度报告" in results[name]["meta"]["title"]
    assert results["gbk-declared-koi8.html"]["meta"]["encoding"] == "gb18030"
    assert "koi8-r" in results["no-report-declared-koi8.html"]["error"]
    assert "嵌套超过 2048 层" in results["deep-article.html"]["error"]
    truncated = [f for f in results["deep-footer.html"]["findings"] if f["code"] == "EXT005"]
    assert truncated and "嵌套超过 2048 层" in truncated[0]["message"]
    assert proc.stderr.count("\n") == 2 and "找不到年度报告正文" in proc.stderr
