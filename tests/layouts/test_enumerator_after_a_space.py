"""A row's enumerator run into the digits before it, with a space before its label.

Crawler text and OCR run a table's rows together: "…需要另行制作00000003.补正后…" is seven zeros and
the enumerator "3." of the next row. OCR and some PDF text put a space after the mark ("00000003. 补正
后"); the last digit is still the enumerator, not an eighth digit of the row before (which made that
row unreadable).
"""

from __future__ import annotations

import pytest

from ogilint.parsing.tables.atoms import NUM, TEXT, scan_segment

from .common import fixture_lines, parse, values

# pingtan-2021 is one crawled line: the whole report, its tables run together.
WHOLE = fixture_lines("real/pingtan-2021.txt", 1, 12)


def test_the_fixture_still_has_its_glued_enumerators():
    assert "需要另行制作00000003.补正后" in WHOLE and "一稳定”00000004.保护" in WHOLE


def test_a_space_after_the_enumerator_reads_the_same_rows():
    spaced = WHOLE.replace("00000003.补正后", "00000003. 补正后").replace("00000004.保护", "00000004. 保护")
    glued, read = parse(WHOLE), parse(spaced)
    for row in ("unavailable.needs_creation", "denied.three_safeties", "unavailable.unclear", "denied.third_party"):
        assert values(read, "t3", row) == values(glued, "t3", row) == [0] * 7, row


def test_the_atoms_of_a_spaced_enumerator():
    atoms = [(a.kind, a.raw) for a in scan_segment("制作00000003. 补正后", 1, 1) if a.raw.strip()]
    assert atoms == [(TEXT, "制作"), (NUM, "0000000"), (TEXT, "3. 补正后")]


def test_a_mark_before_a_figure_or_a_dash_is_no_enumerator():
    for text in ("制作12. 34", "制作12. -"):
        assert (NUM, "12") in [(a.kind, a.raw) for a in scan_segment(text, 1, 1)], text


@pytest.mark.parametrize(
    "text,whole",
    [
        ("10. 其他", None),  # an enumerator standing alone: read whole, as "10. 其他"
        ("11、 其他", None),
        ("2021. 年", "2021"),  # a year, a count and its word, a phone number: no enumerator in them
        ("2021. 本年度", "2021"),
        ("合计 25. 件", "25"),
        ("共受理 128. 其中", "128"),
        ("件数128. 件", "128"),
        ("电话 0591-12345678. 地址", "12345678"),
        ("13800138000. 联系", "13800138000"),
        ("第128. 项", "128"),
    ],
)
def test_a_number_that_is_no_run_of_cells_keeps_its_last_digit(text, whole):
    atoms = [(a.kind, a.raw) for a in scan_segment(text, 1, 1) if a.raw.strip()]
    if whole is None:
        assert atoms == [(TEXT, text)]
    else:
        assert any(whole in raw for _, raw in atoms), atoms  # a number, or prose ("第128. 项")
        assert not any(kind == NUM and whole.startswith(raw) and raw != whole for kind, raw in atoms), atoms


def test_with_or_without_the_space_the_same_cut():
    for glued in ("制作00000003.补正后", "受理0000002.其他"):
        spaced = glued.replace(".", ". ")
        cut = [(a.kind, a.raw) for a in scan_segment(glued, 1, 1)][:2]
        assert [(a.kind, a.raw) for a in scan_segment(spaced, 1, 1)][:2] == cut, glued
