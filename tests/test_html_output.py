"""``ogilint check --format html``: the same ranked findings as JSON, on a page that escapes
everything taken from a report."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from ogilint.cli import main as ogilint_main

from .conftest import SEEDS


class _Findings(HTMLParser):
    """Collects the code of every finding block, in page order."""

    def __init__(self):
        super().__init__()
        self.codes: list[str] = []
        self.tags: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_code = tag == "span" and ("class", "code") in attrs

    def handle_data(self, data):
        if self._in_code:
            self.codes.append(data)
            self._in_code = False


def _run(capsys, *argv) -> tuple[int, str]:
    code = ogilint_main(list(argv))
    return code, capsys.readouterr().out


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
    assert "script" not in parser.tags
    assert "12872.06" in page and "<mark>" in page


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
    assert "<script>" not in page and "&lt;script&gt;" in page
