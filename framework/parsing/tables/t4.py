"""Table 四: one run of fifteen numbers (three groups of five), whatever lines it was spread over."""

from __future__ import annotations

import attrs

from ogilint import model, spec
from ogilint.model import Cell, Problem, Row, Table
from ogilint.parsing.tables.builder import TableBuilder, row_check
from ogilint.parsing.tables.rows import ObservedRow
from ogilint.parsing.tables.splitting import distinct, readings
from ogilint.spec.identities import Identity, t4_identities
from ogilint.spec.problems import ProblemKind as K

# The whole table read as one row of 15 cells, "<group>.<column>" (how extracted text presents it).
RUN = spec.RowSpec("t4", "表四数据行", tuple(f"{g}.{c}" for g in spec.T4_GROUPS for c in spec.T4_COLUMNS))
RUN_TABLE = spec.TableSpec("t4", spec.T4.title, (RUN,), RUN.columns)


class Table4Builder(TableBuilder):
    """Reads table 四's values as one run under the three groups' identities."""

    def __init__(self):
        super().__init__(RUN_TABLE, row_identities=lambda key, columns: t4_identities())

    def build(self, observed: list[ObservedRow], found: bool, truncated: bool) -> Table:
        # A header line ending in empty cells reads as a blank row; it counts only when the table has
        # no values at all (an unfilled table: its cells are blanks).
        filled = [o for o in observed if not o.blank]
        observed = _table_part(filled) if filled else observed
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
        ok = row_check([_in_run(i) for i in t4_identities()], RUN.columns)

        rs, exhausted = readings(list(values), len(RUN.columns), ok, run.may_cut)
        if not rs:
            rs, exhausted = readings(list(values), len(RUN.columns), lambda v: True, run.may_cut)
            fewest = min((r.gaps for r in rs), default=0)  # once, not once per reading
            rs = [r for r in rs if r.gaps == fewest]
        row = self.make_row(RUN, run, distinct(rs), exhausted, 1.0)
        rows = {
            g: Row(g, "", 1.0, row.line, {c: row.cells[f"{g}.{c}"] for c in spec.T4_COLUMNS}) for g in spec.T4_GROUPS
        }
        self.report_if_unfilled(rows, found)
        # The run is not a row of the report: its problems name the table only.
        self.problems[:] = [attrs.evolve(p, row=None) if p.row == RUN.key else p for p in self.problems]
        return Table("t4", spec.T4_COLUMNS, spec.T4_COLUMNS, rows, first.line, found)


def _table_part(observed: list[ObservedRow]) -> list[ObservedRow]:
    """The numbers that make up table 四. When all of them cannot be read as the fifteen cells but
    the first ones can, the rest follow the table (a hotline "12345", a date, the next part's prose
    in a one-line crawler text) and are not its cells: the shortest such start is kept."""
    ok = row_check([_in_run(i) for i in t4_identities()], RUN.columns)
    may_cut = all(o.may_cut for o in observed)
    values = [a for o in observed for a in o.values]

    def fits(vals) -> bool:
        rs, _ = readings(vals, len(RUN.columns), ok, may_cut)
        return any(not r.gaps and not r.dropped for r in rs)

    if fits(values):
        return observed
    for n in range(1, min(len(values), len(RUN.columns) + 1)):  # each value is one cell at least
        if fits(values[:n]):
            keep = set(map(id, values[:n]))
            kept = [attrs.evolve(o, values=tuple(a for a in o.values if id(a) in keep)) for o in observed]
            return [o for o in kept if o.values]
    return observed


def _in_run(identity: Identity) -> Identity:
    """The identity with its cells named as columns of the run ("review.upheld")."""
    return attrs.evolve(
        identity,
        left=tuple((RUN.key, f"{g}.{c}") for g, c in identity.left),
        right=tuple((RUN.key, f"{g}.{c}") for g, c in identity.right),
    )
