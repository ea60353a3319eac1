"""Group a table's atoms into observed rows: the label text before a run of values, and the values.

Works the same for every layout: a label may come on the lines before its numbers (labels split
over lines, one cell per line), on the same line, or glued to them in crawler text. A run of values
ends at the next text; one-value lines that follow each other (one cell per line) form one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from ogilint.parsing.labels import clean, has_label
from ogilint.parsing.tables.atoms import BAD, EMPTY, NA, NUM, TEXT, Atom


@attrs.frozen
class ObservedRow:
    label: str
    label_line: int | None
    values: tuple  # value atoms (num, na, empty, bad)
    line: int  # line of the first value
    column: int
    may_cut: bool  # no tab separators: digits may be run together
    blank: bool = False  # a labelled row of empty cells only (an unfilled row of a Word/HTML table)
    one_line: bool = False  # one row's share of a whole table printed on one line (builder)


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


def observe(segments: Iterable[tuple[str, list[Atom]]], cells: bool = False) -> tuple[list[ObservedRow], str]:
    """Observed rows of a table region, and the text that came before the first row (the header).

    ``segments`` are (segment text, atoms) in reading order. ``cells``: the text comes from a table
    of cells (a Word or web page table), where an empty cell is a position even at the end of a row
    and a row of empty cells is a row; in extracted text trailing TABs are only padding. A markdown
    row ("| 0 | |") is a row of cells either way.
    """
    rows: list[ObservedRow] = []
    pending: list[Atom] = []
    header: list[str] = []
    seen_values = False
    prev_single = False  # previous segment was one value and nothing else

    for text, atoms in segments:
        piped = text.count("|") >= 2
        tabbed = "\t" in text or piped
        if piped and text.rstrip().endswith("|") and atoms and atoms[-1].kind == EMPTY:
            atoms = atoms[:-1]  # the closing "|" of a markdown row ends the row; it is no cell
        positional = cells or piped
        if not piped and any(a.kind == TEXT and _STRAY.fullmatch(a.raw) for a in atoms):
            # A separator left alone ("0 |", or "|" on its own line, one cell per line): no cell, no
            # label; a line of nothing else does not break a run of one-cell lines.
            atoms = [a for a in atoms if not (a.kind == TEXT and _STRAY.fullmatch(a.raw))]
            if not atoms:
                continue
        atoms = _mark_bad(atoms, tabbed)
        kinds = [a.kind for a in atoms if a.kind != EMPTY]
        if positional and _blank_row(atoms):
            # A label and empty cells only: a row whose cells are positions with nothing in them. It
            # is a row of its own, so its label is not glued to the next row's label.
            texts = [a for a in atoms if a.kind == TEXT]
            empties = tuple(a for a in atoms if a.kind == EMPTY and a.column > texts[-1].column)
            rows.append(attrs.evolve(_row(pending + texts, list(empties), tabbed, positional), blank=True))
            if not seen_values:
                header.extend(a.raw for a in texts)
            pending, prev_single = [], False
            continue
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
                    rows.append(_row(pending, run, tabbed, positional))
                    pending, run = [], []
                pending.append(a)
                if not seen_values:
                    header.append(a.raw)
            elif run or a.kind != EMPTY:
                run.append(a)
                seen_values = True
        if run:
            rows.append(_row(pending, run, tabbed, positional))
            pending = []
        prev_single = single
    return _labels_over_their_numbers(rows), "".join(header)


_STRAY = re.compile(r"[|¦｜ ]+")


def _labels_over_their_numbers(rows: list[ObservedRow]) -> list[ObservedRow]:
    """A row of empty cells right before a row of numbers without a label is one row whose label
    cell spans two rows of the table (the numbers stand in the second): the label goes to the numbers."""
    out: list[ObservedRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev.blank and not row.blank and not has_label(row.label):
            out[-1] = attrs.evolve(row, label=prev.label, label_line=prev.label_line)
            continue
        out.append(row)
    return out


def _blank_row(atoms: list[Atom]) -> bool:
    """Label text, then at least one empty cell, and nothing else (no number, no mark)."""
    seen_text = seen_empty = False
    for a in atoms:
        if a.kind == TEXT:
            if seen_empty:
                return False
            seen_text = True
        elif a.kind == EMPTY:
            seen_empty = seen_empty or seen_text
        else:
            return False
    return seen_text and seen_empty


def _row(pending: list[Atom], run: list[Atom], tabbed: bool, positional: bool) -> ObservedRow:
    if not positional:
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
