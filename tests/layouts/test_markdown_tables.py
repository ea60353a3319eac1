"""Pattern 5: markdown tables as tools and people make them — one table per row group, "## 表三（续）"
lines and placeholder header rows between the rows, separator rows; the parse equals the text's."""

from __future__ import annotations

import re

from ..conftest import FIXTURES
from .common import kinds, parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
ROW = re.compile(r"^(.*?)\s*(\d+(?: \d+){6})$")
BREAK = [
    "",
    "## 表三：收到和处理政府信息公开申请情况（续）",
    "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |",
    "|---|---|---|---|---|---|---|---|",
]


def _as_markdown(breaks_after: tuple[int, ...]) -> str:
    """huaian-2024 with table 三 (lines 84-127) as pipe rows, split into several markdown tables."""
    out = []
    for number, line in enumerate(HUAIAN.split("\n"), start=1):
        m = ROW.match(line) if 84 <= number <= 127 else None
        if m is None:
            out.append(line)
            continue
        out.append("| " + m.group(1) + " | " + " | ".join(m.group(2).split()) + " |")
        if number in breaks_after:
            out += BREAK
    return "\n".join(out)


def test_one_markdown_table_per_row_group_reads_as_the_text():
    report, reference = parse(_as_markdown((85, 104, 112))), parse(HUAIAN)
    for key in reference.tables["t3"].rows:
        assert values(report, "t3", key) == values(reference, "t3", key), key
    assert not [p for p in report.problems if p.table == "t3"]


def test_a_county_transcription_with_placeholder_headers():
    """shuyang-2025.txt: every block of table 三 a markdown table headed "类别 | 数据1 … | 总计"."""
    report = parse((FIXTURES / "real" / "shuyang-2025.txt").read_text(encoding="utf-8"))
    assert values(report, "t3", "new_received") == [705, 3, 0, 0, 5, 0, 713]
    assert values(report, "t3", "other.other") == [142, 1, 0, 0, 0, 0, 143]
    assert values(report, "t3", "total_handled") == [710, 3, 0, 0, 5, 0, 718]


GROUP_HEAD = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
TABLE_FOUR = (
    "# 某县人民政府2025年政府信息公开工作年度报告\n## 四、政府信息公开行政复议、行政诉讼情况\n"
    "### 行政复议\n61\n" + GROUP_HEAD + "| 27 | 10 | 9 | 15 |\n"
    "### 行政诉讼（未经复议直接起诉）\n" + GROUP_HEAD + "| 3 | 0 | 0 | 0 | 3 |\n"
    "### 行政诉讼（复议后起诉）\n" + GROUP_HEAD + "| 8 | 0 | 1 | 1 | 10 |\n"
    "## 五、存在的主要问题及改进情况\n"
)


def test_a_cell_a_converter_pulled_out_above_its_table_goes_back_by_the_identity():
    """shuyang-2025's table 四 (27 10 9 15 61 / 3 0 0 0 3 / 8 0 1 1 10), one markdown table per group,
    with the 复议 total moved onto a loose line above its table: only at the end does the group add up."""
    report = parse(TABLE_FOUR)
    assert values(report, "t4", "review") == [27, 10, 9, 15, 61]
    assert values(report, "t4", "litigation_direct") == [3, 0, 0, 0, 3]
    assert ("cell-missing", "t4", None) in kinds(report)


def test_a_loose_cell_with_two_possible_places_is_not_moved():
    """0 0 0 0 with a loose 0: it fits in every place, so nothing is moved on a guess."""
    report = parse(TABLE_FOUR.replace("61\n", "0\n").replace("| 27 | 10 | 9 | 15 |", "| 0 | 0 | 0 | 0 |"))
    assert not [k for k in kinds(report) if k == ("cell-missing", "t4", None)]
