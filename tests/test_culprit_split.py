"""Table 三 rows whose digits ran together (crawler text of a web page) and that no split makes add up:
the split a single wrong cell explains is read, and that cell named (t3.Table3Builder, IDN010).

The failing tables are real ones (pingtan-2021/2023) with one digit changed; the cell a reader would
blame is the cell the changed digit stands in, found in the unedited parse by its line and column.
"""

from __future__ import annotations

import re

import pytest

from ogilint import parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.parsing.tables import t3
from ogilint.spec.problems import ProblemKind as K
from tests.bounded import ogilint_bounded
from tests.conftest import FIXTURES

PINGTAN_2021 = FIXTURES / "real" / "pingtan-2021.txt"
PINGTAN_2023 = FIXTURES / "real" / "pingtan-2023.txt"


def _text(path, *edits):
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


ENGINE = Engine(ProjectConfig(), Overrides(select=["IDN"]))


def _idn(report):
    return ENGINE.check_report(report).findings


def test_the_split_one_cell_explains_is_read_with_less_confidence():
    # 「（一）予以公开270020130」 (27 0 0 2 0 1 30) typed 280020130: 28 + 2 + 1 = 31 ≠ 30, and the 自然人
    # outcomes 64 ≠ (七)总计 63. Of the nine digits' splits only 28 0 0 2 0 1 30 is explained by one cell.
    report = parse_text(_text(PINGTAN_2021, ("（一）予以公开270020130", "（一）予以公开280020130")))
    row = report.tables["t3"].rows["granted"]
    assert [c.raw for c in row.cells.values()] == ["28", "0", "0", "2", "0", "1", "30"]
    assert all(0.5 <= c.confidence < 0.9 for c in row.cells.values())  # judged, but a guess
    [p] = [p for p in report.problems if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t3"]
    assert (p.row, p.col, p.detail["culprit"]["expected"]) == ("granted", "natural_person", 27)
    assert "只有读作「28 0 0 2 0 1 30」时" in p.message and p.confidence < 1
    unique = [p for p in report.problems if p.kind == K.SPLIT_UNIQUE and p.table == "t3"]
    assert unique[0].detail["rows"] and "granted" not in unique[0].detail["rows"]
    [f] = _idn(report)
    assert (f.code, f.location.row, f.location.col, f.expected, f.actual, f.confidence) == (
        "IDN010",
        "granted",
        "natural_person",
        27,
        28,
        0.6,
    )


def test_two_wrong_cells_in_one_row_leave_it_unread():
    # 28 … 40: the row misses by 9, the 自然人 and 总计 columns by 1 and 10: no one cell explains it, and
    # no split is preferred over another: the row is unreadable, nobody is accused.
    report = parse_text(_text(PINGTAN_2021, ("（一）予以公开270020130", "（一）予以公开280020140")))
    assert all(c.confidence == 0 for c in report.tables["t3"].rows["granted"].cells.values())
    [p] = [p for p in report.problems if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t3"]
    assert "没有一种拆分符合勾稽关系,也不能由其中一格之差解释" in p.message
    assert _idn(report) == []


def test_a_lost_cell_that_fits_the_columns_is_kept():
    # The unedited tables: every row has a split that adds up, nothing is judged cell by cell.
    for path in (PINGTAN_2021, PINGTAN_2023):
        report = parse_text(path.read_text(encoding="utf-8"))
        assert not [p for p in report.problems if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t3"]
        assert _idn(report) == []


def _cells_by_place(report):
    return [
        (r, c, cell)
        for r, row in report.tables["t3"].rows.items()
        for c, cell in row.cells.items()
        if cell.line is not None
    ]


@pytest.mark.parametrize("path", [PINGTAN_2021, PINGTAN_2023], ids=lambda p: p.stem)
def test_one_changed_digit_is_named_where_it_stands(path):
    """Every fourth digit of table 三's runs, raised by one: IDN010 names the cell it stands in and
    nothing else is reported; a digit that is the next row's enumerator ("…00000002.其他…") changes no
    cell and nothing is reported. (A digit that leaves a cell starting with 0 makes no number: never
    produced by +1 on a non-9.)"""
    text = path.read_text(encoding="utf-8")
    cells = _cells_by_place(parse_text(text))
    start = text.index("申请人情况")
    end = text.index("行政复议", start)
    places = [m.start() + i for m in re.finditer(r"\d{7,}", text[start:end]) for i in range(len(m.group()))]
    for n, offset in enumerate(places):
        pos = start + offset
        if n % 4 or text[pos] == "9":
            continue
        line = text.count("\n", 0, pos) + 1
        column = pos - text.rfind("\n", 0, pos)
        edited = [
            (r, c) for r, c, cell in cells if cell.line == line and cell.column <= column < cell.column + len(cell.raw)
        ]
        findings = _idn(parse_text(text[:pos] + str(int(text[pos]) + 1) + text[pos + 1 :]))
        got = [(f.code, f.location.row, f.location.col) for f in findings]
        assert got == [("IDN010", *edited[0])] if edited else got == [], (text[pos - 12 : pos + 12], got)


def test_the_ways_of_the_open_rows_are_bounded():
    builder = t3.Table3Builder(*_t3_spec())
    options = {f"r{i}": [object()] * 4 for i in range(8)}  # 4**8 ways of reading eight open rows
    builder._by_column = lambda key, reading: {}
    assert list(builder._ways(options, list(options), splits=2)) == [None]  # once, unknown
    few = {"a": [object()] * 2, "b": [object()] * 3}
    assert len(list(builder._ways(few, ["a", "b"], splits=10))) == 6


def _t3_spec():
    from ogilint import spec

    table = spec.tables_for(spec.TEMPLATE_2021)["t3"]
    return table, spec.T3_COLUMNS


def test_every_row_a_long_run_that_adds_up_nowhere_is_read_in_bounded_time(tmp_path):
    """Each of table 三's 25 rows a run of 13 digits no split makes add up: the judging stays within the
    bounds of the splitting (LIMIT, WORK, WAYS_WORK), under a time and memory limit."""
    text = PINGTAN_2021.read_text(encoding="utf-8")
    start = text.index("申请人情况")
    end = text.index("行政复议", start)
    digits = iter("1234567891357924680" * 40)
    body = re.sub(r"\d{7,}", lambda m: "".join(next(digits) for _ in range(13)), text[start:end])
    path = tmp_path / "long-runs.txt"
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")
    ogilint_bounded("parse", str(path), seconds=60)


# --- table 四: one run of fifteen numbers -------------------------------------------------------------

PINGTAN_2025 = FIXTURES / "real" / "pingtan-2025.txt"


def _t4(report):
    return [[c.raw for c in row.cells.values()] for row in report.tables["t4"].rows.values()]


def test_table_four_with_one_group_off_is_read_as_written():
    # pingtan-2023: 「110024001510102」, fifteen digits for fifteen cells (1 1 0 0 2 | 4 0 0 1 5 | 1 0 1 0 2).
    # 行政复议's total typed 3: the digits still split one way only; 1 + 1 = 2 ≠ 3 is the body's miss,
    # not a lost cell with two digits read as one number.
    report = parse_text(_text(PINGTAN_2023, ("尚未审结总计110024001510102", "尚未审结总计110034001510102")))
    assert _t4(report)[0] == ["1", "1", "0", "0", "3"]
    assert [(f.code, f.location.row, f.expected, f.actual) for f in _idn(report)] == [("IDN004", "review", 2, 3)]


def test_table_four_the_one_split_with_one_group_off_is_chosen_and_said():
    # pingtan-2025: 「25380363300630003」 (25 3 8 0 36 | 3 3 0 0 6 | 3 0 0 0 3), 未经复议直接起诉's total typed 7.
    # No split of the seventeen digits adds up in all three groups, and only
    # 25 3 8 0 36 | 3 3 0 0 7 | 3 0 0 0 3 adds up in two: read so, with less confidence, and said.
    report = parse_text(_text(PINGTAN_2025, ("尚未审结总计25380363300630003", "尚未审结总计25380363300730003")))
    assert _t4(report) == [["25", "3", "8", "0", "36"], ["3", "3", "0", "0", "7"], ["3", "0", "0", "0", "3"]]
    assert all(c.confidence == 0.7 for row in report.tables["t4"].rows.values() for c in row.cells.values())
    [p] = [p for p in report.problems if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t4"]
    assert p.row == "litigation_direct" and "只有「未经复议直接起诉」一组不符(四项之和 6,总计 7)" in p.message
    assert [(f.code, f.location.row) for f in _idn(report)] == [("IDN004", "litigation_direct")]


def test_table_four_several_splits_with_one_group_off_stay_open():
    # pingtan-2021: 「10203120001200000」 (1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0), 结果纠正 of 未经复议直接起诉 typed 1:
    # 12 1 0 0 12 and 1 21 0 0 12 both leave the other groups adding up: no split is preferred.
    report = parse_text(_text(PINGTAN_2021, ("尚未审结总计10203120001200000", "尚未审结总计10203121001200000")))
    assert _idn(report) == []
    assert [p for p in report.problems if p.kind == K.SPLIT_AMBIGUOUS and p.table == "t4"]


@pytest.mark.parametrize("path", [PINGTAN_2021, PINGTAN_2025], ids=lambda p: p.stem)
def test_table_four_with_a_lost_zero_is_not_accused(path):
    """Each 0 of table 四's run dropped in turn (a blank cell the crawler lost): the lost cell is placed
    as before and no group is accused."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"尚未审结总计(\d+)五、", text)
    run, start = m.group(1), m.start(1)
    for i in (i for i, d in enumerate(run) if d == "0"):
        report = parse_text(text[:start] + run[:i] + run[i + 1 :] + text[start + len(run) :])
        assert [f for f in _idn(report) if f.code == "IDN004"] == [], run[:i] + "|" + run[i + 1 :]
