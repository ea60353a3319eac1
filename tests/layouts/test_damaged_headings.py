"""Pattern 1 of issue 11: part headings damaged or renumbered.

A heading with a character inserted or dropped, a numeral that is not the part's, stray characters
before the numeral, or a title broken over two lines still opens its part, found by its words; the
damage is a HEADING_DAMAGED problem (EXT011, a warning) that says what is wrong, and the part's table
reads as it reads under the undamaged heading. Table rows that start like headings stay rows.

The text is huaian-2024 (淮安市人民政府, a PDF's text) with one heading damaged at a time, in the
ways the issue lists from real reports.
"""

from __future__ import annotations

import pytest

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.spec.problems import ProblemKind as K

from ..conftest import FIXTURES
from .common import kinds, parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
HEADING_LINES = {1: 9, 2: 60, 3: 76, 4: 128, 5: 138, 6: 151}


def _values(report) -> dict:
    """Every cell's value (or kind) of the three tables, without lines: an inserted line moves lines."""
    return {
        (key, row): [c.value if c.kind == "number" else c.kind for c in r.cells.values()]
        for key, table in report.tables.items()
        for row, r in table.rows.items()
    }


def _damaged(old: str, new: str):
    assert old in HUAIAN
    return parse(HUAIAN.replace(old, new, 1))


def _heading_problems(report) -> list:
    return [p for p in report.problems if p.kind == K.HEADING_DAMAGED]


CASES = [
    # (what, printed heading, damaged heading, part, damage kind, detail value)
    (
        "character-inserted",
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政法复议、行政诉讼情况",
        4,
        "characters",
        "政府信息公开行政复议、行政诉讼情况",
    ),
    (
        "character-dropped",
        "三、收到和处理政府信息公开申请情况",
        "三、收到和处理政府信息公申请情况",
        3,
        "characters",
        "收到和处理政府信息公开申请情况",
    ),
    ("character-changed", "一、总体情况", "一、总体倩况", 1, "characters", "总体情况"),
    ("ordinal-shifted-up", "二、主动公开政府信息情况", "三、主动公开政府信息情况", 2, "ordinal", "三"),
    ("ordinal-seven", "六、其他需要报告的事项", "七、其他需要报告的事项", 6, "ordinal", "七"),
    ("prefix-letter-l", "六、其他需要报告的事项", "l六、其他需要报告的事项", 6, "prefix", "l"),
    ("prefix-bar", "六、其他需要报告的事项", "|六、其他需要报告的事项", 6, "prefix", "|"),
    ("prefix-digit", "六、其他需要报告的事项", "1六、其他需要报告的事项", 6, "prefix", "1"),
    ("split-over-two-lines", "五、存在的主要问题及改进情况", "五、存在的主要问题及\n改进情况", 5, "split", "改进情况"),
    (
        "numeral-alone-title-below",
        "五、存在的主要问题及改进情况",
        "五、\n存在的主要问题及改进情况",
        5,
        "split",
        "存在的主要问题及改进情况",
    ),
    (
        "split-after-the-comma",
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政复议、\n行政诉讼情况",
        4,
        "split",
        "行政诉讼情况",
    ),
]


@pytest.mark.parametrize("what,old,new,part,kind,value", CASES, ids=[c[0] for c in CASES])
def test_damaged_heading_keeps_its_part_and_table_and_is_reported(what, old, new, part, kind, value):
    clean = parse(HUAIAN)
    report = _damaged(old, new)
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert report.part(part).line == HEADING_LINES[part]
    assert _values(report) == _values(clean)  # not one cell lost or moved
    [problem] = _heading_problems(report)
    assert problem.line == HEADING_LINES[part]
    assert problem.detail["part"] == part
    assert problem.detail["damage"] == [kind]
    assert problem.detail[kind] == value
    assert f"第{'一二三四五六'[part - 1]}部分" in problem.message
    findings = Engine(ProjectConfig(), Overrides(select=["EXT011", "STR012"])).check_report(report).findings
    # a clean heading with another part's numeral is the body's slip (STR012), not damage (EXT011)
    code = "STR012" if kind == "ordinal" else "EXT011"
    assert [(f.code, f.severity, f.location.line) for f in findings] == [(code, "warning", HEADING_LINES[part])]


