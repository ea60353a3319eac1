"""What the fees rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint import spec
from ogilint.model import NUMBER


def _fee_cell(report):
    if report.meta.template_version != spec.TEMPLATE_2021:
        return None  # the 2019 format's fee row counts items, not money
    t2 = report.tables.get("t2")
    cell = t2.cell("fees", "amount") if t2 is not None else None
    return cell if cell is not None and cell.kind == NUMBER else None
