"""Table 四: one run of fifteen numbers (three groups of five), whatever lines it was spread over."""

from __future__ import annotations

import functools
from typing import Optional

import attrs

from ogilint import model, spec
from ogilint.model import Cell, Problem, Row, Table
from ogilint.parsing.tables.atoms import NUM
from ogilint.parsing.tables.builder import TableBuilder, row_check
from ogilint.parsing.tables.rows import ObservedRow
from ogilint.parsing.tables.splitting import count_of, distinct, readings, whole_splits
from ogilint.spec.identities import Identity, t4_identities
from ogilint.spec.problems import ProblemKind as K

# The whole table read as one row of 15 cells, "<group>.<column>" (how extracted text presents it).
RUN = spec.RowSpec("t4", "表四数据行", tuple(f"{g}.{c}" for g in spec.T4_GROUPS for c in spec.T4_COLUMNS))
RUN_TABLE = spec.TableSpec("t4", spec.T4.title, (RUN,), RUN.columns)
GUESS = 0.7  # how sure the cells of a run read by the one split with one group off are (a unique cut: 0.9)
GROUP_NAMES = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


class Table4Builder(TableBuilder):
    """Reads table 四's values as one run under the three groups' identities."""

    def __init__(self):
        super().__init__(RUN_TABLE, row_identities=lambda key, columns: t4_identities())

    def _loose_cell_back_in_its_group(self, observed: list[ObservedRow]) -> list[ObservedRow]:
        """Table 四 printed one group per row (markdown, Word), with one group's cell pulled out onto a
        line of its own by a converter: rows of 1 and 4 numbers side by side among rows of 5. The loose
        number goes back into that group at the one place where the group adds up; with no such place,
        or several, the rows stay as they are (and the identities will say the table does not add up)."""
        shapes = [len(o.values) for o in observed]
        cut = any(o.may_cut for o in observed if len(o.values) > 1)  # digits run together: not rows of cells
        if len(observed) < 3 or sum(shapes) != len(RUN.columns) or cut:
            return observed
        for i in range(len(observed) - 1):
            if sorted(shapes[i : i + 2]) != [1, 4] or any(n != 5 for j, n in enumerate(shapes) if j not in (i, i + 1)):
                continue
            loose, short = (observed[i], observed[i + 1]) if shapes[i] == 1 else (observed[i + 1], observed[i])
            if not all(a.kind == NUM and a.raw.isdigit() for a in loose.values + short.values):
                return observed
            places = []
            for at in range(5):
                group = short.values[:at] + loose.values + short.values[at:]
                nums = [int(a.raw) for a in group]
                if sum(nums[:4]) == nums[4]:
                    places.append(group)
            if len(places) != 1:
                return observed
            self.problems.append(
                Problem(
                    K.CELL_MISSING,
                    f"表四第{short.line}行这一组只有4个数,第{loose.line}行单独的「{loose.values[0].raw}」是被移出这一组的单元格,"
                    "按勾稽关系放回",
                    line=loose.line,
                    column=loose.column,
                    table="t4",
                    confidence=0.7,
                    detail={"placement": "identity", "moved": loose.values[0].raw},
                )
            )
            return observed[:i] + [attrs.evolve(short, values=places[0])] + observed[i + 2 :]
        return observed

    def build(self, observed: list[ObservedRow], found: bool, truncated: bool) -> Table:
        # A header line ending in empty cells reads as a blank row; it counts only when the table has
        # no values at all (an unfilled table: its cells are blanks).
        filled = [o for o in observed if not o.blank]
        observed, surplus = _table_part(filled) if filled else (observed, ())
        if surplus:
            self.problems.append(
                Problem(
                    K.CELL_EXTRA,
                    f"表四的十五个数之后同一行还有「{' '.join(a.raw for a in surplus)[:40]}」,不属于表四,已略去",
                    line=surplus[0].line,
                    column=surplus[0].column,
                    table="t4",
                    confidence=0.7,
                    detail={"dropped": [a.raw for a in surplus]},
                )
            )
        observed = self._loose_cell_back_in_its_group(observed)
        values = tuple(a for o in observed for a in o.values)
        if not values:  # found: the header of a table of cells with no data row (every cell blank)
            kind = model.BLANK if found else model.MISSING
            rows = {
                g: Row(g, "", 0.0, None, {c: Cell(None, "", kind, None, None, 0.0) for c in spec.T4_COLUMNS})
                for g in spec.T4_GROUPS
            }
            if found and not truncated:
                self.problems.append(Problem(K.TABLE_EMPTY, "表四只有表头,没有填写任何数字", table="t4"))
            return Table("t4", spec.T4_COLUMNS, spec.T4_COLUMNS, rows, None, found)
        first = observed[0]
        run = ObservedRow(
            label=RUN.label,
            label_line=None,
            values=values,
            line=first.line,
            column=first.column,
            may_cut=all(o.may_cut for o in observed),
        )
        # The identities name cells (group, column); the run names them "group.column".
        ok = _run_check()

        rs, exhausted = readings(list(values), len(RUN.columns), ok, run.may_cut, may_join=True)
        off = self._one_group_off(values, run) if not any(not r.gaps for r in rs) else None
        if off is not None:
            rs, exhausted = [off[0]], False
        if not rs:
            rs, exhausted = readings(list(values), len(RUN.columns), lambda v: True, run.may_cut)
            fewest = min((r.gaps for r in rs), default=0)  # once, not once per reading
            rs = [r for r in rs if r.gaps == fewest]
        row = self.make_row(RUN, run, distinct(rs), exhausted, 1.0)
        if off is not None and off[1] > 1:
            row = self._read_one_group_off(row, run, off)
        rows = {
            g: Row(g, "", 1.0, row.line, {c: row.cells[f"{g}.{c}"] for c in spec.T4_COLUMNS}) for g in spec.T4_GROUPS
        }
        self.report_if_unfilled(rows, found)
        # The run is not a row of the report: its problems name the table only.
        self.problems[:] = [attrs.evolve(p, row=None) if p.row == RUN.key else p for p in self.problems]
        return Table("t4", spec.T4_COLUMNS, spec.T4_COLUMNS, rows, first.line, found)

    def _one_group_off(self, values: tuple, run: ObservedRow) -> Optional[tuple]:
        """The run's digits ran together and no reading with every cell there fits: the one split of the
        digits under which two groups add up and one misses — (that split, how many splits there are, the
        group) — or None when no split or several do (a lost cell is then placed as before). One wrong
        figure is likelier than a lost cell and two cells read as one number."""
        splits, over = whole_splits(values, len(RUN.columns), run.may_cut)
        if over or not splits:
            return None
        found = []
        for r in splits:
            vec = tuple(count_of(p) for p in r.pieces)
            off = [g for g, check in zip(spec.T4_GROUPS, _group_checks()) if not check(vec)]
            if len(off) == 1:
                found.append((r, off[0]))
                if len(found) > 1:
                    return None
        return (found[0][0], len(splits), found[0][1]) if found else None

    def _read_one_group_off(self, row: Row, run: ObservedRow, off: tuple) -> Row:
        """The run read by the one split with one group off, among several: less sure, and said so."""
        reading, count, group = off
        self.split_rows[:] = [s for s in self.split_rows if s[0] != RUN.key]  # not "split uniquely"
        cells = {c: attrs.evolve(cell, confidence=min(cell.confidence, GUESS)) for c, cell in row.cells.items()}
        shown = " ".join(p.raw for p in reading.pieces)
        values = [cells[f"{group}.{c}"].value for c in spec.T4_COLUMNS]
        self.problems.append(
            Problem(
                K.SPLIT_AMBIGUOUS,
                f"表四连写的数字「{' '.join(a.raw for a in run.values)[:60]}」没有一种拆分使三组都符合勾稽关系"
                f"(共{count}种拆分);只有读作「{shown}」时只有「{GROUP_NAMES[group]}」一组不符"
                f"(四项之和 {sum(values[:4]):g},总计 {values[4]:g}),已按此读入,这一组很可能有误,拆分仍存疑",
                line=run.line,
                column=run.column,
                table="t4",
                row=group,
                confidence=0.6,
                detail={"reading": [p.raw for p in reading.pieces], "count": count, "group": group},
            )
        )
        return attrs.evolve(row, cells=cells)


