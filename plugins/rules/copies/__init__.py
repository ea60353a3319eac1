"""Copied reports: a report that repeats another report of the run, or that names a body or region
other than its own (``docs/report-format.md`` §8, what evaluators flag)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.copies.CPY001_copied_from_last_year import CopiedFromLastYear, option_problems
from ogilint.plugins.rules.copies.CPY002_names_another_body import NamesAnotherBody


@hookimpl
def ogilint_rules():
    return [CopiedFromLastYear, NamesAnotherBody]


@hookimpl
def ogilint_validate_options(code, options):
    if code == CopiedFromLastYear.code:
        return option_problems(options)
    return []
