"""Principle "a wrong value is worse than a missing one": a row of numbers written apart that is short
of cells has lost cells — its numbers are not also cut apart to fill it — and a cell whose place was
assumed is not evidence against the body in the identity rules."""

from __future__ import annotations

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides

from ..conftest import FIXTURES
from .common import parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
GRANTED = "（一）予以公开 1288 21 0 0 50 3 1362"


def _codes(report) -> list[str]:
    return [f.code for f in Engine(ProjectConfig(), Overrides()).check_report(report, "x").findings]


def test_two_lost_cells_are_lost_not_cut_out_of_fifty():
    """huaian-2024 line 86 with both 0s lost ("1288 21 50 3 1362"): "50" is not read as 5 and 0."""
    report = parse(HUAIAN.replace(GRANTED, "（一）予以公开 1288 21 50 3 1362"))
    assert values(report, "t3", "granted") == [1288, 21, "missing", "missing", 50, 3, 1362]
    assert not [c for c in _codes(report) if c.startswith("IDN")]


def test_an_assumed_placement_accuses_nobody():
    """One 0 lost: the row cannot tell which (the identities hold either way), the leftmost is assumed
    and reported; no identity finding rests on that assumption."""
    report = parse(HUAIAN.replace(GRANTED, "（一）予以公开 1288 21 0 50 3 1362"))
    assert values(report, "t3", "granted")[2] == "missing"
    codes = _codes(report)
    assert "EXT002" in codes and not [c for c in codes if c.startswith("IDN")]


def test_digits_run_together_in_crawler_text_are_still_cut():
    """pingtan-2021 (one line of crawler text) keeps its cut cells: the rule is for numbers written apart."""
    report = parse((FIXTURES / "real" / "pingtan-2021.txt").read_text(encoding="utf-8"))
    assert all(isinstance(v, int) for v in values(report, "t3", "new_received"))


def _with_cell(report, row: str, col: str, value, confidence: float):
    import attrs

    t3 = report.tables["t3"]
    r = t3.rows[row]
    cell = attrs.evolve(r.cells[col], value=value, raw=str(value), confidence=confidence)
    rows = {**t3.rows, row: attrs.evolve(r, cells={**r.cells, col: cell})}
    return attrs.evolve(report, tables={**report.tables, "t3": attrs.evolve(t3, rows=rows)})


def test_a_guessed_cell_is_unknown_to_the_identity_rules():
    """The same wrong number (予以公开·自然人 1290 for 1288) accuses the body when it was read as printed,
    and nobody when the parser placed it by guess (confidence 0.4: a lost cell's place assumed)."""
    report = parse(HUAIAN)
    printed = _with_cell(report, "granted", "natural_person", 1290, 1.0)
    guessed = _with_cell(report, "granted", "natural_person", 1290, 0.4)
    assert [c for c in _codes(printed) if c.startswith("IDN")]
    assert not [c for c in _codes(guessed) if c.startswith("IDN")]
