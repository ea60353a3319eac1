"""Output formats of ``ogilint check``: text (for people), json (for tools), sarif (for CI UIs),
html (a page for reviewers)."""

from __future__ import annotations

from typing import Callable

from ogilint.output import html_format

from ogilint.output import json_format

from ogilint.output import text

FORMATS: dict[str, Callable] = {"text": text.render, "json": json_format.render, "html": html_format.render}

try:  # SARIF lives in its own module; keep the others usable if it is absent
    from ogilint.output import sarif

    FORMATS["sarif"] = sarif.render
except ImportError:  # pragma: no cover
    pass
