"""The identities between cells (勾稽关系, docs/report-format.md §5), stated once.

Each identity says ``Σ left = Σ right`` over cells of one table; the left side holds the parts, the
right side the total(s), so a failure's expected value is ``Σ left`` and its actual value ``Σ right``.
The same list serves two purposes, with two policies for cells that hold no number:

- **reading** (:func:`may_hold_values`): the parser keeps the readings of run-together digits that the
  identities allow. A lost cell is a free non-negative number; the caller counts "/" and blank as
  0, because a row of "/" must still be readable.
- **judging** (:func:`fails`): the identity rules accuse a report only when every cell of the identity
  is a number (blank counts 0). A "/" is unknown there: the body said the cell does not apply, and a
  finding about it would be about the reader, not the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Optional

import attrs

from ogilint.spec.tables import T3_LEGAL_ENTITY, T3_PARTS, T3_SUBTOTAL, T4_COLUMNS, T4_GROUPS, handled_rows

TOLERANCE = 1e-9  # sums of whole counts and of fees with a few decimals compare within this

Cell = tuple  # (row key, column key)
Value = Callable[[str, str], Optional[float]]  # (row, col) -> number, or None when unknown


@attrs.frozen
class Identity:
    kind: str  # balance, handled, row, subtotal (table 三); t4 (table 四)
    table: str
    left: tuple  # cells whose sum …
    right: tuple  # … equals the sum of these
    row: Optional[str] = None  # the row it runs along (row, subtotal, t4)
    col: Optional[str] = None  # the column it runs down (balance, handled)

    @property
    def cells(self) -> tuple:
        return self.left + self.right


def t3_identities(table_spec, present_columns: tuple) -> list[Identity]:
    """Table 三's identities for the columns a report's table has, in a fixed order: per column the
    balance and the handled total, then per row the row total (when every applicant column is there)
    and the 法人 subtotal (when the report has that column)."""
    handled = handled_rows(table_spec)
    out = []
    for c in present_columns:
        out.append(
            Identity(
                "balance",
                "t3",
                (("new_received", c), ("carried_over", c)),
                (("total_handled", c), ("carried_forward", c)),
                col=c,
            )
        )
        out.append(Identity("handled", "t3", tuple((k, c) for k in handled), (("total_handled", c),), col=c))
    rows = [r.key for r in table_spec.rows]
    if "total" in present_columns and all(c in present_columns for c in T3_PARTS):
        out += [Identity("row", "t3", tuple((k, c) for c in T3_PARTS), ((k, "total"),), row=k) for k in rows]
    if T3_SUBTOTAL in present_columns:
        out += [
            Identity("subtotal", "t3", tuple((k, c) for c in T3_LEGAL_ENTITY), ((k, T3_SUBTOTAL),), row=k) for k in rows
        ]
    return out


def t3_row_identities(row: str, columns: tuple) -> list[Identity]:
    """The identities inside one row of table 三 whose columns are ``columns``."""
    out = [Identity("row", "t3", tuple((row, c) for c in T3_PARTS), ((row, "total"),), row=row)]
    if T3_SUBTOTAL in columns:
        out.append(Identity("subtotal", "t3", tuple((row, c) for c in T3_LEGAL_ENTITY), ((row, T3_SUBTOTAL),), row=row))
    return out


def t4_identities() -> list[Identity]:
    """Table 四: in each group, the four outcomes add up to the total."""
    return [
        Identity("t4", "t4", tuple((g, c) for c in T4_COLUMNS[:4]), ((g, T4_COLUMNS[4]),), row=g) for g in T4_GROUPS
    ]


def sums(identity: Identity, value: Value) -> tuple:
    """(Σ known left, Σ known right, any left unknown, any right unknown)."""
    left = [value(r, c) for r, c in identity.left]
    right = [value(r, c) for r, c in identity.right]
    return (sum(v for v in left if v is not None), sum(v for v in right if v is not None), None in left, None in right)


def may_hold_values(left: list, right: list) -> bool:
    """Reading policy: can an identity hold, given the values of its two sides (None: unknown)? An
    unknown cell cannot rule a reading out, except that a single total must be at least the sum of
    its known parts (counts are never negative). The parser's loops pass values they already hold."""
    if None in right:
        return True
    total = sum(right)
    if None in left:
        return len(right) > 1 or total >= sum(v for v in left if v is not None)
    return abs(sum(left) - total) < TOLERANCE


def fails(identity: Identity, value: Value) -> Optional[tuple]:
    """Judging policy: (expected, actual) when every cell is a number and the sums differ, else None."""
    left, right, left_open, right_open = sums(identity, value)
    if left_open or right_open or abs(left - right) <= TOLERANCE:
        return None
    return left, right


def failing(identities: list[Identity], value_of_table: Callable[[str], Value]) -> Iterator[tuple]:
    """(identity, expected, actual) for each identity that fails under the judging policy."""
    for identity in identities:
        result = fails(identity, value_of_table(identity.table))
        if result is not None:
            yield identity, result[0], result[1]
