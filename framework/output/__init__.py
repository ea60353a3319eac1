"""Output formats of ``ogilint check``: text (for people), concise (one line a finding), github
(workflow annotations), csv and xlsx (for spreadsheets), json (for tools), sarif (for CI UIs), html
(a page for reviewers). Each is ``render(results, rules) -> str``: the run's CheckResults and the
rule classes of its registry (SARIF describes every rule); xlsx's gives bytes, which the command
line writes to a file or to a stdout that is not a terminal."""

from __future__ import annotations

from collections.abc import Callable

from ogilint.output import concise, csv_format, github, html_format, json_format, sarif, text, xlsx_format

FORMATS: dict[str, Callable] = {
    "text": text.render,
    "concise": concise.render,
    "github": github.render,
    "csv": csv_format.render,
    "xlsx": xlsx_format.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "html": html_format.render,
}
