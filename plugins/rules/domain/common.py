"""What the domain rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint import spec
from ogilint.rule import iter_cells


def count_cells(report):
    """(table, row, col, cell) of every count cell: all but the money cells (t2 fees/procurement
    amounts of the 2021/2019 formats)."""
    for table in ("t2", "t3", "t4"):
        for row, col, cell in iter_cells(report, table):
            if table == "t2" and col == "amount":
                continue
            yield table, row, col, cell


# The counting words a count cell may carry after its number ("447228件", "3 人"); the parser keeps
# the word in the cell's raw text after a space ("447228 件").
COUNT_WORDS = frozenset(spec.COUNT_WORDS)


def count_word(raw: str) -> str:
    """The counting word typed after the number of a cell's raw text, or ""."""
    parts = raw.split(" ", 2)
    return parts[1] if len(parts) > 1 and parts[1] in COUNT_WORDS else ""


def has_note(raw: str) -> bool:
    """Whether a bracketed note follows the number ("22 (其中修订16件)"): the report's own remark."""
    parts = raw.split(" ", 1)
    return len(parts) > 1 and parts[1][:1] in "(（"
