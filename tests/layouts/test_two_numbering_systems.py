"""Pattern 2 of issue 11: two numbering systems.

Some reports number the sub-topics of 总体情况 as if they were parts ("一、主动公开", "二、依申请公开",
"三、政府信息管理", "四、政府信息公开平台建设", "五、监督保障") and then number the parts with tables
again ("一、主动公开政府信息情况", …, or "二、…" as the format does). "一、主动公开" and "二、依申请公开"
name parts 二 and 三 by their key words; the part is the section that holds the part's table (its item
heads, row labels, column heads) and has the format's wording. The sub-topic headings are text of part
一, no table is looked for there, and no number of the narrative becomes a cell. A report that gives
part 一 no heading of its own has it opened by its first sub-topic, with a warning (EXT011), rather
than a "missing part" error: its content is there.

No report of the corpus numbers this way; the excerpt is written as such reports are: the narrative
is hand-written, the tables and the headings' wording are huaian-2024's (淮安市人民政府, PDF text).
"""

from __future__ import annotations

import pytest

from ogilint.spec.problems import ProblemKind as K

from ..conftest import FIXTURES
from .common import fixture_lines, parse

HUAIAN = "real/huaian-2024.txt"

TITLE = """淮安市某区人民政府
2024 年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。
报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。
"""
SUB_TOPICS = """一、主动公开
2024 年，区政府网站主动公开各类政府信息 1520 条，新增公开区政府规范性文件 8 件，制作政策解读 21 个。
二、依申请公开
全年本年新收政府信息公开申请 3119 件，上年结转 34 件，予以公开 1362 件，结转下年度继续办理 103 件。
三、政府信息管理
严格落实公开前保密审查，全年清理过时文件 26 件。
四、政府信息公开平台建设
持续优化区政府门户网站政府信息公开专栏，更新栏目 12 个。
五、监督保障
将政务公开纳入年度考核，全年组织培训 4 次，开展检查 2 次。
"""


def _report(numerals: str, general: bool):
    n2, n3, n4, n5, n6 = numerals
    text = (
        TITLE
        + ("一、总体情况\n2024 年，我区认真贯彻落实《条例》，各项工作有序开展。\n" if general else "")
        + SUB_TOPICS
        + f"{n2}、主动公开政府信息情况\n"
        + fixture_lines(HUAIAN, 61, 75)
        + f"{n3}、收到和处理政府信息公开申请情况\n"
        + fixture_lines(HUAIAN, 77, 127)
        + f"{n4}、政府信息公开行政复议、行政诉讼情况\n"
        + fixture_lines(HUAIAN, 129, 137)
        + f"{n5}、存在的主要问题及改进情况\n"
        + fixture_lines(HUAIAN, 139, 139)
        + "地方。\n"
        + f"{n6}、其他需要报告的事项\n"
        + fixture_lines(HUAIAN, 152, 153)
    )
    return parse(text), text.splitlines()


def _values(report) -> dict:
    return {
        (key, row): [c.value if c.kind == "number" else c.kind for c in r.cells.values()]
        for key, table in report.tables.items()
        for row, r in table.rows.items()
    }


@pytest.fixture(scope="module")
def huaian():
    return parse((FIXTURES / HUAIAN).read_text(encoding="utf-8"))


LAYOUTS = [
    pytest.param("二三四五六", True, id="general-then-subtopics-then-format-numbers"),
    pytest.param("一二三四五", True, id="general-then-subtopics-then-restart-at-one"),
    pytest.param("一二三四五", False, id="subtopics-as-parts-then-restart-at-one"),
]


@pytest.mark.parametrize("numerals,general", LAYOUTS)
def test_tables_come_from_the_parts_that_hold_them(huaian, numerals, general):
    report, lines = _report(numerals, general)
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    part2, part3 = report.part(2), report.part(3)
    assert lines[part2.line - 1].endswith("主动公开政府信息情况")
    assert lines[part3.line - 1].endswith("收到和处理政府信息公开申请情况")
    assert _values(report) == _values(huaian)  # the tables as printed, nothing from the narrative
    assert report.tables["t3"].line > part3.line and report.tables["t2"].line > part2.line


@pytest.mark.parametrize("numerals,general", LAYOUTS)
def test_subtopic_headings_are_text_of_part_one(numerals, general):
    report, lines = _report(numerals, general)
    subtopics = {line: i for i, line in enumerate(lines, start=1) if line in ("一、主动公开", "二、依申请公开")}
    assert len(subtopics) == 2
    part1 = report.part(1)
    assert not any(p.line in subtopics.values() for p in report.parts if p.number != 1)
    assert part1.end_line == report.part(2).line - 1
    assert "依申请公开" in report.part_text(1) and "监督保障" in report.part_text(1)
    heading_problems = [p for p in report.problems if p.kind == K.HEADING_DAMAGED]
    assert subtopics["二、依申请公开"] not in [p.line for p in heading_problems]
    if general:
        assert lines[part1.line - 1] == "一、总体情况"
    else:  # part 一 has no heading: its first sub-topic opens it, and that is a finding
        assert part1.line == subtopics["一、主动公开"]
        [untitled] = [p for p in heading_problems if p.detail["part"] == 1]
        assert untitled.line == part1.line and untitled.detail["damage"] == ["subtopics"]
        assert "没有自己的标题" in untitled.message


def test_restarted_numbering_is_reported_once_per_renumbered_heading():
    report, _ = _report("一二三四五", True)
    problems = [p for p in report.problems if p.kind == K.HEADING_DAMAGED]
    assert [(p.detail["part"], p.detail["ordinal"]) for p in problems] == [
        (2, "一"),
        (3, "二"),
        (4, "三"),
        (5, "四"),
        (6, "五"),
    ]


def test_format_numbering_after_subtopics_is_no_damage():
    report, _ = _report("二三四五六", True)
    assert [p for p in report.problems if p.kind == K.HEADING_DAMAGED] == []


def test_a_full_heading_repeated_after_its_part_stays_a_duplicate():
    """A heading with the format's full wording pasted again after the part that holds the table is a
    repeated part (STR002 reports it); the table is still read from the part that holds it."""
    report, _ = _report("二三四五六", True)
    text = "\n".join(report.lines).replace(
        "三、收到和处理政府信息公开申请情况\n",
        "二、主动公开政府信息情况\n本年度无。\n三、收到和处理政府信息公开申请情况\n",
        1,
    )
    again = parse(text + "\n")
    assert [p.number for p in again.parts] == [1, 2, 2, 3, 4, 5, 6]
    assert again.parts[1].line < again.tables["t2"].line < again.parts[2].line


def test_subtopics_worded_as_the_parts():
    """Sub-topics of 总体情况 that carry the parts' full wording ("一、主动公开政府信息情况",
    "二、收到和处理政府信息公开申请情况") but no table, before the parts that hold the tables: the
    tables are read from the later ones, and the earlier ones are text of part 一, not repeated parts."""
    worded = SUB_TOPICS.replace("一、主动公开\n", "一、主动公开政府信息情况\n").replace(
        "二、依申请公开\n", "二、收到和处理政府信息公开申请情况\n"
    )
    text = "\n".join(_report("二三四五六", True)[1]).replace(SUB_TOPICS, worded) + "\n"
    report = parse(text)
    assert [p.number for p in report.parts] == [1, 2, 3, 4, 5, 6]
    assert "收到和处理政府信息公开申请情况" in report.part_text(1)
    huaian = parse((FIXTURES / HUAIAN).read_text(encoding="utf-8"))
    assert _values(report) == _values(huaian)
