"""Issue 11, pattern 5 (markdown tables): placeholder header cells and ordinals with a space.

A converter writes a header row of placeholders over each markdown table ("| 类别 | 数据1 | 数据2 | … |
总计 |", shuyang-2025): "数据1" names a column, it is header text, never a row of numbers 1…6. A row
label with an ordinal and a space ("| 3. 其他 |", "2 . 其他") is label text, not a number cell.
"""

from __future__ import annotations

import pytest

from ogilint.parsing.tables.atoms import NUM, TEXT, scan_segment

from .common import fixture_lines, kinds, parse, values


def test_placeholder_header_rows_are_no_data():
    """shuyang-2025 lines 77–105: part 三, each row its own markdown table under a 数据1…数据6 header."""
    report = parse(fixture_lines("real/shuyang-2025.txt", 77, 105))
    assert values(report, "t3", "new_received") == [705, 3, 0, 0, 5, 0, 713]
    assert values(report, "t3", "carried_over") == [36, 0, 0, 0, 0, 0, 36]
    assert not [k for k in kinds(report) if k[0] in ("cell-extra", "cell-unreadable")]


def test_placeholder_header_atoms_are_text():
    line = fixture_lines("real/shuyang-2025.txt", 97, 97).rstrip("\n")
    assert line.startswith("| 类别 | 数据1 |")
    atoms = scan_segment(line, 97, 1)
    assert not [a for a in atoms if a.kind == NUM]
    assert [a.raw for a in atoms if a.kind == TEXT] == [
        "类别",
        "数据1",
        "数据2",
        "数据3",
        "数据4",
        "数据5",
        "数据6",
        "总计",
    ]


@pytest.mark.parametrize(
    "header",
    [
        "| 类别 | 列1 | 列2 | 列3 | 列4 | 列5 | 列6 | 总计 |",
        "| 类别 | Column1 | Column2 | Column3 | Column4 | Column5 | Column6 | 总计 |",
    ],
)
def test_other_placeholder_words(header):
    text = fixture_lines("real/shuyang-2025.txt", 77, 105).replace(
        "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |", header
    )
    assert text.count(header) == 2
    report = parse(text)
    assert values(report, "t3", "new_received") == [705, 3, 0, 0, 5, 0, 713]
    assert values(report, "t3", "carried_over") == [36, 0, 0, 0, 0, 0, 36]


def _other_handling(text_of_row3: str = "| 3. 其他 |") -> str:
    """shuyang-2025 part 三's heading (line 77) and its (六) 其他 block to the end of the table
    (lines 145–157), where the rows carry "1. ", "2. ", "3. " ordinals with a space."""
    block = fixture_lines("real/shuyang-2025.txt", 145, 157).replace("| 3. 其他 |", text_of_row3)
    return fixture_lines("real/shuyang-2025.txt", 77, 77) + block


@pytest.mark.parametrize("label", ["| 3. 其他 |", "| 3 . 其他 |", "| 3、 其他 |"])
def test_an_ordinal_with_a_space_is_label_text(label):
    report = parse(_other_handling(label))
    assert values(report, "t3", "other.other") == [142, 1, 0, 0, 0, 0, 143]
    assert values(report, "t3", "other.no_correction") == [9, 0, 0, 0, 0, 0, 9]
    assert values(report, "t3", "other.unpaid_fee") == [7, 0, 0, 0, 0, 0, 7]
    assert not [k for k in kinds(report) if k[0] in ("cell-extra", "cell-unreadable")]


def test_an_ordinal_after_a_row_of_numbers_in_running_text():
    """Space-separated text where the next row's "1. " follows the values: not an eighth value."""
    atoms = scan_segment("8.属于行政查询事项 9 0 0 0 0 0 9 1. 本机关不掌握相关政府信息", 1, 1)
    assert [a.raw for a in atoms if a.kind == NUM] == ["9", "0", "0", "0", "0", "0", "9"]
    assert atoms[-1].raw == "1. 本机关不掌握相关政府信息"


@pytest.mark.parametrize("text", ["in 2023. The", "共计 96171.6 万元", "第 25 . 5 项"])
def test_no_ordinal_where_a_number_is_a_value(text):
    assert [a for a in scan_segment(text, 1, 1) if a.kind == NUM]
