"""Table 三: which columns the report's table has (read from its header and the width of its rows),
where its header stands, and the identities that settle its rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Optional

from ogilint import spec
from ogilint.parsing.tables.atoms import NUM
from ogilint.parsing.tables.rows import ObservedRow
from ogilint.spec.identities import may_hold_values, t3_identities, t3_row_identities

# Words of the header that name each column.
T3_COLUMN_WORDS = {
    "natural_person": ("自然人",),
    "commercial": ("商业",),
    "research": ("科研",),
    "social_welfare": ("公益",),
    "legal_service": ("法律服务", "服务机构"),
    "other_org": ("其他",),
    "total": ("总计", "合计"),
    "legal_entity_subtotal": ("小计",),
}


def t3_columns(header: str) -> tuple[str, ...] | None:
    """The columns a table 三 header names, or None when no header could be read."""
    text = re.sub(r"\s+", "", header).replace("法人或其他组织", "").replace("法人或者其他组织", "")
    text = _without_identity_notes(text)
    known = spec.T3_COLUMNS_WITH_SUBTOTAL if "小计" in text else spec.T3_COLUMNS
    found = tuple(c for c in known if any(w in text for w in T3_COLUMN_WORDS[c]))
    return found if len(found) >= 4 else None


def _without_identity_notes(text: str) -> str:
    """The header without its notes "勾稽关系为:第一项加第二项之和" (each from 勾稽关系 to the next 之和
    and a closing bracket): they name no column. Found with str.find, linear however long the text."""
    out, pos = [], 0
    while (start := text.find("勾稽关系", pos)) >= 0 and (end := text.find("之和", start + 4)) >= 0:
        end += 2 + (text.startswith(")", end + 2))
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def present_columns(header: str, rows: list[ObservedRow]) -> tuple:
    """Columns of table 三: a column counts as absent only when the header lacks it *and* the rows
    are one number short (a garbled header alone proves nothing)."""
    named = t3_columns(header)
    if named is None or named == spec.T3_COLUMNS:
        return spec.T3_COLUMNS
    widths = [len(r.values) for r in rows if not r.may_cut]
    if not widths:  # numbers apart by spaces (PDF text): each is a cell as written
        widths = [len(r.values) for r in rows if sum(1 for a in r.values if a.kind == NUM) > 1]
    if not widths:
        return spec.T3_COLUMNS
    modal = max(set(widths), key=lambda w: (widths.count(w), w))
    return named if modal == len(named) else spec.T3_COLUMNS


def header_place(segments, fallback: Optional[int]) -> tuple:
    """Where table 三's header names the legal-entity columns (the line a missing column is
    missing from); the table's first line when the header cannot be found."""
    for text, atoms in segments:
        if atoms and atoms[0].line and fallback and atoms[0].line > fallback:
            break
        m = re.search(r"商业|科研|社会公益|法律服务", text)
        if m and atoms:
            return atoms[0].line, None
    return fallback, None


row_identities = t3_row_identities  # the identities inside one row of table 三


def column_score(table: spec.TableSpec, present: tuple) -> Callable[[dict], int]:
    """How many of the identities down the columns (balance and handled total) may hold for a choice
    of readings ``{row key: {column: value}}``: the builder keeps the choices that score best."""
    identities = [i for i in t3_identities(table, present) if i.kind in ("balance", "handled")]
    row_keys = sorted({r for i in identities for r, _ in i.cells})
    empty: dict = {}

    def score(rows: dict) -> int:
        of = {r: rows.get(r, empty) for r in row_keys}
        return sum(
            1
            for i in identities
            if may_hold_values([of[r].get(c) for r, c in i.left], [of[r].get(c) for r, c in i.right])
        )

    return score
