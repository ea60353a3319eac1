"""Turn the value atoms of one row into exactly the row's cells, using the table's identities.

A row may arrive with the right number of cells; with digits run together ("640020470" for seven
cells); with a cell lost; or with a cell too many. This module lists every reading of the atoms
that fits the row's width — cutting run-together digits (never into a number with a leading zero),
placing lost cells, dropping surplus ones — and keeps those the row's identity accepts. It never
invents a value: a lost cell stays missing, and a run that can be cut in several valid ways is
reported as such, not guessed.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from ogilint.parsing.tables.atoms import EMPTY, NA, NUM, Atom

LIMIT = 500  # readings enumerated per row before we give up and call the row unreadable
MAX_DIGITS_PER_CELL = 9  # a run longer than this many digits per cell is not cut at all
WORK = 200_000  # search steps per row (cuts tried, placements tried): the bound on work, found or not


class _OutOfWork(Exception):
    """The search for a row's readings spent its budget: the row is reported as having too many."""


class _Budget:
    def __init__(self, steps: int = WORK):
        self.left = steps

    def spend(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            raise _OutOfWork


MISSING = None  # a lost cell in a reading


@attrs.frozen
class Piece:
    """One cell's worth of text from an atom (a whole atom, or a cut of a run of digits)."""

    kind: str  # num, na, empty
    raw: str
    value: object  # int/float for num, None otherwise
    line: int
    column: int
    unit: str = ""
    ambiguous: bool = False  # stands for a run that could be cut several ways


@attrs.frozen
class Reading:
    pieces: tuple  # Piece or MISSING, one per column
    gaps: int  # lost cells placed
    cuts: bool  # run-together digits were cut
    dropped: tuple = ()  # surplus atoms dropped
    joined: tuple = ()  # two neighbouring atoms read as one number ("2 | 0" as 20)

    def values(self) -> tuple:
        return tuple(None if p is MISSING else (p.kind, p.value) for p in self.pieces)


def count_of(p) -> Optional[float]:
    """The piece's value for identity checks (blank and "/" count as 0, lost cells are free)."""
    if p is MISSING:
        return None
    if p.kind == NUM:
        return p.value
    if p.kind in (NA, EMPTY):
        return 0
    return None  # text where a number should be: unknown


def identity_holds(total, parts: Sequence) -> bool:
    """total = Σparts, where None is a free unknown non-negative number."""
    known = sum(v for v in parts if v is not None)
    free = any(v is None for v in parts)
    if total is None:
        return True
    if free:
        return total >= known
    return abs(total - known) < 1e-9


def _number(raw: str):
    return float(raw) if "." in raw else int(raw)


def _whole(atom: Atom) -> Piece:
    if atom.kind == NUM:
        return Piece(NUM, atom.raw, _number(atom.raw), atom.line, atom.column, atom.unit)
    return Piece(atom.kind, atom.raw, None, atom.line, atom.column)


@functools.lru_cache(maxsize=1024)  # within a report: its atoms are cut again and again
def _cuts(atom: Atom, pieces: int) -> tuple[tuple[Piece, ...], ...]:
    """Every way to cut an atom's digits into ``pieces`` numbers with no leading zero (at most LIMIT
    of them, among the first LIMIT * 5 cut positions tried: bounded work, cached per atom)."""
    if pieces == 1:
        if atom.kind == NUM and len(atom.raw) > 1 and atom.raw[0] == "0" and "." not in atom.raw:
            return ()
        return ((_whole(atom),),)
    if atom.kind != NUM:
        return ()
    sign = "-" if atom.raw[:1] == "-" else ""  # a negative number's sign stays with its first cell
    digits, _, fraction = atom.raw[len(sign) :].partition(".")
    fraction = "." + fraction if fraction else ""
    if len(digits) < pieces or len(digits) > pieces * MAX_DIGITS_PER_CELL:
        return ()
    out = []
    for step, bounds in enumerate(itertools.combinations(range(1, len(digits)), pieces - 1)):
        if step > LIMIT * 5:
            break
        parts = [digits[i:j] for i, j in zip((0,) + bounds, bounds + (len(digits),))]
        if any(len(p) > 1 and p[0] == "0" for p in parts):
            continue
        parts[0] = sign + parts[0]
        starts = (0,) + tuple(b + len(sign) for b in bounds)
        made = [Piece(NUM, p, int(p), atom.line, atom.column + i) for i, p in zip(starts, parts)]
        if fraction or atom.unit:  # the decimals and a typed unit belong to the last cell
            last = made[-1]
            raw = last.raw + fraction
            made[-1] = Piece(NUM, raw, float(raw) if fraction else int(raw), last.line, last.column, atom.unit)
        out.append(tuple(made))
        if len(out) > LIMIT:
            break
    return tuple(out)


def readings(
    atoms: Sequence[Atom],
    width: int,
    row_ok: Callable[[tuple], bool],
    may_cut: bool,
    may_join: bool = False,
    max_gaps: Optional[int] = None,
) -> tuple[list[Reading], bool]:
    """Readings of ``atoms`` as ``width`` cells accepted by ``row_ok``; fewest lost cells first.
    ``may_join``: with one value too many, two neighbouring numbers may also be one number split over
    two cells (only where identities judge the row: without them any join would "fit").
    ``max_gaps``: readings with at most this many lost cells (a caller that wants none says 0, and
    the search for readings with lost cells is not made).

    Returns (readings, exhausted) where exhausted means the enumeration hit LIMIT.
    """
    k = len(atoms)
    digits = sum(len(a.raw) for a in atoms)
    if digits > width * MAX_DIGITS_PER_CELL:
        may_cut = False  # not a row of this table's numbers: read the atoms as they stand
    if k == 0:
        return [Reading((MISSING,) * width, width, False)], False
    if k == width and all(not _leading_zero(a) for a in atoms):
        return [Reading(tuple(_whole(a) for a in atoms), 0, False)], False
    if k > width:
        found, exhausted = _drop(atoms, width, row_ok)
        if may_join and len(atoms) == width + 1:
            joins = _joins(atoms, row_ok)
            if joins:  # a join restores the identities: it and the drops that do are the readings
                found = joins + [r for r in found if row_ok(tuple(count_of(p) for p in r.pieces))]
        return found, exhausted
    found: list[Reading] = []
    budget = _Budget()
    steps = 0
    # Numbers written apart (white space between them) with none that could not stand as written
    # (a leading zero): a row short of cells has lost cells; its numbers are not also cut apart.
    spaced = sum(a.kind == NUM for a in atoms) > 1 and not any(_leading_zero(a) for a in atoms)
    prefix_ok = getattr(row_ok, "prefix", None)  # builder.RowCheck: prune readings by their first cells
    try:
        for gaps in range(0, (width - k + 1 if k <= width else 1) if max_gaps is None else max_gaps + 1):
            pieces_needed = width - gaps
            cuttable = may_cut or any(_leading_zero(a) for a in atoms)
            # Without lost cells the pieces are the cells in order: a prefix already decides.
            for cut in _cut_runs(atoms, pieces_needed, cuttable, budget, prefix_ok if gaps == 0 else None):
                cut_flag = len(cut) > k
                if gaps and cut_flag and spaced:
                    continue  # a lost cell *and* digits cut apart in numbers written apart: two guesses
                for gap_positions in itertools.combinations(range(width), gaps):
                    steps += 1
                    budget.spend()
                    if steps > LIMIT * 5:
                        return found, True
                    vec = _place(cut, gap_positions, width)
                    if row_ok(tuple(count_of(p) for p in vec)):
                        found.append(Reading(vec, gaps, cut_flag))
                    if len(found) > LIMIT:
                        return found, True
            if found:
                break
    except _OutOfWork:
        return found, True
    return found, False


def whole_splits(atoms: Sequence[Atom], width: int, may_cut: bool) -> tuple[list[Reading], bool]:
    """Every cutting of the atoms' digits into exactly ``width`` cells, none lost and none dropped,
    whatever the identities say: the readings among which a row that no reading satisfies is judged
    cell by cell (t3.py). Only rows whose digits are cut; the bounds of :func:`readings` hold."""
    cuttable = may_cut or any(_leading_zero(a) for a in atoms)
    if len(atoms) >= width or not cuttable or sum(_piece_range(a)[1] for a in atoms) < width:
        return [], False  # nothing to cut, or too few digits for the cells
    rs, exhausted = readings(atoms, width, lambda v: True, may_cut)
    return distinct([r for r in rs if r.cuts and not r.gaps]), exhausted


def _leading_zero(a: Atom) -> bool:
    return a.kind == NUM and len(a.raw) > 1 and a.raw[0] == "0" and "." not in a.raw


def _place(cut: tuple, gap_positions: tuple, width: int) -> tuple:
    it = iter(cut)
    gaps = set(gap_positions)
    return tuple(MISSING if i in gaps else next(it) for i in range(width))


def _piece_range(atom: Atom) -> tuple[int, int]:
    """How few and how many cells an atom can be cut into (digit limits per cell respected)."""
    if atom.kind != NUM:
        return 1, 1
    digits = len(atom.raw.lstrip("-").partition(".")[0])
    return -(-digits // MAX_DIGITS_PER_CELL), digits


def _cut_runs(atoms: Sequence[Atom], pieces: int, may_cut: bool, budget: _Budget, prefix_ok=None):
    """Every cutting of the atoms into exactly ``pieces`` pieces. Cuts of one atom that leave the
    atoms after it too few or too many cells are not tried; every step spends ``budget``. With
    ``prefix_ok(values, start)`` (the pieces are the row's cells in order), a cutting whose first
    pieces already break an identity is not continued."""
    if not may_cut:
        if len(atoms) == pieces:
            yield tuple(_whole(a) for a in atoms)
        return
    ranges = [_piece_range(a) for a in atoms]
    # after[i]: (fewest, most) cells the atoms after atom i can give
    after = [(0, 0)] * len(atoms)
    for i in range(len(atoms) - 2, -1, -1):
        lo, hi = ranges[i + 1]
        after[i] = (after[i + 1][0] + lo, after[i + 1][1] + hi)

    def rec(i: int, left: int, before: tuple, values: tuple):
        budget.spend()
        if i == len(atoms):
            if left == 0:
                yield before
            return
        remaining_atoms = len(atoms) - i - 1
        max_here = left - remaining_atoms
        for n in range(1, max_here + 1):
            if not after[i][0] <= left - n <= after[i][1]:
                continue  # the rest could not give the cells still needed
            for head in _cuts(atoms[i], n):
                budget.spend()
                now = values + tuple(count_of(p) for p in head) if prefix_ok is not None else values
                if prefix_ok is not None and not prefix_ok(now, len(values)):
                    continue  # every reading that starts this way breaks an identity
                yield from rec(i + 1, left - n, before + head, now)

    count = 0
    for c in rec(0, pieces, (), ()):
        yield c
        count += 1
        if count > LIMIT:
            return


def _drop(atoms: Sequence[Atom], width: int, row_ok) -> tuple[list[Reading], bool]:
    found = []
    surplus = len(atoms) - width
    if surplus > 3:  # far too many values for one row: not worth guessing which are surplus
        kept = tuple(_whole(a) for a in atoms[:width])
        return [Reading(kept, 0, False, tuple(atoms[width:]))], True
    combos = itertools.combinations(range(len(atoms)), surplus)
    for n, drop in enumerate(combos):
        if n > LIMIT:
            return found, True
        kept = tuple(_whole(a) for i, a in enumerate(atoms) if i not in drop)
        if row_ok(tuple(count_of(p) for p in kept)):
            found.append(Reading(kept, 0, False, tuple(atoms[i] for i in drop)))
    if not found:
        # No reading satisfies the identity: keep the leading cells, drop the tail.
        kept = tuple(_whole(a) for a in atoms[:width])
        found.append(Reading(kept, 0, False, tuple(atoms[width:])))
    return found, False


def _joins(atoms: Sequence[Atom], row_ok) -> list[Reading]:
    """Readings that take two neighbouring plain numbers on one line as one ("2 | 0" → 20)."""
    out = []
    for i in range(len(atoms) - 1):
        a, b = atoms[i], atoms[i + 1]
        if not (a.kind == b.kind == NUM and a.line == b.line and a.raw.isdigit() and b.raw.isdigit()):
            continue
        if a.unit or b.unit or a.raw.startswith("0"):  # "0 | 0" is two cells: no number starts with 0
            continue
        one = Atom(NUM, a.raw + b.raw, a.line, a.column)
        pieces = tuple(_whole(x) for x in (*atoms[:i], one, *atoms[i + 2 :]))
        if row_ok(tuple(count_of(p) for p in pieces)):
            out.append(Reading(pieces, 0, False, joined=(a, b)))
    return out


def distinct(rs: list[Reading]) -> list[Reading]:
    """One reading per distinct sequence of values (the first found keeps its positions)."""
    seen, out = set(), []
    for r in rs:
        v = r.values()
        if v not in seen:
            seen.add(v)
            out.append(r)
    return out
