"""HTML output: one self-contained page for an evaluator with a folder of reports, opened offline in
a browser.

It opens with the overview (one row per report, worst first, files that could not be checked first
of all; files skipped as not being reports; how often each rule fired), each row a link to the
report's section. A section holds the report's meta, its tables 二/三/四 redrawn in the national
layout (output/redraw.py) with the cell each finding is about highlighted, its related cells marked
and the finding noted under the table, then the findings in rank order as the text output has them
(code, severity, message, place in the original, the source line with the cell marked, expected
against actual, hint). The sections of a folder start closed (a page of 500 open sections takes a
browser seconds to lay out); a click on a section's heading opens it without any script, and a small
script of our own opens the one a link leads to and filters the findings by severity and rule.

A report is untrusted input. The templates autoescape everything, and every value printed passes
``output/shown.visible`` (control and bidi characters, bytes of a non-UTF-8 file name shown as
escapes); the only markup not from the templates is our own script, allowed by its hash in the
page's Content-Security-Policy, which also forbids every load from outside the file.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from types import SimpleNamespace

import jinja2
from markupsafe import Markup

from ogilint import spec
from ogilint.output import overview
from ogilint.output.redraw import redraw
from ogilint.output.shown import SEVERITY_WORDS, visible

_FORMATS = {"text": "文本", "pdf": "PDF", "docx": "Word (DOCX)", "html": "网页", "image": "图片 (OCR 识别)"}
_NUMBERS = "0123456789.万元/—-"  # the characters of a cell, marked in the source line


def _shown(value):
    """Every value the templates print: our own markup as it is, everything else made visible (and
    then escaped by autoescape)."""
    if type(value) is str and value.isprintable():  # the most frequent case, first
        return value
    return value if isinstance(value, Markup) else visible(value)


@functools.lru_cache(maxsize=1)
def _environment() -> tuple[jinja2.Environment, Markup, Markup, str]:
    """The template environment, our style sheet, our script and its CSP hash (made once per process)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ogilint.output", "templates"),
        autoescape=True,
        finalize=_shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    style, _, _ = env.loader.get_source(env, "style.css.j2")
    script, _, _ = env.loader.get_source(env, "filters.js.j2")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env, Markup(style), Markup(script), f"'sha256-{digest}'"


def _value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _source(report, f) -> dict | None:
    """The source line cut round the finding's cell: {line, before, marked, after} (crawler lines
    cut to the neighbourhood of the column, tabs widened)."""
    loc = f.location
    raw = report.source_line(loc.line) if report is not None and loc.line else ""
    if not raw:
        return None
    column = loc.column if loc.column and 1 <= loc.column <= len(raw) else None
    if column is None:
        text = raw[:160].replace("\t", "    ") + ("…" if len(raw) > 160 else "")
        return {"line": loc.line, "before": text, "marked": "", "after": ""}
    start = max(0, column - 41)
    before, rest = raw[start : column - 1], raw[column - 1 : column + 79]
    width = (len(rest) - len(rest.lstrip(_NUMBERS))) or 1
    return {
        "line": loc.line,
        "before": ("…" if start else "") + before.replace("\t", "    "),
        "marked": rest[:width].replace("\t", "    "),
        "after": rest[width:].replace("\t", "    ") + ("…" if column + 79 < len(raw) else ""),
    }


def _finding(res, f, number: int, fid: str, target: str | None) -> dict:
    report, loc = res.report, f.location
    where = f"{res.path}:{loc.line}" + (f":{loc.column}" if loc.column else "") if loc.line else res.path
    original = report.where(loc.line, loc.column) if report is not None else ""
    version = spec.template_or_default(report.meta.template_version)
    place = ""
    if loc.table and loc.row and loc.col:
        place = spec.cell_label(version, loc.table, loc.row, loc.col)
    numbers = [f"{word} {_value(v)}" for word, v in (("期望", f.expected), ("实际", f.actual)) if v is not None]
    return {
        "id": fid,
        "number": number,
        "f": f,
        "word": SEVERITY_WORDS.get(f.severity, f.severity),
        "where": where,
        "original": original,
        "place": place,
        "table": spec.TABLE_NAMES.get(loc.table, "") if loc.table else "",
        "source": _source(report, f),
        "numbers": ",".join(numbers),
        "target": target,
    }


def _section(res, rid: str) -> dict:
    if res.error:
        return {"id": rid, "res": res, "unusable": True}
    m = res.report.meta
    grids, targets = redraw(res.report, res.findings, rid)
    findings = [_finding(res, f, i, f"{rid}-f{i}", targets.get(f"{rid}-f{i}")) for i, f in enumerate(res.findings, 1)]
    errors, warnings, infos = overview.counts(res)
    return {
        "id": rid,
        "res": res,
        "unusable": False,
        "meta": m,
        "source_format": _FORMATS.get(m.source_format, m.source_format),
        "counts": (errors, warnings, infos),
        "grids": grids,
        "findings": findings,
    }


def render(results, rules=()) -> str:
    env, style, script, digest = _environment()
    skipped = [r for r in results if getattr(r, "skipped", False)]
    shown = [r for r in results if not getattr(r, "skipped", False)]
    sections = [_section(r, f"r{i}") for i, r in enumerate(shown, 1)]
    # The overview's order, as overview.worst_first gives it, of each result's own section.
    entries = [SimpleNamespace(error=r.error, findings=r.findings, section=s) for r, s in zip(shown, sections)]
    rows = [e.section for e in overview.worst_first(entries)]
    total = {"error": 0, "warning": 0, "info": 0}
    for r in shown:
        for f in r.findings:
            total[f.severity] = total.get(f.severity, 0) + 1
    rule_rows = [
        {"code": code, "severity": sev, "word": SEVERITY_WORDS.get(sev, sev), "summary": summary, "count": n}
        for code, sev, summary, n in overview.rule_counts(shown, rules)
    ]
    return env.get_template("page.html.j2").render(
        csp=f"default-src 'none'; style-src 'unsafe-inline'; script-src {digest}; base-uri 'none'; form-action 'none'",
        style=style,
        script=script,
        total=total,
        reports=len(shown),
        rows=rows,
        sections=sections,
        single=len(sections) == 1,
        skipped=skipped,
        rules=rule_rows,
        words=SEVERITY_WORDS,
    )
