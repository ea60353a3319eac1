"""Concise output, as ruff's: one line per finding (``path:line:column: CODE 严重级别 message``), one per
file that could not be checked, then the summary. For grep, editors and long runs."""

from __future__ import annotations

from collections.abc import Iterator

from ogilint.output.shown import SEVERITY_WORDS, not_checked, paint, visible
from ogilint.output.text import summary


def chunks(results, rules=(), colour: bool = False) -> Iterator[str]:
    """The output in pieces, one report at a time (the command line writes them as they come)."""
    for res in results:
        path = visible(res.path)
        if res.error:
            yield f"{path}: {not_checked(res)}\n"
            continue
        lines = []
        for f in res.findings:
            loc = f.location
            where = path + (f":{loc.line}" if loc.line else "") + (f":{loc.column}" if loc.line and loc.column else "")
            code = paint(visible(f.code), "code", colour)
            severity = paint(SEVERITY_WORDS.get(f.severity, f.severity), f.severity, colour)
            lines.append(f"{where}: {code} {severity} {visible(f.message)}\n")
        yield "".join(lines)
    yield summary(results) + "\n"


def render(results, rules=(), colour: bool = False) -> str:
    return "".join(chunks(results, rules, colour))
