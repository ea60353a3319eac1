"""A figure read with low confidence is never a silent fact: the parser lowers the cell's confidence
below what the identity rules use and reports it (EXT013). No OCR engine needed: the document is the
seed text with the confidences an OCR reader would have given its cells."""

from __future__ import annotations

import pytest

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.document import Document, Origin, cell_index
from ogilint.parsing.pipeline import parse_document
from ogilint.text import split_lines
from tests.conftest import SEEDS

SEED = SEEDS / "004_7cf50946b776564f.txt"


def _scanned(text: str, doubtful: dict) -> Document:
    """The text as an OCR reader would hand it: every cell with a box and confidence 0.99, except
    ``doubtful`` {(line number, cell index): confidence}."""
    lines = split_lines(text)
    origins = []
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        boxes = tuple((0.1 * k, 0.5, 0.1 * k + 0.05, 0.52) for k in range(len(cells)))
        confidences = tuple(doubtful.get((number, k), 0.99) for k in range(len(cells)))
        origins.append(Origin(page=1, page_line=number, boxes=boxes, confidences=confidences))
    return Document(tuple(lines), tuple(origins), format="image")


def _place(column: str) -> tuple[int, int]:
    """(line, TAB-separated cell index) of a cell of row 一、本年新收 in the seed as parsed."""
    report = parse_file(SEED)
    cell = report.tables["t3"].rows["new_received"].cells[column]
    return cell.line, cell_index(report.lines[cell.line - 1], cell.column)


def _altered(text: str, line: int, index: int, value: str) -> str:
    lines = text.split("\n")
    cells = lines[line - 1].split("\t")
    cells[index] = value
    lines[line - 1] = "\t".join(cells)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def text():
    return SEED.read_text(encoding="utf-8")


def test_confident_cells_keep_their_figures(text):
    report = parse_document(_scanned(text, {}))
    plain = parse_file(SEED)
    assert not [p for p in report.problems if p.kind == "ocr-doubtful"]
    for key in ("t2", "t3", "t4"):
        for row_key, row in plain.tables[key].rows.items():
            for col, cell in row.cells.items():
                read = report.tables[key].rows[row_key].cells[col]
                assert (read.kind, read.value) == (cell.kind, cell.value)
                assert read.confidence == (min(cell.confidence, 0.99) if read.line else cell.confidence)


def test_doubtful_digit_is_low_confidence_and_reported(text):
    """The seed's 自然人 cell of 一、本年新收 is "0"; altered to "8" and read with confidence 0.55, it
    would break the row total: it must be reported as doubtful, not as a broken identity."""
    line, index = _place("natural_person")
    altered = _altered(text, line, index, "8")
    report = parse_document(_scanned(altered, {(line, index): 0.55}))
    cell = report.tables["t3"].rows["new_received"].cells["natural_person"]
    assert cell.value == 8 and cell.confidence < 0.5  # kept as read, never repaired
    [problem] = [p for p in report.problems if p.kind == "ocr-doubtful"]
    assert (problem.table, problem.row, problem.col, problem.line) == ("t3", "new_received", "natural_person", line)
    assert "「8」" in problem.message and "0.55" in problem.message
    findings = Engine(ProjectConfig(), Overrides()).check_report(report, "scan.png").findings
    codes = [f.code for f in findings]
    assert "EXT013" in codes
    accusing = [f for f in findings if f.code.startswith("IDN") and f.location.row == "new_received"]
    assert not accusing, [f.message for f in accusing]
    # The same altered figure read with confidence: the identity rules do accuse.
    confident = parse_document(_scanned(altered, {}))
    codes = [f.code for f in Engine(ProjectConfig(), Overrides()).check_report(confident, "scan.png").findings]
    assert any(c.startswith("IDN") for c in codes) and "EXT013" not in codes


def test_ink_read_as_nothing_is_reported(text):
    """A ruled cell with ink the engine read nothing from has confidence 0 (page.py): the blank it
    leaves is not a silent 0."""
    line, index = _place("commercial")
    report = parse_document(_scanned(_altered(text, line, index, ""), {(line, index): 0.0}))
    [problem] = [p for p in report.problems if p.kind == "ocr-doubtful"]
    assert problem.col == "commercial" and "未识别出文字" in problem.message
    assert report.tables["t3"].rows["new_received"].cells["commercial"].confidence < 0.5


def test_origin_json_carries_the_box(text):
    line, index = _place("natural_person")
    report = parse_document(_scanned(text, {(line, index): 0.97}))
    place = report.origins[line - 1].as_json(index)
    assert place["page"] == 1 and place["box"] == [0.1 * index, 0.5, 0.1 * index + 0.05, 0.52]
    assert place["ocr_confidence"] == 0.97
    assert "box" not in Origin(page=1, page_line=3).as_json(0)  # a text PDF's line: as before


def test_place_in_words_says_where_on_the_scanned_page(text):
    """A scan's lines are the reader's count, not printed: the words add where the cell's box begins."""
    line, index = _place("natural_person")
    report = parse_document(_scanned(text, {}))
    column = len("\t".join(report.lines[line - 1].split("\t")[:index])) + 2  # 1-based, inside the cell
    left = round(100 * 0.1 * index)
    assert report.where(line, column) == f"第1页第{line}行，距页左{left}%、页顶50%处"
    assert Origin(page=1, page_line=3).describe(0) == "第1页第3行"  # a text PDF's line: as before


def test_identities_settle_a_doubtful_figure_and_say_so(text):
    """The seed's "0" in 一、本年新收 自然人 read with confidence 0.55: its row total and its column
    balance both hold with it, so it is taken (settled), and one problem says so."""
    line, index = _place("natural_person")
    report = parse_document(_scanned(text, {(line, index): 0.55}))
    cell = report.tables["t3"].rows["new_received"].cells["natural_person"]
    assert cell.value == 0 and cell.confidence >= 0.5
    [problem] = [p for p in report.problems if p.kind == "ocr-doubtful"]
    assert problem.row is None and problem.detail["settled"] == ["new_received.natural_person"]
    assert "勾稽关系都成立" in problem.message and "0.55" in problem.message


def test_table_two_has_no_identities_to_settle(text):
    report = parse_file(SEED)
    cell = report.tables["t2"].rows["regulations"].cells["issued"]
    index = cell_index(report.lines[cell.line - 1], cell.column)
    read = parse_document(_scanned(text, {(cell.line, index): 0.6}))
    [problem] = [p for p in read.problems if p.kind == "ocr-doubtful"]
    assert (problem.table, problem.row, problem.col) == ("t2", "regulations", "issued")
    assert read.tables["t2"].rows["regulations"].cells["issued"].confidence < 0.5
