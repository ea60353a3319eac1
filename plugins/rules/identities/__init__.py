"""Arithmetic identities of the tables (勾稽关系, ``docs/report-format.md`` §5).

Only identities whose cells are all numbers are checked: a missing or unreadable cell is an
extraction problem (the EXT family), not an arithmetic error of the report. When one cell explains
several failing identities — its row total and its column's identity miss by the same amount — the
cell is reported once as the likely culprit, with the identities as evidence.
"""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.identities.IDN001_column_balance import Balance
from ogilint.plugins.rules.identities.IDN002_handled_total import HandledTotal
from ogilint.plugins.rules.identities.IDN003_row_total import RowTotal
from ogilint.plugins.rules.identities.IDN004_review_totals import ReviewTotals
from ogilint.plugins.rules.identities.IDN005_carried_over_vs_last_year import CarriedOver
from ogilint.plugins.rules.identities.IDN006_in_force_vs_last_year import InForceVsLastYear
from ogilint.plugins.rules.identities.IDN007_legal_entity_subtotal import LegalEntitySubtotal
from ogilint.plugins.rules.identities.IDN008_departments_exceed_aggregate import DepartmentsExceedAggregate
from ogilint.plugins.rules.identities.IDN010_likely_culprit import LikelyCulprit
from ogilint.plugins.rules.identities.IDN011_rows_swapped import RowsSwapped


@hookimpl
def ogilint_rules():
    return [
        Balance,
        HandledTotal,
        RowTotal,
        LegalEntitySubtotal,
        ReviewTotals,
        LikelyCulprit,
        RowsSwapped,
        CarriedOver,
        InForceVsLastYear,
        DepartmentsExceedAggregate,
    ]
