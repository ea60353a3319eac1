"""Every fragment (tests/fixtures/fragments, copies of the corpus's) parses; stated metadata comes
out; cuts are 'truncated'."""

from __future__ import annotations

import csv
import re

import pytest

from ogilint import parse_file

from .conftest import FIXTURES

FRAGMENTS = sorted((FIXTURES / "fragments").glob("*.txt"))


def _index():
    with open(FIXTURES / "index.tsv", encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


@pytest.mark.parametrize("path", FRAGMENTS, ids=[p.stem for p in FRAGMENTS])
def test_fragment(path):
    report = parse_file(path)
    info = _index()[path.stem]
    text = path.read_text(encoding="utf-8")
    if report.meta.year is not None and info["year"].isdigit():
        assert report.meta.year == int(info["year"])
    if report.meta.template_detected and info["template"] != "unknown":
        assert f"{report.meta.template_version}-format" == info["template"]
    # The year stated in a title line must come out.
    if re.search(r"^\s*\S{0,30}(20\d\d)\s*年\S{0,20}信息公开\S*年度报告\s*$", text, re.M):
        assert report.meta.year is not None
    last = [line for line in text.splitlines() if line.strip()][-1].strip()
    parts = {p.number for p in report.parts}
    ends_open = not re.search(r"[。!?!?)）”]$|日$", last)  # a dated signature closes a report
    if ends_open and 6 not in parts:
        assert any(p.kind == "truncated" for p in report.problems), "cut-off fragment not reported as truncated"
        # No burst of row-missing problems for what the cut removed.
        assert sum(p.kind == "row-missing" for p in report.problems) <= 3


def test_fragment_metadata_examples(corpus):
    shanghai = parse_file(corpus / "fragments" / "frag-053.txt")  # traditional characters
    assert shanghai.meta.year == 2020
    assert shanghai.meta.body == "上海市人民政府办公厅"
    assert shanghai.parts[0].number == 1


_ENGINE = None


def _errors(report) -> list:
    global _ENGINE
    if _ENGINE is None:
        from ogilint.checking.config import ProjectConfig
        from ogilint.checking.engine import Engine, Overrides

        _ENGINE = Engine(ProjectConfig(), Overrides())
    return [f for f in _ENGINE.check_report(report, "fragment").findings if f.severity == "error"]


@pytest.mark.parametrize("path", FRAGMENTS, ids=[p.stem for p in FRAGMENTS])
def test_no_error_blames_the_report_for_what_the_fragment_lacks(path):
    """A fragment is cut by its source: an error may say the text is cut (EXT005, the gate), or point
    at text the fragment holds; an error about something absent (a part, a table, a row, a date that
    may lie past the cut) would blame the report for the cut."""
    report = parse_file(path)
    for f in _errors(report):
        if f.code == "EXT005":
            continue
        assert f.location.line is not None, f"{f.code} {f.message}"
        assert 1 <= f.location.line <= len(report.lines), f"{f.code} {f.message}"
