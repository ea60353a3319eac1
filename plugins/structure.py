"""Rule family under construction."""

from ogilint.hookspec import hookimpl


@hookimpl
def ogilint_rules():
    return []
