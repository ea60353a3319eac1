"""Text against tables on the real reports and on edited copies of them."""

from __future__ import annotations

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import CLEAN_REAL_TEXTS, FIXTURES, SEEDS

HUAIAN = FIXTURES / "real" / "huaian-2024.txt"
SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


def _txt(report):
    return Engine(ProjectConfig(), Overrides(select=["TXT"])).check_report(report).findings


def _edit(path, *pairs):
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return parse_text(text)


def test_reports_whose_text_agrees(corpus):
    for path in list(SEED.values()) + [corpus / "real" / name for name in CLEAN_REAL_TEXTS]:
        assert _txt(parse_file(path)) == [], path.name


def test_requests_received_differs(corpus):
    [f] = _txt(_edit(HUAIAN, ("政府信息公开申请 3119 件", "政府信息公开申请 3120 件")))
    assert (f.code, f.expected, f.actual, f.location.line) == ("TXT001", 3119, 3120, 28)


def test_chinese_numeral_in_text():
    [f] = _txt(_edit(SEED["000"], ("信息公开申请1份", "信息公开申请两份")))
    assert (f.code, f.actual, f.location.line) == ("TXT001", 2, 17)


def test_claim_of_no_requests_contradicted():
    report = _edit(
        SEED["004"],
        (
            "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
            "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
        ),
    )
    codes = [(f.code, f.actual) for f in _txt(report)]
    assert ("TXT002", 2) in codes


def test_review_count_differs():
    [f] = _txt(_edit(HUAIAN, ("政府信息公开行政复议 351", "政府信息公开行政复议 352")))
    assert (f.code, f.expected, f.actual) == ("TXT003", 351, 352)


def test_normative_docs_issued_differs():
    [f] = _txt(_edit(SEED["002"], ("含行政规范性文件4件", "制发行政规范性文件3件")))
    assert (f.code, f.expected, f.actual) == ("TXT004", 4, 3)
