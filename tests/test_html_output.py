"""``ogilint check --format html``: the same ranked findings as JSON, on a page that opens with the
overview of the run, escapes everything taken from a report and runs no script but its own."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser

import lxml.html

from ogilint.cli import main as ogilint_main
from ogilint.output import overview

from .conftest import SEEDS

# What framework/cli.py recognises an earlier HTML output by (its _MACHINE_HEADS): never changes.
HEAD = '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>ogilint '


class _Findings(HTMLParser):
    """Collects the code of every finding block, in page order, and every element's tag and attributes."""

    def __init__(self):
        super().__init__()
        self.codes: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in_code = tag == "span" and ("class", "code") in attrs

    def handle_data(self, data):
        if self._in_code:
            self.codes.append(data)
            self._in_code = False


def _run(capsys, *argv) -> tuple[int, str]:
    code = ogilint_main(list(argv))
    return code, capsys.readouterr().out


def _our_script_only(page: str) -> None:
    """One script on the page, inline, and the one the Content-Security-Policy allows by its hash."""
    doc = lxml.html.document_fromstring(page)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode("utf-8")).digest()).decode()
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and f"script-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_html_lists_the_json_findings_in_rank_order(tmp_path, monkeypatch, capsys):
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code_html, page = _run(capsys, "check", str(SEEDS), "--format", "html")
    code_json, out = _run(capsys, "check", str(SEEDS), "--format", "json")
    assert code_html == code_json == 1
    want = [f["code"] for r in json.loads(out) for f in r["findings"]]
    parser = _Findings()
    parser.feed(page)
    assert parser.codes == want and want
    # The page runs one script, ours (the filters and the opening of sections), and no other.
    assert parser.tags.count("script") == 1
    _our_script_only(page)
    assert "12872.06" in page and "<mark>" in page
    assert page.startswith(HEAD)


def test_report_text_is_escaped(tmp_path, monkeypatch, capsys):
    text = (SEEDS / "001_48885ef824cbd5d4.txt").read_text(encoding="utf-8")
    assert "202311日至20231231日" in text  # the DAT001 line is shown on the page
    hostile = text.replace("202311日至20231231日", '202311日至20231231日<script>alert("x")</script>', 1)
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, page = _run(capsys, "check", "hostile.txt", "--format", "html")
    parser = _Findings()
    parser.feed(page)
    assert "DAT001" in parser.codes
    assert parser.tags.count("script") == 1 and 'alert("x")' not in page.split("<script>")[-1]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    _our_script_only(page)


def test_overview_rows_are_worst_first_with_unreadable_files_first(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")  # a report that cannot be read: a finding on that file
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, page = _run(capsys, "check", "reports", "--format", "html")
    _, out = _run(capsys, "check", "reports", "--format", "text")
    doc = lxml.html.document_fromstring(page)
    rows = doc.xpath("//table[@id='overview-table']/tbody/tr")
    files = [row.xpath("string(td[1]/a)") for row in rows]
    # The text output's overview, which reuses the same order, names the files in the same order.
    text_order = [line.split()[3] for line in out.splitlines()[2 : 2 + len(files)]]
    assert files == text_order
    assert files[0].endswith("empty.txt") and "无法检查" in rows[0].text_content()
    counts = [tuple(int(row.xpath(f"string(td[{i}])")) for i in (5, 6, 7)) for row in rows[1:]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 5
    # Each row links to its report's section, by an id made by the page, not from report text.
    for row in rows:
        (href,) = row.xpath("td[1]/a/@href")
        assert re.fullmatch(r"#r\d+", href) and doc.get_element_by_id(href[1:]).tag == "details"


def test_rule_counts_table_matches_the_run(tmp_path, monkeypatch, capsys):
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, page = _run(capsys, "check", str(SEEDS), "--format", "html")
    _, out = _run(capsys, "check", str(SEEDS), "--format", "json")
    counted: dict[str, int] = {}
    for report in json.loads(out):
        for f in report["findings"]:
            counted[f["code"]] = counted.get(f["code"], 0) + 1
    doc = lxml.html.document_fromstring(page)
    shown = {
        row.xpath("string(td[1])").split()[0]: (row.xpath("string(td[2])"), int(row.xpath("string(td[4])")))
        for row in doc.xpath("//table[@id='rules-table']/tbody/tr")
    }
    assert {code: n for code, (_, n) in shown.items()} == counted
    assert shown["FEE003"][0] == "错误" and shown["DAT006"][0] == "提示"
    assert list(shown.values()) == sorted(shown.values(), key=lambda v: -v[1])


def test_page_is_self_contained_and_ids_are_ours(tmp_path, monkeypatch, capsys):
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, page = _run(capsys, "check", str(SEEDS), "--format", "html")
    doc = lxml.html.document_fromstring(page)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids)
    for attr in ("src", "href", "action", "srcset", "poster", "data"):
        for value in doc.xpath(f"//@{attr}"):
            assert value.startswith("#") and value[1:] in ids, value  # in-page links only
    assert not doc.xpath("//link|//iframe|//object|//embed|//img|//form")
    assert "期望 None" not in page and "实际 None" not in page


def test_overview_order_function_keeps_the_text_lines():
    """overview.worst_first is the order overview.reports prints (the HTML page reuses it)."""
    from ogilint.api import check

    results = list(check([SEEDS]))
    lines = overview.reports(results)[2:]
    assert [line.split()[3] for line in lines] == [r.path for r in overview.worst_first(results)]
    assert overview.rules(results) and overview.rule_counts(results)[0][3] >= overview.rule_counts(results)[-1][3]
