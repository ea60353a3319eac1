"""Pattern 7: a 2021-format table 三 whose "(六)其他处理" is printed as one row is kept as printed,
under the category, with a structure finding; its numbers are not forced into sub-row 3."""

from __future__ import annotations

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides

from ..conftest import FIXTURES
from .common import fixture_lines, kinds, parse, values

OTHER_BLOCK = fixture_lines("real/huaian-2024.txt", 117, 125)


def _codes(report) -> list[str]:
    return [f.code for f in Engine(ProjectConfig(), Overrides()).check_report(report, "x").findings]


def test_hongze_prints_other_as_one_row():
    """hongze-2023.pdf, page 4: "（六）其他处理 0 0 0 0 0 0 0" with no sub-rows."""
    report = parse_file(FIXTURES / "real" / "hongze-2023.pdf")
    assert values(report, "t3", "other") == [0] * 7
    for sub in ("other.no_correction", "other.unpaid_fee", "other.other"):
        assert values(report, "t3", sub) == ["missing"] * 7
    assert ("category-row", "t3", "other") in kinds(report)
    assert not [k for k in kinds(report) if k[0] == "row-missing"]


def test_the_identities_run_over_the_category_row():
    """huaian-2024 with its (六) block summed into one row: the table still adds up, so no identity
    finding; the category row is a warning of its own (STR008)."""
    text = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
    report = parse(text.replace(OTHER_BLOCK, "（六）其他处理 181 5 0 0 1 0 187\n"))
    assert values(report, "t3", "other") == [181, 5, 0, 0, 1, 0, 187]
    assert values(report, "t3", "other.other") == ["missing"] * 7
    codes = _codes(report)
    assert "STR008" in codes and not [c for c in codes if c.startswith("IDN")]


def test_a_wrong_category_total_is_still_an_arithmetic_error():
    text = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
    report = parse(text.replace(OTHER_BLOCK, "（六）其他处理 180 5 0 0 1 0 187\n"))
    assert [c for c in _codes(report) if c.startswith("IDN")]
