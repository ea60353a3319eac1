"""Copied reports: a report that repeats another report of the run, or that names a body or region
other than its own (``docs/report-format.md`` §8, what evaluators flag)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl


@hookimpl
def ogilint_rules():
    return []
