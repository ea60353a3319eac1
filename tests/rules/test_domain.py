"""Domain rules on the seeds and on edited copies of them."""

from __future__ import annotations

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import CLEAN_REAL_TEXTS, SEEDS

SEED = SEEDS / "002_0b3756e79a1f4c29.txt"


def _dom(report):
    return Engine(ProjectConfig(), Overrides(select=["DOM"])).check_report(report).findings


def test_seeds_are_clean(corpus):
    for path in sorted(SEEDS.glob("*.txt")) + [corpus / "real" / name for name in CLEAN_REAL_TEXTS]:
        assert _dom(parse_file(path)) == [], path.name


def test_fraction_blank_and_slash():
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("规章\t0\t0\t0", "规章\t1.5\t\t0").replace("行政许可\t0", "行政许可\t/")
    findings = _dom(parse_text(text))
    got = sorted((f.code, f.location.row, f.location.col) for f in findings)
    assert got == [
        ("DOM001", "regulations", "issued"),
        ("DOM003", "regulations", "repealed"),  # one note for table 二's blank and slash cells
    ]


def test_unit_in_a_count_cell():
    text = SEED.read_text(encoding="utf-8").replace("行政规范性文件\t4\t0\t12", "行政规范性文件\t4\t0\t12元")
    [f] = _dom(parse_text(text))
    assert (f.code, f.actual) == ("DOM002", "12 元")