def test_split_heading_spans_both_lines_and_the_next_part_starts_after_it():
    report = _damaged("五、存在的主要问题及改进情况", "五、存在的主要问题及\n改进情况")
    five = report.part(5)
    assert five.heading == "存在的主要问题及改进情况"
    assert report.part(6).line == HEADING_LINES[6] + 1
    assert "改进情况" not in report.part_text(4)


def test_the_undamaged_report_has_no_heading_problem():
    assert _heading_problems(parse(HUAIAN)) == []


def test_a_reworded_heading_is_no_damage():
    """Small words that differ ("的", "和", "它") reword a heading; that is STR004's note, not damage."""
    report = _damaged("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请的情况")
    assert report.part(3).line == HEADING_LINES[3]
    assert _heading_problems(report) == []
    report = _damaged("六、其他需要报告的事项", "六、其它需要报告的事项")
    assert report.part(6).line == HEADING_LINES[6] and _heading_problems(report) == []


@pytest.mark.parametrize(
    "line",
    [
        "三、本年度办理结果",
        "四、结转下年度继续办理 103 0 0 0 0 0 103",
        "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119",
        "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34",
        "一、主动公开工作。坚持以公开为常态、不公开为例外",
        "一、总体要求",
    ],
)
def test_row_labels_and_sentences_are_not_headings(line):
    """Table 三's rows start like headings; narrative lines that start with a numeral are sentences."""
    text = HUAIAN.replace("规章 1 0 11\n", f"规章 1 0 11\n{line}\n", 1)
    report = parse(text)
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert _heading_problems(report) == []


def test_frag_019_row_labels_stay_in_table_three():
    """fragments/frag-019 (a real excerpt) prints table 三's row labels "一、本年新收…", "三、本年度办理结果"
    and "四、结转下年度继续办理" on lines of their own (lines 38-40, 64): they are rows, not parts."""
    report = parse((FIXTURES / "fragments" / "frag-019.txt").read_text(encoding="utf-8"))
    assert [(p.number, p.line) for p in report.parts] == [(1, 1), (2, 3), (3, 27), (4, 65)]
    assert _heading_problems(report) == []


PINGTAN = (FIXTURES / "real" / "pingtan-2021.txt").read_text(encoding="utf-8")

INLINE = [
    ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况", 4, "characters"),
    ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公申请情况", 3, "characters"),
    ("二、主动公开政府信息情况", "二、主动公开政府信息倩况", 2, "characters"),
    ("六、其他需要报告的事项", "七、其他需要报告的事项", 6, "ordinal"),
]


@pytest.mark.parametrize("old,new,part,kind", INLINE, ids=[c[3] + str(c[2]) for c in INLINE])
def test_damaged_heading_inside_a_one_line_crawler_text(old, new, part, kind):
    """pingtan-2021 is a crawler's text: the whole report on line 10. A damaged heading inside that
    line still cuts it, so the part and its table stay what they were."""
    clean = parse(PINGTAN)
    assert old in PINGTAN
    report = parse(PINGTAN.replace(old, new, 1))
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert _values(report) == _values(clean)
    [problem] = _heading_problems(report)
    assert (problem.line, problem.detail["part"], problem.detail["damage"]) == (10, part, [kind])
    assert problem.column == report.part(part).column


def test_a_heading_run_into_a_sentence_and_wrapped_onto_the_next_line():
    """huaian-2024 as a PDF of a web page might give it: the headings 一 and 二 run on after the last
    sentence before them and wrapped mid-word, the next line going on with the part's text."""
    text = HUAIAN.replace("。\n一、总体情况\n", "。前文结束。一、总体情\n况", 1).replace(
        "\n二、主动公开政府信息情况\n", "前文结束。二、主动公开政府信\n息情况\n", 1
    )
    assert "一、总体情\n况" in text and "二、主动公开政府信\n息情况" in text
    report = parse(text)
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert [k for k in kinds(report) if k[0] == "heading-damaged"] == [("heading-damaged", None, None)] * 2
    assert values(report, "t2", "licensing") == [447228]
