"""Pattern 10 of issue 11, second half: a text that starts in the middle of a report.

fragments/frag-017 is page 9 of a flipbook (文登区审计局, 2020): "Page 9 - 2020年报_审计局" and "P. 9",
then the last row of table 三 ("四、结转下年度继续办理 0 0 0 0 0 0 0"), part 四 with its table and
part 五. Truncation at the start is reported as truncation at the end is (one TRUNCATED problem, an
EXT005 error: the report could not be checked whole), its detail saying it is the start and which
part the text begins in; the parts before the text's first heading are not "missing" (STR001).
A report that starts at its beginning, or is cut only at the end, is unchanged.
"""

from __future__ import annotations

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.spec.problems import ProblemKind as K

from ..conftest import FIXTURES
from .common import fixture_lines, parse

FRAG_017 = (FIXTURES / "fragments" / "frag-017.txt").read_text(encoding="utf-8")


def _findings(report, select):
    return Engine(ProjectConfig(), Overrides(select=select)).check_report(report).findings


def _starts(report) -> list:
    return [p for p in report.problems if p.kind == K.TRUNCATED and p.detail.get("at") == "start"]


def test_flipbook_page_is_reported_as_starting_inside_table_three():
    report = parse(FRAG_017)
    assert [(p.number, p.line) for p in report.parts] == [(4, 4), (5, 18)]
    [start] = _starts(report)
    assert start.line == 3  # the first line of content, after the page marks
    assert start.detail == {"at": "start", "first_part": 3, "first_heading": 4}
    assert "文本从第三部分中间开始" in start.message
    assert report.parts[0].line == 4  # the table row "四、结转下年度继续办理 …" is no heading


def test_parts_outside_the_page_are_not_missing():
    report = parse(FRAG_017)
    assert _findings(report, ["STR001"]) == []
    errors = [f for f in _findings(report, ["ALL"]) if f.severity == "error"]
    assert [f.code for f in errors] == ["EXT005"]  # the one error: the report was not checked whole


def test_text_starting_at_a_later_heading():
    """The same page cut just before part 四's heading: the text begins with part 四."""
    report = parse(fixture_lines("fragments/frag-017.txt", 4, 26))
    [start] = _starts(report)
    assert start.detail == {"at": "start", "first_part": 4, "first_heading": 4}
    assert "文本从第四部分开始" in start.message
    assert _findings(report, ["STR001"]) == []


def test_text_of_table_rows_without_any_heading():
    """Only table 三's closing rows (huaian-2024 lines 125-127): the text begins inside part 三."""
    report = parse(fixture_lines("real/huaian-2024.txt", 125, 127))
    [start] = _starts(report)
    assert start.detail["first_part"] == 3 and start.detail["first_heading"] == 0


def test_a_report_that_starts_at_its_beginning_is_not_cut_at_the_start():
    report = parse((FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8"))
    assert _starts(report) == []
    # A report with no title whose first heading is 一 starts at its beginning too.
    assert _starts(parse(fixture_lines("real/huaian-2024.txt", 9, 154))) == []


def test_a_foreword_without_title_or_part_one_is_the_beginning():
    """huaian-2024 from its foreword (line 3), with part 一's heading lost: the text starts where the
    report starts, so part 一 is missing (STR001), not outside the text."""
    text = fixture_lines("real/huaian-2024.txt", 3, 154).replace("一、总体情况\n", "", 1)
    report = parse(text)
    assert _starts(report) == []
    [missing] = _findings(report, ["STR001"])
    assert "第一部分" in missing.message


def test_cut_at_the_end_is_kept_as_it_was():
    """frag-057 breaks off inside table 三 (line 26): truncation at the end, as before."""
    report = parse((FIXTURES / "fragments" / "frag-057.txt").read_text(encoding="utf-8"))
    cuts = [p for p in report.problems if p.kind == K.TRUNCATED]
    assert [(p.line, p.detail.get("at")) for p in cuts] == [(26, None)]


def test_a_page_that_starts_at_table_four_keeps_the_table():
    """One page of a flipbook that starts with table 四's split column heads and its fifteen numbers
    (huaian-2024's, line 137)."""
    text = "维持 纠正 结果 审结 维持 纠正 结果 审结\n" + fixture_lines("real/huaian-2024.txt", 137, 151)
    report = parse(text)
    rows = report.tables["t4"].rows
    assert [c.value for c in rows["review"].cells.values()] == [72, 64, 178, 37, 351]
    assert [c.value for c in rows["litigation_after_review"].cells.values()] == [12, 1, 1, 6, 20]
    assert any(p.kind == K.TRUNCATED and p.detail.get("at") == "start" for p in report.problems)
