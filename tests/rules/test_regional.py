"""Regional rules: Shandong's part 六 sub-items (spec §7)."""

from __future__ import annotations

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import SEEDS


def _reg(report, path=""):
    engine = Engine(ProjectConfig(), Overrides(ruleset="shandong", select=["REG"]))
    return [f for f in engine.check_report(report, path).findings if f.code == "REG001"]


def test_shandong_reports_with_all_items_pass():
    for name in ("001_48885ef824cbd5d4.txt", "002_0b3756e79a1f4c29.txt"):
        assert _reg(parse_file(SEEDS / name)) == []


def test_part_six_without_the_items_is_flagged():
    [f] = _reg(parse_file(SEEDS / "000_6424f50ad3d5c809.txt"))  # part 六 is just "无"
    assert f.location.line == 96 and "信息处理费" in f.actual and f.extent == 4


def test_one_missing_item_is_named():
    text = (SEEDS / "002_0b3756e79a1f4c29.txt").read_text(encoding="utf-8")
    text = text.replace("（四）政务公开工作创新情况", "（四）其他情况").replace("创新", "改进")
    [f] = _reg(parse_text(text))
    assert f.actual == "缺少政务公开工作创新情况"


def test_national_rule_set_does_not_run_it():
    engine = Engine(ProjectConfig(), Overrides(ruleset="national-2021"))
    findings = engine.check_report(parse_file(SEEDS / "000_6424f50ad3d5c809.txt")).findings
    assert not [f for f in findings if f.code.startswith("REG")]
