"""DOCX reader (not yet written): answers None so other readers decide."""

from ogilint.hookspec import hookimpl


@hookimpl
def ogilint_read(path, head):
    return None
