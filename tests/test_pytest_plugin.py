"""The pytest plugin, run through pytest's own pytester over the seed reports and bad reports."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from ogilint.cli import main as ogilint_main

from .conftest import SEEDS

pytest_plugins = ["pytester"]


@pytest.fixture
def reports(pytester):
    folder = pytester.path / "reports"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    text = (SEEDS / "002_0b3756e79a1f4c29.txt").read_text(encoding="utf-8")
    (folder / "bad_empty.txt").write_text("", encoding="utf-8")
    # A report cut off inside table 三: its ::parse item must fail.
    (folder / "bad_truncated.txt").write_text(text[: text.index("(三) 不予公开")], encoding="utf-8")
    return folder


def test_nothing_collected_without_the_flag(pytester, reports):
    result = pytester.runpytest("-p", "no:cacheprovider", str(reports))
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_items_and_outcomes(pytester, reports):
    result = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-rA", str(reports))
    out = result.stdout.str()
    assert "PASSED reports/002_0b3756e79a1f4c29.txt::parse" in out
    assert "FAILED reports/003_10421f3e08d9eefa.txt::parse" in out
    assert "FAILED reports/003_10421f3e08d9eefa.txt::EXT001" in out
    assert "PASSED reports/002_0b3756e79a1f4c29.txt::EXT001" in out
    assert "FAILED reports/bad_empty.txt::parse" in out and "文件是空的" in out
    assert "FAILED reports/bad_truncated.txt::parse" in out
    # A text that stops mid-report fails the gate here as it does for `ogilint check` (EXT005 error).
    assert "FAILED reports/bad_truncated.txt::EXT005" in out
    # The failing item shows the finding as `ogilint check` does: code, location, source line.
    assert "003_10421f3e08d9eefa.txt:58" in out and "EXT001" in out and "| " in out and "法律服务机构    总计" in out
    # Warnings do not fail, but are listed in the summary.
    assert "ogilint: warnings and notes" in out
    assert "PASSED reports/000_6424f50ad3d5c809.txt::EXT002" in out


def test_k_selection(pytester, reports):
    result = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-k", "EXT001", str(reports))
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed") == 1  # only the county bureau's EXT001
    assert "deselected" in outcomes


def test_fail_on_warning(pytester, reports):
    result = pytester.runpytest(
        "--ogilint", "--ogilint-fail-on", "warning", "-p", "no:cacheprovider", "-rA", str(reports)
    )
    assert "FAILED reports/000_6424f50ad3d5c809.txt::EXT002" in result.stdout.str()


def test_junitxml(pytester, reports):
    xml_path = pytester.path / "junit.xml"
    pytester.runpytest("--ogilint", "-p", "no:cacheprovider", f"--junitxml={xml_path}", str(reports))
    tree = ET.parse(xml_path)
    cases = {(c.get("classname"), c.get("name")): c for c in tree.iter("testcase")}
    failing = [c for c in cases.values() if c.find("failure") is not None]
    names = {c.get("name") for c in failing}
    assert "EXT001" in names and "parse" in names
    ext001 = next(c for c in failing if c.get("name") == "EXT001")
    assert "EXT001" in ext001.find("failure").get("message") + (ext001.find("failure").text or "")


def _outcomes(result):
    out = {}
    for line in result.stdout.lines:
        for word in ("PASSED", "FAILED"):
            if line.startswith(word + " "):
                out[line.split()[1]] = word
    return out


def test_xdist_gives_the_same_outcomes(pytester, reports):
    pytest.importorskip("xdist")
    serial = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-rA", str(reports))
    parallel = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-rA", "-n", "2", str(reports))
    assert _outcomes(serial) and _outcomes(serial) == _outcomes(parallel)


def test_ini_paths_collect_without_the_flag(pytester, reports):
    pytester.makeini("[pytest]\nogilint_paths = reports\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-rA")
    assert "reports/002_0b3756e79a1f4c29.txt::parse" in result.stdout.str()


def test_agrees_with_the_command_line(pytester, reports, capsys, monkeypatch):
    monkeypatch.chdir(pytester.path)
    ogilint_main(["check", "--format", "json", "reports"])
    data = json.loads(capsys.readouterr().out)
    cli_failing = {
        (d["file"].replace("\\", "/"), f["code"]) for d in data for f in d["findings"] if f["severity"] == "error"
    }
    result = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-rA", "reports")
    py_failing = {
        tuple(node.split("::"))
        for node, outcome in _outcomes(result).items()
        if outcome == "FAILED" and not node.endswith("::parse")
    }
    assert py_failing == cli_failing


def test_published_formats_are_collected(pytester):
    """PDF, DOCX and HTML reports are items like text ones: the 12872.06 万元 fee fails FEE003 in
    each, and a scan without a text layer fails its ::parse item with the reason."""
    from ogilint import parse_file

    from . import renderings

    folder = pytester.path / "reports"
    folder.mkdir()
    report = parse_file(SEEDS / "002_0b3756e79a1f4c29.txt")
    renderings.to_pdf(report, folder / "city.pdf")
    renderings.to_docx(report, folder / "city.docx")
    (folder / "city.html").write_bytes(renderings.to_html(report, "gbk"))
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(folder / "scan.pdf"))
    scan.rect(50, 50, 400, 600, fill=1)  # drawn, but no text layer and no picture: nothing to read
    scan.save()
    result = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-rA", str(folder))
    out = result.stdout.str()
    for name in ("city.pdf", "city.docx", "city.html"):
        assert f"PASSED reports/{name}::parse" in out
        assert f"FAILED reports/{name}::FEE003" in out
    assert "FAILED reports/scan.pdf::parse" in out and "PDF 中没有任何文字" in out
    assert "(第" in out  # the PDF finding names its page
