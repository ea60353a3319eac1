"""What the identities rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, Location
from ogilint.rule import Rule


COLUMN_NAMES = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
                "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
                "total": "总计", "legal_entity_subtotal": "法人小计"}


def _num(cell):
    return cell.as_count() if cell is not None else None


def _loc(cell, table, row, col):
    return Location(cell.line, cell.column, table, row, col)


def failures(report) -> list[dict]:
    """Every failing identity of tables 三 and 四: its kind, cells, expected and actual value."""
    out = []
    t3 = report.tables.get("t3")
    if t3 is not None and t3.found:
        table_spec = spec.tables_for(report.meta.template_version)["t3"]
        handled = spec.handled_rows(table_spec)
        for c in t3.present_columns:
            cells = {k: t3.rows[k].cells.get(c) for k in t3.rows}
            vals = {k: _num(v) for k, v in cells.items()}
            a, b, t, f = (vals.get(k) for k in ("new_received", "carried_over", "total_handled", "carried_forward"))
            if None not in (a, b, t, f) and abs((a + b) - (t + f)) > 1e-9:
                out.append({"kind": "balance", "col": c, "expected": a + b, "actual": t + f,
                            "cells": [("new_received", c), ("carried_over", c), ("total_handled", c),
                                      ("carried_forward", c)]})
            parts = [vals.get(k) for k in handled]
            if t is not None and None not in parts and abs(sum(parts) - t) > 1e-9:
                out.append({"kind": "handled", "col": c, "expected": sum(parts), "actual": t,
                            "cells": [(k, c) for k in handled] + [("total_handled", c)]})
        if "total" in t3.present_columns:
            parts_cols = [c for c in spec.T3_PARTS if c in t3.present_columns]
            for key, row in t3.rows.items():
                total = _num(row.cells.get("total"))
                parts = [_num(row.cells.get(c)) for c in parts_cols]
                if total is None or None in parts or len(parts_cols) < len(spec.T3_PARTS):
                    continue
                if abs(sum(parts) - total) > 1e-9:
                    out.append({"kind": "row", "row": key, "expected": sum(parts), "actual": total,
                                "cells": [(key, c) for c in parts_cols] + [(key, "total")]})
        if spec.T3_SUBTOTAL in t3.present_columns:
            for key, row in t3.rows.items():
                sub = _num(row.cells.get(spec.T3_SUBTOTAL))
                parts = [_num(row.cells.get(c)) for c in spec.T3_LEGAL_ENTITY]
                if sub is not None and None not in parts and abs(sum(parts) - sub) > 1e-9:
                    out.append({"kind": "subtotal", "row": key, "expected": sum(parts), "actual": sub,
                                "cells": [(key, c) for c in spec.T3_LEGAL_ENTITY] + [(key, spec.T3_SUBTOTAL)]})
    t4 = report.tables.get("t4")
    if t4 is not None and t4.found:
        for g in spec.T4_GROUPS:
            row = t4.rows[g].cells
            vals = [_num(row[c]) for c in spec.T4_COLUMNS]
            if None not in vals and abs(sum(vals[:4]) - vals[4]) > 1e-9:
                out.append({"kind": "t4", "row": g, "expected": sum(vals[:4]), "actual": vals[4],
                            "cells": [(g, c) for c in spec.T4_COLUMNS]})
    return out


def culprits(report, fails: list[dict]) -> dict:
    """{(row, col): [failures]} for cells shared by a failing row total and a failing column identity
    that miss by the same amount."""
    rows = [f for f in fails if f["kind"] in ("row", "subtotal")]
    cols = [f for f in fails if f["kind"] in ("balance", "handled")]
    found: dict = {}
    for r in rows:
        diff = abs(r["expected"] - r["actual"])
        for c in cols:
            if abs(abs(c["expected"] - c["actual"]) - diff) > 1e-9:
                continue
            cell = (r["row"], c["col"])
            if cell in c["cells"]:
                found.setdefault(cell, [r]).append(c)
    return found


class _Identity(Rule):
    groups = ("identities",)
    severity = ERROR
    kind = ""

    def check(self, report, ctx):
        fails = failures(report)
        explained = {id(f) for fs in culprits(report, fails).values() for f in fs}
        for f in fails:
            if f["kind"] == self.kind and id(f) not in explained:
                yield self.make(report, f)

    def make(self, report, f):  # pragma: no cover - overridden
        raise NotImplementedError

    @staticmethod
    def related(report, table, cells):
        t = report.tables[table]
        return [_loc(t.rows[r].cells[c], table, r, c) for r, c in cells if t.rows[r].cells.get(c) is not None]


def last_year(report, run_reports):
    """The report of the same body for the previous year, among the reports of the run."""
    m = report.meta
    if not m.body or not m.year:
        return None
    for other in run_reports:
        if other.meta.body == m.body and other.meta.year == m.year - 1:
            return other
    return None
