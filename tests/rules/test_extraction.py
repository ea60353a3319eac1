"""Extraction findings on the seed reports, and the variant (rule set) chosen for each report."""

from __future__ import annotations

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import FIXTURES, SEEDS


def _findings(path_or_report, select):
    engine = Engine(ProjectConfig(), Overrides(select=select))
    report = parse_file(path_or_report) if not hasattr(path_or_report, "tables") else path_or_report
    return engine.check_report(report, str(path_or_report)).findings


def test_missing_column_is_one_column_finding():
    findings = _findings(SEEDS / "003_10421f3e08d9eefa.txt", ["EXT001"])
    assert [(f.code, f.location.table, f.location.col, f.severity) for f in findings] == [
        ("EXT001", "t3", "other_org", "error")
    ]


def test_damaged_rows_of_one_table_are_grouped():
    [f] = _findings(SEEDS / "003_10421f3e08d9eefa.txt", ["EXT002"])
    assert f.extent == 13 and f.location.line == 59 and "13行" in f.message


def test_ocr_damaged_labels_of_the_prefecture_report():
    findings = _findings(SEEDS / "000_6424f50ad3d5c809.txt", ["EXT009"])
    assert {(f.location.row, f.location.line) for f in findings} == {("new_received", 56), ("carried_over", 57)}


def test_drifted_label_is_info_not_ocr():
    findings = _findings(SEEDS / "004_7cf50946b776564f.txt", ["EXT004", "EXT009"])
    assert [(f.code, f.severity, f.location.row) for f in findings] == [("EXT004", "info", "denied.prohibited_by_law")]


def test_clean_report_has_no_extraction_findings():
    assert _findings(FIXTURES / "real" / "huaian-2024.txt", ["EXT"]) == []


def test_truncated_text_is_one_finding():
    text = (SEEDS / "002_0b3756e79a1f4c29.txt").read_text(encoding="utf-8")
    report = parse_text(text[: text.index("(三) 不予公开")])
    codes = [f.code for f in _findings(report, ["EXT"])]
    assert codes.count("EXT005") == 1
    assert "EXT008" not in codes  # the rows after the cut are not reported one by one


def test_ambiguous_crawler_cells(corpus):
    findings = _findings(corpus / "real" / "pingtan-2021.txt", ["EXT003"])
    assert [(f.location.table, f.location.row) for f in findings] == [("t2", "normative_docs")]


def test_variant_detection():
    engine = Engine(ProjectConfig(), Overrides())
    names = {p.name[:3]: engine.ruleset_for(parse_file(p)).name for p in sorted(SEEDS.glob("*.txt"))}
    # 运城 (Shanxi) is national; 兰山/聊城 are in Shandong; 温县/郑州上街 are in Henan.
    assert names == {"000": "national-2021", "001": "shandong", "002": "shandong", "003": "henan", "004": "henan"}
    assert engine.ruleset_for(parse_file(FIXTURES / "real" / "pingtan-2019.txt")).name == "national-2019"
    forced = Engine(ProjectConfig(), Overrides(region="shanghai"))
    assert forced.ruleset_for(parse_file(SEEDS / "000_6424f50ad3d5c809.txt")).name == "shanghai"
