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
        values = tuple(a for o in observed for a in o.values)
        if not values:
            rows = {
                g: Row(g, "", 0.0, None, {c: Cell(None, "", model.MISSING, None, None, 0.0) for c in spec.T4_COLUMNS})
                for g in spec.T4_GROUPS
            }
            if found and not truncated:
                self.problems.append(Problem(K.TABLE_EMPTY, "表四没有数字", table="t4"))
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
        # The run is not a row of the report: its problems name the table only.
        self.problems[:] = [attrs.evolve(p, row=None) if p.row == RUN.key else p for p in self.problems]
        return Table("t4", spec.T4_COLUMNS, spec.T4_COLUMNS, rows, first.line, found)


def _in_run(identity: Identity) -> Identity:
    """The identity with its cells named as columns of the run ("review.upheld")."""
    return attrs.evolve(
        identity,
        left=tuple((RUN.key, f"{g}.{c}") for g, c in identity.left),
        right=tuple((RUN.key, f"{g}.{c}") for g, c in identity.right),
    )
