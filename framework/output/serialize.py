"""The report model as plain JSON data, addressed by the spec's canonical keys."""

from __future__ import annotations

from ogilint.model import Cell, Problem, Report


def cell_json(cell: Cell, report: Report | None = None) -> dict:
    out = {
        "value": cell.value,
        "raw": cell.raw,
        "kind": cell.kind,
        "line": cell.line,
        "column": cell.column,
        "confidence": cell.confidence,
    }
    origin = report.where_json(cell.line, cell.column) if report is not None else None
    if origin:
        out["origin"] = origin  # the place in the original PDF/DOCX (framework/document.py)
    return out


def problem_json(p: Problem) -> dict:
    return {
        "kind": p.kind,
        "message": p.message,
        "line": p.line,
        "column": p.column,
        "table": p.table,
        "row": p.row,
        "col": p.col,
        "confidence": p.confidence,
        "detail": p.detail,
    }


def meta_json(report: Report) -> dict:
    m = report.meta
    period = None
    if m.period is not None:
        period = {
            "raw": m.period.raw,
            "start": m.period.start,
            "end": m.period.end,
            "line": m.period.line,
            "column": m.period.column,
        }
    return {
        "title": m.title,
        "body": m.body,
        "region": m.region,
        "year": m.year,
        "period": period,
        "published": m.published,
        "template_version": m.template_version,
        "template_detected": m.template_detected,
        "template_evidence": list(m.template_evidence),
        "source": m.source,
        "format": m.source_format,
        "encoding": m.encoding,
    }


def report_json(report: Report) -> dict:
    return {
        "meta": meta_json(report),
        "parts": [
            {
                "number": p.number,
                "name": p.name,
                "heading": p.heading,
                "line": p.line,
                "column": p.column,
                "end_line": p.end_line,
            }
            for p in report.parts
        ],
        "tables": {
            key: {
                row_key: {col: cell_json(c, report) for col, c in row.cells.items()}
                for row_key, row in table.rows.items()
            }
            for key, table in report.tables.items()
        },
        "problems": [problem_json(p) for p in report.problems],
    }
