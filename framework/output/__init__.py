"""Output formats of ``ogilint check``: text (for people), concise (one line a finding), github
(workflow annotations), csv and xlsx (for spreadsheets), json (for tools), sarif (for CI UIs), html
(a page for reviewers). Each is ``render(results, rules) -> str``: the run's CheckResults and the
rule classes of its registry (SARIF describes every rule); xlsx's gives bytes, which the command
line writes to a file or to a stdout that is not a terminal. The formats that can also give their
output in pieces (:func:`chunks_of`) are written as they go.

A format's module is imported when the format is used (the HTML page's template engine and the
spreadsheet writer cost a one-file run of the text format time for nothing)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Optional

_MODULES = {
    "text": "text",
    "concise": "concise",
    "github": "github",
    "csv": "csv_format",
    "xlsx": "xlsx_format",
    "json": "json_format",
    "jsonl": "jsonl_format",
    "sarif": "sarif",
    "html": "html_format",
}


class _Formats(Mapping):
    """format name -> its ``render``, each module imported on first use."""

    def __getitem__(self, name: str) -> Callable:
        module = _MODULES[name]
        return importlib.import_module(f"ogilint.output.{module}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Callable] = _Formats()


def chunks_of(name: str) -> Optional[Callable]:
    """The format's ``chunks(results, rules, ...)``, which gives its output in pieces, one report at a
    time, so that a run of any size is written without the whole output in memory; or None for a
    format that is made whole (a spreadsheet, the HTML page)."""
    module = importlib.import_module(f"ogilint.output.{_MODULES[name]}")
    return getattr(module, "chunks", None)
