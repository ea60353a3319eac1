"""Every kind of extraction problem the readers and the parser report (``Problem.kind``).

A problem is something that could not be read cleanly; it is not a finding. The EXT rules turn
problems into findings, and ``tests/rules/test_problem_kinds.py`` holds every kind listed here to a
rule that reports it. The values are stable: they appear in ``ogilint parse`` JSON.
"""

from __future__ import annotations

import enum


class ProblemKind(str, enum.Enum):
    # The text as a whole
    TRUNCATED = "truncated"  # the text breaks off before the report ends
    PAGE_NO_TEXT = "page-no-text"  # a PDF page without a text layer (a scan)
    PAGE_UNREADABLE = "page-unreadable"  # a damaged PDF page
    # Part headings
    HEADING_DAMAGED = "heading-damaged"  # a part heading mistyped, renumbered, prefixed or split
    # Tables
    TABLE_EMPTY = "table-empty"  # a table heading with no numbers under it
    TABLE_UNREADABLE = "table-unreadable"  # numbers are there but cannot be placed into the table
    FOREIGN_ITEM = "foreign-item"  # a table 二 item that belongs to the other template version
    COLUMN_MISSING = "column-missing"
    ROW_MISSING = "row-missing"
    ROW_EXTRA = "row-extra"  # a row that matches no row of the format
    CATEGORY_ROW = "category-row"  # a category printed as one row instead of its sub-rows
    # Row labels
    LABEL_MISSING = "label-missing"
    LABEL_DRIFT = "label-drift"  # reworded
    LABEL_DAMAGED = "label-damaged"  # OCR damage inside the label
    LABEL_UNCERTAIN = "label-uncertain"  # matches its row only in part
    # Cells
    CELL_MISSING = "cell-missing"
    CELL_EXTRA = "cell-extra"
    CELL_JOINED = "cell-joined"  # one number split over two cells, read as one by the identities
    CELL_UNREADABLE = "cell-unreadable"
    SPLIT_UNIQUE = "split-unique"  # run-together digits with one valid cut
    SPLIT_AMBIGUOUS = "split-ambiguous"  # run-together digits with several valid cuts, or none
    OCR_DOUBTFUL = "ocr-doubtful"  # a figure OCR read with low confidence, or ink it read nothing from

    __str__ = str.__str__
    __format__ = str.__format__
