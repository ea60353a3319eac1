"""HTML output: one self-contained page a reviewer opens in a browser (no scripts, no network).

The same findings, in the same ranked order, as the text output: per report a heading with its
title and template version, then each finding with its code, severity, message, the place in the
original (PDF page and line, DOCX table/row/cell), the source line with the cell marked, expected
against actual, and the hint. Every text taken from a report is escaped: a report is untrusted
input, and a page that ran its text as markup would be a hole. Control and invisible format
characters (a bidi override reorders what the reviewer reads) and the bytes of a file name that is
not UTF-8 are shown as escapes, as in the text output (``output/text.visible``).
"""

from __future__ import annotations

import html

from ogilint.finding import Finding
from ogilint.output.shown import visible

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:72em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
.meta{color:#555;font-size:.9em}.finding{border-left:4px solid #999;padding:.4em .8em;margin:.8em 0;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef6c00}.finding.info{border-color:#1565c0}
.sev{font-weight:bold}.error .sev{color:#c62828}.warning .sev{color:#ef6c00}.info .sev{color:#1565c0}
.code{font-family:monospace;font-weight:bold}.where,.numbers,.hint{font-size:.9em;color:#444}
pre{background:#fff;border:1px solid #ddd;padding:.3em .5em;overflow-x:auto;white-space:pre}
mark{background:#ffe082}.unusable{color:#c62828}table.summary td{padding:0 1em 0 0}
"""


def _e(value) -> str:
    return html.escape(visible(value), quote=True)


def _value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _widen(text: str) -> str:
    return _e(text.replace("\t", "    "))


def _source(report, f: Finding) -> str:
    """The source line, the finding's cell marked (crawler lines cut to the neighbourhood)."""
    loc = f.location
    raw = report.source_line(loc.line) if report is not None and loc.line else ""
    if not raw:
        return ""
    column = loc.column if loc.column and 1 <= loc.column <= len(raw) else None
    if column is None:
        body = _widen(raw[:160]) + ("…" if len(raw) > 160 else "")
    else:
        start = max(0, column - 41)
        before, rest = raw[start : column - 1], raw[column - 1 : column + 79]
        width = (len(rest) - len(rest.lstrip("0123456789.万元/—-"))) or 1
        body = (
            ("…" if start else "")
            + _widen(before)
            + f"<mark>{_e(rest[:width])}</mark>"
            + _widen(rest[width:])
            + ("…" if column + 79 < len(raw) else "")
        )
    return f"<pre>{loc.line:>4} | {body}</pre>"


def _finding(path: str, report, f: Finding) -> str:
    loc = f.location
    where = f"{_e(path)}:{loc.line}" + (f":{loc.column}" if loc.column else "") if loc.line else _e(path)
    original = report.where(loc.line, loc.column) if report is not None else ""
    if original:
        where += f" ({_e(original)})"
    cell = ".".join(x for x in (loc.table, loc.row, loc.col) if x)
    parts = [
        f'<div class="finding {_e(f.severity)}" id="{_e(f.code)}-{loc.line or 0}-{loc.column or 0}">',
        f'<div><span class="code">{_e(f.code)}</span> <span class="sev">{_e(_SEVERITY.get(f.severity, f.severity))}</span> '
        f"{_e(f.message)}</div>",
        f'<div class="where">{where}'
        + (f" · <code>{_e(cell)}</code>" if cell else "")
        + f" · {_e(f.name)} · 置信度 {f.confidence:.2f} · 排序 {f.rank}</div>",
        _source(report, f),
    ]
    if f.expected is not None or f.actual is not None:
        parts.append(f'<div class="numbers">期望 {_e(_value(f.expected))},实际 {_e(_value(f.actual))}</div>')
    if f.hint:
        parts.append(f'<div class="hint">建议: {_e(f.hint)}</div>')
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def render(results, rules=()) -> str:
    total = {"error": 0, "warning": 0, "info": 0}
    sections = []
    for res in results:
        if res.error:
            sections.append(f'<h2>{_e(res.path)}</h2>\n<p class="unusable">无法检查: {_e(res.error)}</p>')
            continue
        m = res.report.meta
        for f in res.findings:
            total[f.severity] = total.get(f.severity, 0) + 1
        meta = " · ".join(
            _e(x)
            for x in (m.body, f"{m.year}年" if m.year else None, f"{m.template_version}年版格式", m.source_format)
            if x
        )
        body = "\n".join(_finding(res.path, res.report, f) for f in res.findings) or "<p>没有发现问题。</p>"
        sections.append(
            f"<h2>{_e(res.path)} — {_e(m.title or '(无标题)')}</h2>\n"
            f'<p class="meta">{meta} · {len(res.findings)} 项发现</p>\n{body}'
        )
    summary = (
        f'<table class="summary"><tr><td>报告</td><td>{len(results)}</td></tr>'
        f"<tr><td>错误</td><td>{total['error']}</td></tr><tr><td>警告</td><td>{total['warning']}</td></tr>"
        f"<tr><td>提示</td><td>{total['info']}</td></tr></table>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>ogilint 检查结果</title>"
        f"<style>{_STYLE}</style></head><body>\n<h1>ogilint 检查结果</h1>\n{summary}\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )
