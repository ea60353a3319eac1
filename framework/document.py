"""What a reader hands to the grammar: lines of text, table rows as cells, and where each came from.

Every input format (plain text, PDF, DOCX, HTML) is turned into a :class:`Document`: one entry per
line the grammar will read. A table row keeps its cells — they are joined by TAB, the separator the
table reader already treats as a cell boundary, and no cell text contains a TAB or a line break — so
structure a format already has is never thrown away and guessed back. Each line keeps its
:class:`Origin` in the original file (page and line of a PDF, table/row of a DOCX), so a finding can
point at the place a user will look.
"""

from __future__ import annotations

import re
from typing import Optional

import attrs

_SEPARATORS = re.compile(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def clean_cell(text: str) -> str:
    """Cell or paragraph text made safe for one line: inner TABs and line breaks become spaces."""
    return _SEPARATORS.sub(" ", text).strip(" ")


@attrs.frozen
class Origin:
    """Where one line of the document stands in the original file (1-based numbers)."""

    page: Optional[int] = None  # PDF page
    page_line: Optional[int] = None  # line on that page, counted from its top
    paragraph: Optional[int] = None  # DOCX paragraph (body paragraphs, in document order)
    table: Optional[int] = None  # DOCX/HTML table, in document order
    row: Optional[int] = None  # row of that table
    cells: tuple = ()  # for a table row: the original cell (grid column) of each TAB-separated cell
    # Read by OCR (a scanned page): for each TAB-separated cell of the line, its box on the page
    # (left, top, right, bottom as fractions of the page's width and height) and the engine's
    # confidence (0–1, the least of its characters'). Empty for a line that was not OCR'd.
    boxes: tuple = ()
    confidences: tuple = ()

    def describe(self, cell: Optional[int] = None) -> str:
        """Chinese description of the place, e.g. "第3页第12行" or "表格2第5行第3格"; a cell read by
        OCR adds where its box begins on the scanned page ("第2页第13行，距页左41%、页顶22%处"), as a
        scan's lines are counted by the reader, not printed."""
        if self.page is not None:
            text = f"第{self.page}页" + (f"第{self.page_line}行" if self.page_line else "")
            read = self.ocr_cell(cell)
            if read is not None:
                left, top = read[0][0], read[0][1]
                text += f"，距页左{round(100 * left)}%、页顶{round(100 * top)}%处"
            return text
        if self.table is not None:
            text = f"表格{self.table}第{self.row}行"
            if cell is not None and self.cells and 0 <= cell < len(self.cells):
                text += f"第{self.cells[cell]}格"
            return text
        if self.paragraph is not None:
            return f"第{self.paragraph}段"
        return ""

    def as_json(self, cell: Optional[int] = None) -> dict:
        out = {
            k: v
            for k, v in (
                ("page", self.page),
                ("page_line", self.page_line),
                ("paragraph", self.paragraph),
                ("table", self.table),
                ("row", self.row),
            )
            if v is not None
        }
        if cell is not None and self.cells and 0 <= cell < len(self.cells):
            out["cell"] = self.cells[cell]
        read = self.ocr_cell(cell)
        if read is not None:
            out["box"], out["ocr_confidence"] = list(read[0]), read[1]
        return out

    def ocr_cell(self, cell: Optional[int]) -> Optional[tuple]:
        """(box, confidence) of a cell read by OCR — the line's only cell when ``cell`` is None —
        or None for a line that was not OCR'd."""
        if not self.boxes or len(self.boxes) != len(self.confidences):
            return None
        index = 0 if cell is None else cell
        if (cell is None and len(self.boxes) > 1) or not 0 <= index < len(self.boxes):
            return None
        return self.boxes[index], self.confidences[index]


@attrs.frozen
class Document:
    """The lines of one input, ready for the grammar, with their origins (None: no better place
    than the line of the text itself, as for plain text and HTML)."""

    lines: tuple  # str, no line breaks inside
    origins: tuple = ()  # Origin or None, parallel to lines (empty: plain text)
    format: str = "text"  # text, pdf, docx, html
    encoding: Optional[str] = None
    notes: tuple = ()  # (kind, Chinese message) the reader wants reported, e.g. a page without text

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def origin(self, line: Optional[int]) -> Optional[Origin]:
        if line is None or not self.origins or not 1 <= line <= len(self.origins):
            return None
        return self.origins[line - 1]


def cell_index(line_text: str, column: Optional[int]) -> Optional[int]:
    """Which TAB-separated cell of a line a 1-based column falls in (0-based)."""
    if column is None or "\t" not in line_text:
        return None
    return line_text.count("\t", 0, max(column - 1, 0))
