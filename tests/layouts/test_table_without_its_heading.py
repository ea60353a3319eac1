"""Pattern 2 (and principle "never lose a table in silence"): a table is found by what it contains —
table 二's item heads, table 三's header and row labels, table 四's column heads — when the heading
of its part is lost; the lost heading is a warning, not a missing part, and no cell is lost."""

from __future__ import annotations

import pytest

from ..conftest import FIXTURES
from .common import kinds, parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
HEADINGS = {
    "t2": "二、主动公开政府信息情况",
    "t3": "三、收到和处理政府信息公开申请情况",
    "t4": "四、政府信息公开行政复议、行政诉讼情况",
}


@pytest.mark.parametrize("table", sorted(HEADINGS))
def test_a_table_whose_heading_is_lost_is_read_all_the_same(table):
    reference = parse(HUAIAN)
    report = parse(HUAIAN.replace(HEADINGS[table], "（表格）"))
    for key, t in reference.tables.items():
        for row in t.rows:
            assert values(report, key, row) == values(reference, key, row), (key, row)
    assert [k for k in kinds(report) if k[0] == "heading-damaged"] == [("heading-damaged", table, None)]
    assert not [k for k in kinds(report) if k[0] in ("row-extra", "row-missing")]


def test_a_sentence_about_the_requests_opens_no_table():
    """Part 一's narrative speaks of 本年新收政府信息公开申请数量 in a sentence: no table starts there."""
    text = HUAIAN.replace(HEADINGS["t3"], "（表格）").replace(
        "一、总体情况", "一、总体情况\n本年新收政府信息公开申请数量为3119件,上年结转34件。\n1 2 3\n4 5 6\n7 8 9", 1
    )
    report = parse(text)
    assert values(report, "t3", "granted") == [1288, 21, 0, 0, 50, 3, 1362]


def test_a_sub_topic_worded_like_part_three_does_not_take_its_table():
    """Part 一's sub-topic "（二）依申请公开情况" (line 25) renumbered with part 三's full wording, while
    the real heading (line 76) lost its "、": the sub-topic holds no sign of table 三, the text after
    line 76 does, so table 三 is read there and the misplaced heading is reported."""
    text = HUAIAN.replace("（二）依申请公开情况", HEADINGS["t3"], 1).replace(
        HEADINGS["t3"] + "\n", "三 收到和处理政府信息公开申请情况\n", 1
    )
    assert text.split("\n")[24].startswith(HEADINGS["t3"])
    report, reference = parse(text), parse(HUAIAN)
    for row in reference.tables["t3"].rows:
        assert values(report, "t3", row) == values(reference, "t3", row), row
    assert ("heading-damaged", "t3", None) in kinds(report)
    assert not [k for k in kinds(report) if k[0] == "table-unreadable"]