def _table_part(observed: list[ObservedRow]) -> tuple[list[ObservedRow], tuple]:
    """The numbers that make up table 四, and the surplus numbers of its last row. When all the
    numbers cannot be read as the fifteen cells but the first rows can, the rows after them follow
    the table (a hotline "12345" or a date after text, the next part in a one-line crawler text)
    and are not its cells. Numbers on the table's own row past its fifteen cells are surplus: they
    are left out and reported, not silently."""
    ok = _run_check()

    def fits(rows: list[ObservedRow], vals: list) -> bool:  # fifteen cells, nothing lost/dropped/joined
        if len(vals) > len(RUN.columns):
            return False  # every reading would drop or join a value
        rs, _ = readings(vals, len(RUN.columns), ok, all(o.may_cut for o in rows), max_gaps=0)
        return any(
            not r.gaps and not r.dropped and not r.joined and ok(tuple(count_of(p) for p in r.pieces)) for r in rs
        )

    values = [a for o in observed for a in o.values]
    if fits(observed, values):
        return observed, ()
    for n in range(1, len(observed) + 1):
        rows = observed[:n]
        vals = [a for o in rows for a in o.values]
        if len(vals) > 3 * len(RUN.columns):
            break
        if n < len(observed) and fits(rows, vals):
            return rows, ()
        before = len(vals) - len(rows[-1].values)
        for m in range(max(1, before + 1), min(len(vals), len(RUN.columns) + 1)):
            if fits(rows, vals[:m]):  # the last row's first numbers complete the table
                last = attrs.evolve(rows[-1], values=tuple(vals[before:m]))
                return rows[:-1] + [last], tuple(vals[m:])
    return observed, ()


@functools.cache
def _group_checks() -> tuple:
    """One test of the run's fifteen values per group (in spec.T4_GROUPS order)."""
    return tuple(row_check([_in_run(i)], RUN.columns) for i in t4_identities())


@functools.cache
def _run_check():
    """The test of the fifteen values of the run against the three groups' identities (built once)."""
    return row_check([_in_run(i) for i in t4_identities()], RUN.columns)


def _in_run(identity: Identity) -> Identity:
    """The identity with its cells named as columns of the run ("review.upheld")."""
    return attrs.evolve(
        identity,
        left=tuple((RUN.key, f"{g}.{c}") for g, c in identity.left),
        right=tuple((RUN.key, f"{g}.{c}") for g, c in identity.right),
    )
