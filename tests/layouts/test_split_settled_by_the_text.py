"""Table 二 has no identity, so a crawler's run of digits ("77132470" for 行政规范性文件's three cells)
can be cut many ways. When part 一 states the figure of one of its cells ("动态更新本年度制发的规范性
文件77件", pingtan-2023), only the cuts that agree with the text are kept: the cell is read from the
text's word, with lowered confidence and a problem that says so; what the text does not settle stays
unreadable. Nothing is read from the text when it states the figure twice differently."""

from __future__ import annotations

from ..conftest import FIXTURES
from .common import parse, values

PINGTAN_2023 = (FIXTURES / "real" / "pingtan-2023.txt").read_text(encoding="utf-8")
STATED = "动态更新本年度制发的规范性文件77件"


def _problem(report):
    return [p for p in report.problems if p.table == "t2" and p.row == "normative_docs"]


def test_the_stated_figure_settles_its_cell_and_nothing_else():
    report = parse(PINGTAN_2023)
    assert values(report, "t2", "normative_docs") == [77, "unreadable", "unreadable"]
    assert report.tables["t2"].cell("normative_docs", "issued").confidence == 0.8
    [problem] = _problem(report)
    assert "正文「制发的规范性文件77件」说本年制发件数为77" in problem.message


def test_the_stated_figure_leaves_one_cut():
    """ "7713" cuts as 7|7|13, 7|71|3 or 77|1|3; the text's 77 leaves the last one."""
    report = parse(PINGTAN_2023.replace("行政规范性文件77132470", "行政规范性文件7713"))
    assert values(report, "t2", "normative_docs") == [77, 1, 3]
    [problem] = _problem(report)
    assert problem.kind == "split-unique" and "据此读作 77,1,3" in problem.message


def test_without_the_statement_the_row_stays_unreadable():
    report = parse(PINGTAN_2023.replace(STATED, "动态更新本年度规范性文件"))
    assert values(report, "t2", "normative_docs") == ["unreadable"] * 3


def test_two_different_statements_settle_nothing():
    report = parse(PINGTAN_2023.replace(STATED, STATED + ",其中新制发的规范性文件70件"))
    assert values(report, "t2", "normative_docs") == ["unreadable"] * 3
