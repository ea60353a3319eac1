"""Machine output: one object per report, canonical keys for tables, rows and columns.

The output is always valid UTF-8 JSON. A file name that is not UTF-8 (bytes such as ``\\xff`` on
Linux, which Python holds as lone surrogates) is written as the command line shows it,
``\\xff``: a lone surrogate cannot be encoded, and strict parsers reject its ``\\udcff`` escape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ogilint.finding import Finding
from ogilint.output.serialize import meta_json

_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown_surrogate(m: re.Match) -> str:
    code = ord(m.group())
    # Inside a JSON string a backslash is written twice: the value holds a single "\\xff".
    return f"\\\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\\\u{code:04x}"


def json_text(data, indent: int | None = 1) -> str:
    """``data`` as indented JSON (non-ASCII text kept readable), lone surrogates shown as escapes.
    They can only stand inside strings, so the replacement keeps the JSON well formed. With
    ``indent=None``, one line (JSON Lines)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(_shown_surrogate, text) if _SURROGATE.search(text) else text


def finding_json(f: Finding, report=None) -> dict:
    loc = f.location
    origin = report.where_json(loc.line, loc.column) if report is not None else None
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "confidence": round(f.confidence, 3),
        "rank": f.rank,
        "message": f.message,
        "line": loc.line,
        "column": loc.column,
        "table": loc.table,
        "row": loc.row,
        "col": loc.col,
        "origin": origin,
        "expected": f.expected,
        "actual": f.actual,
        "hint": f.hint,
        "plugin": f.plugin,
        "related": [
            {"line": r.line, "column": r.column, "table": r.table, "row": r.row, "col": r.col} for r in f.related
        ],
    }


def result_json(res) -> dict:
    if res.error:
        out = {"file": res.path, "error": res.error, "meta": None, "findings": []}
        if res.skipped:  # a file of a folder that is not a report format
            out["skipped"] = True
        return out
    return {
        "file": res.path,
        "meta": meta_json(res.report),
        "findings": [finding_json(f, res.report) for f in res.findings],
    }


ITEMS = "\x00ogilint-items\x00"  # where a streamed list stands in its document, until it is written


def streamed(document, items) -> Iterator[str]:
    """``json_text(document)`` in pieces, where ``document`` holds the string :data:`ITEMS` in place of
    one list, whose ``items`` are written one at a time as they come: the same text, byte for byte,
    without the whole of it (or of the list) in memory."""
    text = json_text(document)
    marker = json.dumps(ITEMS)
    at = text.index(marker)
    line = text[text.rfind("\n", 0, at) + 1 : at]
    depth = len(line) - len(line.lstrip(" "))  # the indentation of the line the list stands on
    inner = "\n" + " " * (depth + 1)
    yield text[:at]
    first = True
    for item in items:
        yield ("[" if first else ",") + inner + json_text(item).replace("\n", inner)
        first = False
    yield ("[]" if first else "\n" + " " * depth + "]") + text[at + len(marker) :]


def chunks(results, rules=()) -> Iterator[str]:
    """The output in pieces, one report at a time (the command line writes them as they come)."""
    yield from streamed(ITEMS, (result_json(r) for r in results))
    yield "\n"


def render(results, rules=()) -> str:
    return "".join(chunks(results, rules))
