"""JSON Lines: one report per line, the object the json format gives it (``file``, ``meta``,
``findings``; ``error`` for a file not checked, ``skipped`` for a folder's file that is no report).

Each line is complete on its own, so the command line writes a report's line as soon as its
findings are final (:func:`line`), while the run goes on: a run of 150,000 reports need not be
held to be written, and a reader (``jq``, a database loader) starts before the run ends.
"""

from __future__ import annotations

from ogilint.output.json_format import json_text, result_json


def line(result) -> str:
    """One report's line, with its line break."""
    return json_text(result_json(result), indent=None) + "\n"


def render(results, rules=()) -> str:
    return "".join(line(r) for r in results)
