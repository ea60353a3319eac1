"""Issue 11, pattern 11: a unit typed in a count cell ("447228件").

A tab- or "|"-separated cell that is exactly a number and a counting word (件, 条, 个, 次, 人) is the
count, the word kept on the cell's raw text for DOM004 to note; the row is not missing. In running
prose "5件" stays text: a count in a sentence never becomes a cell.
"""

from __future__ import annotations

import pytest

from ogilint.parsing.normalize import normalize_lines
from ogilint.parsing.tables.atoms import NUM, TEXT, scan_segment

from .common import fixture_lines, kinds, parse, values


def _shuyang_table_two() -> str:
    """shuyang-2025's part 二 (markdown tables, lines 45–76)."""
    return fixture_lines("real/shuyang-2025.txt", 1, 3) + fixture_lines("real/shuyang-2025.txt", 45, 77)


def test_count_with_a_word_in_a_markdown_cell_is_read():
    text = _shuyang_table_two().replace("| 行政许可 | 517645 |", "| 行政许可 | 517645件 |")
    assert "517645件" in text
    report = parse(text)
    assert values(report, "t2", "licensing") == [517645]
    cell = report.tables["t2"].rows["licensing"].cells["decisions"]
    assert cell.raw == "517645 件"  # the word stays visible for DOM004
    assert not [k for k in kinds(report) if k[1] == "t2" and k[2] == "licensing"]


@pytest.mark.parametrize("typed", ["2154 件", "2154次", "2154 个"])
def test_count_words_and_spaces(typed):
    text = _shuyang_table_two().replace("| 行政强制 | 2154 |", f"| 行政强制 | {typed} |")
    report = parse(text)
    assert values(report, "t2", "coercion") == [2154]


def test_count_with_a_word_in_a_tab_separated_table_three_row():
    """seeds/002 (tab-separated Word table): the 自然人 cell of (一)予以公开 typed "1件"."""
    text = fixture_lines("seeds/002_0b3756e79a1f4c29.txt", 1, 90).replace("予以公开\t\t1\t", "予以公开\t\t1件\t")
    report = parse(text)
    assert values(report, "t3", "granted") == [1, 0, 0, 0, 0, 0, 1]
    assert report.tables["t3"].rows["granted"].cells["natural_person"].raw == "1 件"
    assert not [k for k in kinds(report) if k[2] == "granted"]


def test_fee_amount_keeps_its_money_unit():
    """seeds/002 line 47 行政事业性收费⇥12872.06 万元: money, not a counting word."""
    report = parse(fixture_lines("seeds/002_0b3756e79a1f4c29.txt", 1, 90))
    cell = report.tables["t2"].rows["fees"].cells["amount"]
    assert (cell.value, cell.raw) == (12872.06, "12872.06 万元")


@pytest.mark.parametrize(
    "rel,lineno",
    [
        ("seeds/003_10421f3e08d9eefa.txt", 116),  # "…共承办人大建议7件（其中主办6件，协办1件），政协提案13件…"
        ("real/sh-bgt-2025.md", 80),  # "（其中修订 16 件）" on a loose line
    ],
)
def test_counts_in_prose_stay_text(rel, lineno):
    line = normalize_lines(fixture_lines(rel, lineno, lineno).split("\n"))[0]
    assert "件" in line
    atoms = scan_segment(line, lineno, 1)
    assert not [a for a in atoms if a.kind == NUM and "件" in a.unit]
    assert all(a.kind == TEXT for a in atoms if "件" in a.raw)


def test_a_cell_with_more_than_a_count_word_is_not_a_count():
    """ "5件以上" or "约5件" in a cell is no count of the format: not read as 5."""
    for cell in ("5件以上", "约5件", "5件/年"):
        atoms = scan_segment(f"行政许可\t{cell}", 1, 1)
        assert not [a for a in atoms if a.kind == NUM], cell


def test_a_counting_word_in_pdf_text_is_read():
    """huaian-2024 (PDF text) with line 67 typed "行政许可 447228件": the count is read, the row is not
    missing; a short narrative line ending a sentence with "5件。" stays prose."""
    text = fixture_lines("real/huaian-2024.txt", 1, 76).replace("行政许可 447228", "行政许可 447228件")
    report = parse(text)
    assert values(report, "t2", "licensing") == [447228]
    assert report.tables["t2"].rows["licensing"].cells["decisions"].raw == "447228 件"
    assert ("row-missing", "t2", "licensing") not in kinds(report)
    assert [a.kind for a in scan_segment("申请 5件。", 1, 1)] == [TEXT]
