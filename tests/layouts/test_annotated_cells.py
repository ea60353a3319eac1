"""Issue 11, pattern 5 (cells): annotated cells ("22（其中修订16件）").

A cell that is a number and a note in brackets is the number; the note stays in the cell's raw text,
it is no second cell and no label of a new row. In running table text a note is taken only when it
opens with the words of a breakdown (其中, 含, 包括). sh-bgt-2025 prints its table 二 so (lines 79–81:
"22", "（其中修订 16 件）", "55", "（含自然失效 29 件）").
"""

from __future__ import annotations

from ogilint.parsing.tables.atoms import NUM, TEXT, scan_segment

from .common import fixture_lines, parse, values


def _part_two(table: str) -> str:
    """sh-bgt-2025's part 二 heading and item (一) (lines 77–78), ``table``, then items (五)–(八)
    (lines 83–92) as printed."""
    return fixture_lines("real/sh-bgt-2025.md", 77, 78) + table + fixture_lines("real/sh-bgt-2025.md", 83, 92)


MARKDOWN = (
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "|---|---|---|---|\n"
    "| 规章 | 22（其中修订 16 件） | 22 | 235 |\n"
    "| 行政规范性文件 | 34 | 55（含自然失效 29 件） | 189 |\n"
)


def test_annotated_cells_of_a_markdown_table():
    report = parse(_part_two(MARKDOWN))
    assert values(report, "t2", "regulations") == [22, 22, 235]
    assert values(report, "t2", "normative_docs") == [34, 55, 189]
    issued = report.tables["t2"].rows["regulations"].cells["issued"]
    assert issued.raw == "22 (其中修订 16 件)"  # the note kept, brackets normalised
    assert report.tables["t2"].rows["normative_docs"].cells["repealed"].raw == "55 (含自然失效 29 件)"


def test_annotated_cells_of_a_space_separated_table():
    """The same rows as PDF text gives them, the note after its number."""
    text = _part_two(
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
        "规章 22（其中修订 16 件） 22 235\n"
        "行政规范性文件 34 55（含自然失效 29 件） 189\n"
    )
    report = parse(text)
    assert values(report, "t2", "regulations") == [22, 22, 235]
    assert values(report, "t2", "normative_docs") == [34, 55, 189]


def test_a_note_is_one_atom_with_its_number():
    atoms = scan_segment("规章\t22(其中修订 16 件)\t22\t235", 79, 1)
    assert [(a.kind, a.raw, a.unit) for a in atoms] == [
        (TEXT, "规章", ""),
        (NUM, "22", "(其中修订 16 件)"),
        (NUM, "22", ""),
        (NUM, "235", ""),
    ]


def test_a_bracket_in_prose_is_no_note():
    """ "第二十条第(五)项" and "《条例》(国务院令第711号)": brackets after text or a number that opens no
    breakdown stay text (pingtan-2023 line 10 cites the order number so)."""
    atoms = scan_segment("《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)", 10, 1)
    assert [a.kind for a in atoms] == [TEXT]
    atoms = scan_segment("行政规范性文件 77 (一)予以公开", 1, 1)
    assert [(a.kind, a.unit) for a in atoms if a.kind == NUM] == [(NUM, "")]
