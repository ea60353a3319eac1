"""Machine output: one object per report, canonical keys for tables, rows and columns."""

from __future__ import annotations

import json

from ogilint.finding import Finding
from ogilint.output.serialize import meta_json


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
        return {"file": res.path, "error": res.error, "meta": None, "findings": []}
    return {
        "file": res.path,
        "meta": meta_json(res.report),
        "findings": [finding_json(f, res.report) for f in res.findings],
    }


def render(results, rules=()) -> str:
    return json.dumps([result_json(r) for r in results], ensure_ascii=False, indent=1) + "\n"
