"""Dates and years: the statistics period, the title year, publication deadlines
(``docs/report-format.md`` §1; 《政府信息公开条例》第四十九条)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.dates.DAT001_period_malformed import PeriodMalformed
from ogilint.plugins.rules.dates.DAT002_period_wrong_year import PeriodWrongYear
from ogilint.plugins.rules.dates.DAT003_published_late import PublishedLate
from ogilint.plugins.rules.dates.DAT004_title_year_mismatch import TitleYearMismatch
from ogilint.plugins.rules.dates.DAT005_other_year_figures import OtherYearFigures
from ogilint.plugins.rules.dates.DAT006_publication_date_missing import PublicationDateMissing


@hookimpl
def ogilint_rules():
    return [
        PeriodMalformed,
        PeriodWrongYear,
        PublishedLate,
        TitleYearMismatch,
        OtherYearFigures,
        PublicationDateMissing,
    ]
