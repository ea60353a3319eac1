"""Domain of the numbers: counts are non-negative integers; blank, "/" and 0 are kept apart
(``docs/report-format.md`` §5)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.domain.DOM001_count_domain import CountDomain
from ogilint.plugins.rules.domain.DOM002_count_with_unit import CountWithUnit
from ogilint.plugins.rules.domain.DOM003_blank_or_not_applicable import BlankOrNotApplicable
from ogilint.plugins.rules.domain.DOM004_unit_in_count_cell import UnitInCountCell


@hookimpl
def ogilint_rules():
    return [CountDomain, CountWithUnit, BlankOrNotApplicable, UnitInCountCell]
