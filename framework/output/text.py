"""Human output: findings grouped per report, ranked, each with the source line and a caret."""

from __future__ import annotations

import unicodedata

from ogilint.finding import Finding

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _caret(source: str, column: int | None) -> str:
    if not column:
        return ""
    prefix = source[: column - 1].replace("\t", "    ")
    return " " * _display_width(prefix) + "^"


def _value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def render_finding(path: str, report, f: Finding) -> list[str]:
    loc = f.location
    where = path + (f":{loc.line}" if loc.line else "") + (f":{loc.column}" if loc.line and loc.column else "")
    original = report.where(loc.line, loc.column) if report is not None else ""
    if original:
        where += f" ({original})"
    cell = ""
    if loc.table:
        cell = " [" + ".".join(x for x in (loc.table, loc.row, loc.col) if x) + "]"
    out = [
        f"{where}: {f.code} {_SEV.get(f.severity, f.severity)} {f.message}{cell}"
        f"  ({f.name}, 置信度 {f.confidence:.2f}, 排序 {f.rank})"
    ]
    if report is not None and loc.line:
        source = report.source_line(loc.line)
        shown = source.replace("\t", "    ")
        if len(shown) > 120:  # long crawler lines: show the neighbourhood of the column
            start = max(0, (loc.column or 1) - 40)
            shown = ("…" if start else "") + source[start : start + 80].replace("\t", "    ")
            caret = _caret(("…" if start else "") + source[start:], (loc.column or 1) - start + (1 if start else 0))
        else:
            caret = _caret(source, loc.column)
        out.append(f"    {loc.line:>4} | {shown}")
        if caret:
            out.append(f"         | {caret}")
    if f.expected is not None or f.actual is not None:
        out.append(f"         = 期望 {_value(f.expected)},实际 {_value(f.actual)}")
    if f.hint:
        out.append(f"         = 建议: {f.hint}")
    return out


def render(results, rules=()) -> str:
    lines: list[str] = []
    total = {"error": 0, "warning": 0, "info": 0}
    for res in results:
        if res.error:
            lines.append(f"{res.path}: 无法检查: {res.error}")
            lines.append("")
            continue
        m = res.report.meta
        title = m.title or "(无标题)"
        lines.append(f"== {res.path}  {title}  ({m.template_version}年版格式, {len(res.findings)} 项发现)")
        for f in res.findings:
            total[f.severity] = total.get(f.severity, 0) + 1
            lines.extend(render_finding(res.path, res.report, f))
        lines.append("")
    lines.append(
        f"共 {len(results)} 份报告: {total['error']} 个错误, {total['warning']} 个警告, {total['info']} 个提示"
    )
    return "\n".join(lines) + "\n"
