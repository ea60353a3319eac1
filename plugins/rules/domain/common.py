"""What the domain rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint.rule import iter_cells


def count_cells(report):
    """(table, row, col, cell) of every count cell: all but the money cells (t2 fees/procurement
    amounts of the 2021/2019 formats)."""
    for table in ("t2", "t3", "t4"):
        for row, col, cell in iter_cells(report, table):
            if table == "t2" and col == "amount":
                continue
            yield table, row, col, cell
