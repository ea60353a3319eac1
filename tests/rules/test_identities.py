"""Identities (spec §5) on real reports and on real reports with one number changed."""

from __future__ import annotations

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import CLEAN_REAL_TEXTS, FIXTURES, SEEDS

HUAIAN = FIXTURES / "real" / "huaian-2024.txt"


def _idn(report):
    engine = Engine(ProjectConfig(), Overrides(select=["IDN"]))
    return engine.check_report(report).findings


def _huaian(old: str, new: str):
    text = HUAIAN.read_text(encoding="utf-8")
    assert old in text
    return parse_text(text.replace(old, new, 1))


def test_correct_reports_have_no_identity_findings(corpus):
    paths = sorted(SEEDS.glob("*.txt")) + [corpus / "real" / name for name in CLEAN_REAL_TEXTS]
    for path in paths:
        assert _idn(parse_file(path)) == [], path.name


def test_one_wrong_cell_is_reported_once_as_the_culprit():
    findings = _idn(_huaian("（一）予以公开 1288 21", "（一）予以公开 1290 21"))
    assert [(f.code, f.location.row, f.location.col, f.expected, f.actual, f.location.line) for f in findings] == [
        ("IDN010", "granted", "natural_person", 1288, 1290, 86)
    ]
    assert len(findings[0].related) >= 7


def test_wrong_total_breaks_the_row_and_the_balance():
    findings = _idn(_huaian("2932 53 0 0 61 4 3050", "2932 53 0 0 61 4 3051"))
    codes = sorted((f.code, f.location.col) for f in findings)
    # The 总计 column's total_handled is the shared cell of row total and column identities.
    assert ("IDN010", "total") in codes
    assert all(f.severity == "error" for f in findings)


def test_balance_alone():
    findings = _idn(_huaian("四、结转下年度继续办理 103 0 0 0 0 0 103", "四、结转下年度继续办理 103 0 0 0 0 0 104"))
    assert [(f.code, f.location.row, f.location.col, f.expected, f.actual) for f in findings] == [
        ("IDN010", "carried_forward", "total", 103, 104)
    ]


def test_review_group_total():
    findings = _idn(_huaian("72 64 178 37 351", "72 64 178 37 350"))
    assert [(f.code, f.location.row, f.expected, f.actual) for f in findings] == [("IDN004", "review", 351, 350)]


def test_missing_cells_are_not_arithmetic_errors():
    # Seed 000 has rows with a lost cell: no identity involving them is reported.
    assert _idn(parse_file(SEEDS / "000_6424f50ad3d5c809.txt")) == []


def _next_year(carried: str, in_force: str = "1 0 11"):
    text = HUAIAN.read_text(encoding="utf-8").replace("2024", "2025")
    text = text.replace(
        "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34", f"二、上年结转政府信息公开申请数量 {carried}"
    )
    text = text.replace("规章 1 0 11", f"规章 {in_force}").replace("行政规范性文件 8 26 66", "行政规范性文件 0 0 66")
    return parse_text(text)


def _cross(report, last):
    engine = Engine(ProjectConfig(), Overrides(select=["IDN005", "IDN006"]))
    return engine.check_report(report, run_reports=(last,)).findings


def test_carried_over_against_last_year():
    last = parse_file(HUAIAN)  # carried forward: 103 (natural persons), 103 in total
    assert _cross(_next_year("103 0 0 0 0 0 103", "0 0 11"), last) == []
    found = _cross(_next_year("100 0 0 0 0 0 100", "0 0 11"), last)
    assert sorted((f.code, f.location.col, f.expected, f.actual) for f in found) == [
        ("IDN005", "natural_person", 103, 100),
        ("IDN005", "total", 103, 100),
    ]


def test_in_force_against_last_year():
    last = parse_file(HUAIAN)  # 规章 现行有效 11
    [f] = _cross(_next_year("103 0 0 0 0 0 103", "2 0 20"), last)
    assert (f.code, f.expected, f.actual, f.severity) == ("IDN006", 13, 20, "warning")


def test_other_bodies_or_years_are_not_compared():
    other = parse_file(SEEDS / "002_0b3756e79a1f4c29.txt")
    assert _cross(_next_year("100 0 0 0 0 0 100"), other) == []


def _with_subtotal(wrong_row: str | None = None):
    """Seed 002 with a 法人小计 column added before 总计 (as some reports do)."""
    out = []
    for line in (SEEDS / "002_0b3756e79a1f4c29.txt").read_text(encoding="utf-8").split("\n"):
        if line.startswith("\t\t商业企业"):
            line = line.replace("其他\t", "其他\t小计\t")
        cells = line.split("\t")
        numbers = [i for i, c in enumerate(cells) if c.strip().isdigit()]
        if len(numbers) == 7 and "申请" not in "".join(cells[numbers[-1] :]):
            values = [int(cells[i]) for i in numbers]
            sub = sum(values[1:6]) + (1 if wrong_row and wrong_row in line else 0)
            cells.insert(numbers[-1], str(sub))
            line = "\t".join(cells)
        out.append(line)
    return parse_text("\n".join(out))


def test_subtotal_column_is_read_and_checked():
    report = _with_subtotal()
    t3 = report.tables["t3"]
    assert "legal_entity_subtotal" in t3.present_columns
    assert t3.rows["granted"].cells["legal_entity_subtotal"].value == 0
    assert t3.rows["granted"].cells["total"].value == 1
    assert _idn(report) == []
    # A wrong subtotal breaks its row's subtotal and its column's handled total: one culprit.
    [f] = _idn(_with_subtotal(wrong_row="重复申请"))
    assert (f.code, f.location.row, f.location.col, f.expected, f.actual) == (
        "IDN010",
        "not_processed.duplicate",
        "legal_entity_subtotal",
        0,
        1,
    )
