"""Group a table's atoms into observed rows: the label text before a run of values, and the values.

Works the same for every layout: a label may come on the lines before its numbers (labels split
over lines, one cell per line), on the same line, or glued to them in crawler text. A run of values
ends at the next text; one-value lines that follow each other (one cell per line) form one run.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ogilint.parsing.labels import clean
from ogilint.parsing.tables.atoms import BAD, EMPTY, NA, NUM, TEXT, Atom


@attrs.frozen
class ObservedRow:
    label: str
    label_line: int | None
    values: tuple  # value atoms (num, na, empty, bad)
    line: int  # line of the first value
    column: int
    may_cut: bool  # no tab separators: digits may be run together


def _is_value(a: Atom) -> bool:
    return a.kind in (NUM, NA, EMPTY, BAD)


def _mark_bad(atoms: list[Atom], tabbed: bool) -> list[Atom]:
    """In tab-separated rows, short text between numbers is a damaged number cell."""
    if not tabbed:
        return atoms
    out = list(atoms)
    for i, a in enumerate(out):
        if a.kind != TEXT or len(clean(a.raw)) > 3:
            continue
        before = any(x.kind in (NUM, NA) for x in out[:i])
        after = next((x for x in out[i + 1 :] if x.kind != EMPTY), None)
        if before and after is not None and after.kind in (NUM, NA):
            out[i] = attrs.evolve(a, kind=BAD)
    return out


def observe(segments: Iterable[tuple[str, list[Atom]]]) -> tuple[list[ObservedRow], str]:
    """Observed rows of a table region, and the text that came before the first row (the header).

    ``segments`` are (segment text, atoms) in reading order.
    """
    rows: list[ObservedRow] = []
    pending: list[Atom] = []
    header: list[str] = []
    seen_values = False
    prev_single = False  # previous segment was one value and nothing else

    for text, atoms in segments:
        tabbed = "\t" in text or text.count("|") >= 2
        atoms = _mark_bad(atoms, tabbed)
        kinds = [a.kind for a in atoms if a.kind != EMPTY]
        pure = bool(kinds) and all(k != TEXT for k in kinds)
        single = pure and len(kinds) == 1
        if single and prev_single and rows:
            last = rows[-1]
            rows[-1] = attrs.evolve(last, values=last.values + tuple(a for a in atoms if a.kind != EMPTY))
            continue
        run: list[Atom] = []
        for a in atoms:
            if a.kind == TEXT:
                if run:
                    rows.append(_row(pending, run, tabbed))
                    pending, run = [], []
                pending.append(a)
                if not seen_values:
                    header.append(a.raw)
            elif run or a.kind != EMPTY:
                run.append(a)
                seen_values = True
        if run:
            rows.append(_row(pending, run, tabbed))
            pending = []
        prev_single = single
    return rows, "".join(header)


def _row(pending: list[Atom], run: list[Atom], tabbed: bool) -> ObservedRow:
    while run and run[-1].kind == EMPTY:
        run.pop()
    # Pieces from different lines are kept apart by a newline (cleaned away for matching) so that a
    # line interleaved from a vertical category label can be recognised as layout, not OCR damage.
    label = ""
    for i, a in enumerate(pending):
        label += ("\n" if i and a.line != pending[i - 1].line else "") + a.raw
    first = run[0]
    return ObservedRow(
        label=label,
        label_line=pending[-1].line if pending else None,
        values=tuple(run),
        line=first.line,
        column=first.column,
        may_cut=not tabbed,
    )
