"""Table 三: which columns the report's table has (read from its header and the width of its rows),
where its header stands, the identities that settle its rows, and the reading of a row whose
run-together digits no split makes add up (the one cell that explains it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Optional

import attrs

from ogilint import spec
from ogilint.model import Row
from ogilint.parsing.tables.atoms import NUM
from ogilint.parsing.tables.builder import TableBuilder, row_check, within_width
from ogilint.parsing.tables.rows import ObservedRow
from ogilint.parsing.tables.splitting import Reading, count_of, whole_splits
from ogilint.spec.identities import TOLERANCE, Identity, may_hold_values, t3_identities, t3_row_identities
from ogilint.spec.problems import ProblemKind as K

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


# --- a row that no split of its digits makes add up -------------------------------------------------

GUESS = 0.7  # how sure the cells of a row read by the one cell that explains it are (a unique cut: 0.9)
FIRST_PASS = 200  # readings of the open rows settled before the rows no split fits, at most
WAYS_WORK = 5_000  # splits × ways of reading the open rows judged for one row, at most
TABLE_WORK = 20_000  # splits × ways judged for the whole table, at most: past it, rows are left as read
IDENTITY_NAMES = {"row": "行总计", "subtotal": "法人小计", "balance": "列平衡", "handled": "办理总计"}


@attrs.frozen
class Culprit:
    """The one cell of a row whose change from ``value`` to ``expected`` makes every identity through
    the row hold: the row's own total and at least one identity down the cell's column miss, all by
    the change, and nothing else through the row misses."""

    col: str
    value: float
    expected: float
    kinds: tuple  # the kinds of the identities that miss through the cell (row, subtotal, balance, handled)


class _Through:
    """The identities of table 三 through one row, with the fixed rows' cells summed once. A judge for
    one way of reading the open rows then adds only the open rows' cells (a few per identity), not
    every other cell of the table again: the judgements of a row cost what the open rows change."""

    def __init__(self, identities: list[Identity], key: str, fixed: dict, open_rows: list):
        opened = {r: i for i, r in enumerate(open_rows)}
        # (identity, {column: +1 left / -1 right}, Σ of the fixed rows' cells or None,
        #  open rows' cells as (the row's place in ``open_rows``, column, sign))
        self.items = []
        for identity in identities:
            own: dict = {}
            rest: Optional[float] = 0.0
            open_cells = []
            for sign, cells in ((1, identity.left), (-1, identity.right)):
                for r, c in cells:
                    if r == key:
                        own[c] = sign
                    elif r in opened:
                        open_cells.append((opened[r], c, sign))
                    elif rest is not None:
                        v = fixed.get(r, {}).get(c)
                        rest = None if v is None else rest + sign * v
            if own:
                self.items.append((identity, own, rest, tuple(open_cells)))

    def judge(self, way: Optional[tuple]) -> _RowJudge:
        """The judge of the row with the open rows read one ``way`` ({column: value} per open row, in
        order), or unknown (None)."""
        through = []
        for identity, own, rest, open_cells in self.items:
            for i, c, sign in open_cells:
                if rest is None:
                    break
                v = None if way is None else way[i].get(c)
                rest = None if v is None else rest + sign * v
            through.append((identity, own, rest))
        return _RowJudge(through)

    def values(self, vec: dict) -> _Values:
        """A way of reading the row, with what it adds to each identity through the row — worked out
        once, whichever way the open rows are read."""
        sums = []
        for _, own, _, _ in self.items:
            total: Optional[float] = 0.0
            for c, sign in own.items():
                v = vec.get(c)
                if v is None:
                    total = None
                    break
                total += sign * v
            sums.append(total)
        return _Values(vec, tuple(sums))


@attrs.frozen
class _Values:
    """One way of reading a row, judged against every way of reading the other rows."""

    vec: dict  # {column: value or None}
    sums: tuple  # per identity through the row: Σ of the row's cells, signed, or None when one is unknown


_ALONG_THE_ROW = frozenset(("row", "subtotal"))  # the kinds of identity that run along a row of table 三
_DOWN_A_COLUMN = frozenset(("balance", "handled"))  # and those that run down its columns


class _RowJudge:
    """The identities of table 三 through one row, with every other row's cells known (None: unknown):
    each judgement of a way of reading the row costs one step per identity through it."""

    __slots__ = ("through",)

    def __init__(self, through: list):
        self.through = through  # (identity, {column: +1 left / -1 right}, Σ of the other rows' cells or None)

    def misses(self, values: _Values) -> list:
        """(identity, its signs, Σleft − Σright or None when a cell is unknown) per identity."""
        return [
            (identity, own, None if rest is None or own_sum is None else rest + own_sum)
            for (identity, own, rest), own_sum in zip(self.through, values.sums)
        ]

    def consistent(self, values: _Values) -> bool:
        for (_, _, rest), own_sum in zip(self.through, values.sums):
            if rest is not None and own_sum is not None and abs(rest + own_sum) > TOLERANCE:
                return False
        return True

    def culprits(self, values: _Values) -> list[Culprit]:
        """The cells of the row whose change alone makes every identity through the row hold, with a
        row identity and a column identity among those it makes hold (IDN010's evidence)."""
        failing, along, down = [], False, False  # one pass: most ways of reading fail here
        for (identity, own, rest), own_sum in zip(self.through, values.sums):
            if rest is not None and own_sum is not None and abs(rest + own_sum) > TOLERANCE:
                failing.append((identity, own, rest + own_sum))
                along = along or identity.kind in _ALONG_THE_ROW
                down = down or identity.kind in _DOWN_A_COLUMN
        if not (along and down):
            return []  # the row and a column must both point at the cell
        status = self.misses(values)
        out: list[Culprit] = []
        kinds = tuple(k for k in IDENTITY_NAMES if any(i.kind == k for i, _, _ in failing))
        for c, v in values.vec.items():
            if v is None or any(c not in own for _, own, _ in failing):
                continue
            if any(c in own and d is not None and abs(d) <= TOLERANCE for _, own, d in status):
                continue  # an identity through the cell holds: changing the cell would break it
            changes = [-d * own[c] for _, own, d in failing]
            if max(changes) - min(changes) > TOLERANCE or v + changes[0] < 0:
                continue
            out.append(Culprit(c, v, v + changes[0], kinds))
        return out


class Table3Builder(TableBuilder):
    """Table 三's builder. A row whose run-together digits no split makes add up (and no reading with a
    lost cell fits the columns either) is judged split by split against every identity through it:

    - the one split under which a single cell explains every miss — the row's total and an identity
      down that cell's column miss by the same amount — is read, with lowered confidence, and the
      problem says why (IDN010 then names the cell);
    - when the digits allow one split only, it is read as written (the identities report it);
    - otherwise no split is preferred over another: the row is unreadable, as reported.

    The splits judged are those of :func:`~ogilint.parsing.tables.splitting.whole_splits` (bounded as
    every reading of a row); a row whose splits ran past that bound is left as read, and so is every
    row once the table has spent TABLE_WORK judgements (each linear in the identities through a row).
    """

    def __init__(self, table: spec.TableSpec, present: tuple):
        super().__init__(table, present=present, row_identities=row_identities)
        self.identities = t3_identities(table, present)
        self.splits: dict[str, list[Reading]] = {}  # rows no split satisfies: every split of the digits
        self.guessed: dict[str, tuple[Culprit, int]] = {}  # rows read by the one cell that explains them
        self.unfit: set = set()  # rows none of whose splits fits or is explained by one cell
        self.work = TABLE_WORK  # judgements of a row's values left for the table

    def read_row(self, row: spec.RowSpec, obs: ObservedRow) -> tuple[list[Reading], bool]:
        rs, exhausted = super().read_row(row, obs)
        cols = self.width(row)
        ok = row_check(self.row_identities(row.key, row.columns), cols)
        if not any(not r.gaps and ok(tuple(count_of(p) for p in r.pieces)) for r in rs):
            if rs and all(r.cuts and not r.gaps for r in rs):  # the builder fell back on every split
                splits, over = rs, exhausted
            else:
                splits, over = whole_splits(within_width(obs.values, len(cols)), len(cols), obs.may_cut)
            if splits and not over:
                self.splits[row.key] = splits
        return rs, exhausted

    def _settle_by_columns(self, options: dict, column_check: Callable[[dict], int]) -> None:
        failed = [k for k in self.row_specs if k in self.splits and k in options]
        if not failed:
            super()._settle_by_columns(options, column_check)
            return
        # The other rows first, with the rows no split fits left unknown: their readings would mislead
        # the columns. Then those rows, split by split, with each way the still open rows may be read.
        # (That first pass is skipped when the open rows have many readings: it would be paid twice.)
        held = {k: options.pop(k) for k in failed}
        if sum(len(v) for v in options.values() if len(v) > 1) <= FIRST_PASS:
            super()._settle_by_columns(options, column_check)
        options.update(held)
        self._read_by_one_cell(options, failed)
        super()._settle_by_columns(options, column_check)

    def _read_by_one_cell(self, options: dict, failed: list) -> None:
        """Each row no split fits, in table order, judged with the rows not yet judged unknown (and the
        rows kept as read, each way they may be read). A row kept as read — a reading fits while rows
        after it were unknown — is judged once more when all have been judged."""
        pending = set(failed)
        kept = []
        for key in failed:
            pending.discard(key)
            if not self._judge_row(key, options, pending):
                kept.append(key)
        if len(kept) < len(failed):
            for key in kept:
                self._judge_row(key, options, pending)

    def _judge_row(self, key: str, options: dict, pending: set) -> bool:
        """Read row ``key`` by its splits (see the class); False when a reading as read fits."""
        splits = self.splits[key]
        open_rows = [k for k, v in options.items() if len(v) > 1 and k != key and k not in pending]
        self.work -= self._count_ways(options, open_rows, len(splits)) * (len(splits) + len(options[key]))
        if self.work < 0:
            return False  # the table's bound is spent: the row stays as read (its ways never built)
        fixed = {
            k: self._by_column(k, v[0]) for k, v in options.items() if len(v) == 1 and k != key and k not in pending
        }
        explained: dict = {}
        through = _Through(self.identities, key, fixed, open_rows)
        # the row's values and their sums through each identity, once, not once a way
        readings = [through.values(self._by_column(key, r)) for r in options[key]]
        split_values = [(r, through.values(self._by_column(key, r))) for r in splits]
        for way in self._ways(options, open_rows, len(splits)):
            judge = through.judge(way)
            if any(judge.consistent(vec) for vec in readings):
                return False  # a reading (a lost cell placed) fits every identity through the row: kept
            for r, vec in split_values:
                for found in judge.culprits(vec):
                    explained.setdefault((r.values(), found.col), (r, found))
        if len(explained) == 1:
            [(reading, culprit)] = explained.values()
            options[key] = [reading]
            if len(splits) > 1:
                self.guessed[key] = (culprit, len(splits))
        elif len(splits) == 1:
            options[key] = splits  # the one split the digits allow: read as written
        else:
            options[key] = []
            self.unfit.add(key)
        return True

    @staticmethod
    def _count_ways(options: dict, open_rows: list, splits: int) -> int:
        """How many ways :meth:`_ways` gives, known before any is built."""
        ways = 1
        for k in open_rows:
            ways *= len(options[k])
            if ways * splits > WAYS_WORK:
                return 1
        return ways

    def _ways(self, options: dict, open_rows: list, splits: int) -> Iterable[Optional[tuple]]:
        """The values of the open rows ({column: value} per row, in order), once for each way they may
        be read together — or once, unknown (None), when there are none or the ways times the splits
        to judge exceed WAYS_WORK."""
        if self._count_ways(options, open_rows, splits) == 1:
            return [None]
        return itertools.product(*([self._by_column(k, r) for r in options[k]] for k in open_rows))

    def make_row(
        self, rspec: spec.RowSpec, obs: ObservedRow, opts: list[Reading], exhausted: bool, score: float
    ) -> Row:
        row = super().make_row(rspec, obs, opts, exhausted, score)
        raw = " ".join(a.raw for a in obs.values)
        if rspec.key in self.unfit and not opts:
            for i in range(len(self.problems) - 1, -1, -1):
                p = self.problems[i]
                if p.kind == K.SPLIT_AMBIGUOUS and p.row == rspec.key:
                    self.problems[i] = attrs.evolve(
                        p,
                        message=f"{self._name()}「{rspec.label}」行连写的数字「{raw[:40]}」没有一种拆分符合勾稽关系,"
                        "也不能由其中一格之差解释,无法读成本行的单元格",
                        detail={**p.detail, "count": len(self.splits[rspec.key]), "fits": 0},
                    )
                    break
            return row
        guess = self.guessed.get(rspec.key)
        if guess is None or len(opts) != 1:
            return row
        culprit, count = guess
        self.split_rows[:] = [s for s in self.split_rows if s[0] != rspec.key]  # not "split uniquely"
        conf = round(GUESS * max(row.label_confidence, 0.3), 2)
        cells = {c: attrs.evolve(cell, confidence=min(cell.confidence, conf)) for c, cell in row.cells.items()}
        cell = cells[culprit.col]
        shown = " ".join(p.raw for p in opts[0].pieces)
        self._problem(
            K.SPLIT_AMBIGUOUS,
            f"{self._name()}「{rspec.label}」行连写的数字「{raw[:40]}」没有一种拆分符合勾稽关系(共{count}种拆分);"
            f"只有读作「{shown}」时,不符之处可由一格解释:「{spec.COLUMN_LABELS[culprit.col]}」列的 {culprit.value:g} "
            f"使{'、'.join(IDENTITY_NAMES[k] for k in culprit.kinds)}都相差 "
            f"{abs(culprit.expected - culprit.value):g}(应为 {culprit.expected:g})。已按此读入,这一格很可能有误,"
            "本行的拆分仍存疑",
            cell.line,
            rspec.key,
            column=cell.column,
            col=culprit.col,
            confidence=0.6,
            detail={
                "culprit": {
                    "col": culprit.col,
                    "value": culprit.value,
                    "expected": culprit.expected,
                    "identities": list(culprit.kinds),
                },
                "reading": [p.raw for p in opts[0].pieces],
                "count": count,
            },
        )
        return attrs.evolve(row, cells=cells)
