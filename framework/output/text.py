"""Human output: findings grouped per report, ranked, each with the source line and a caret.

Everything shown comes through :func:`visible`: a report's text and its file name are untrusted,
and a terminal obeys an ESC sequence, a carriage return or a bidi override it is sent.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ogilint.finding import Finding
from ogilint.output import overview
from ogilint.output.shown import SEVERITY_WORDS, not_checked, paint, visible


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _caret(shown_prefix: str) -> str:
    """The caret under the column that follows ``shown_prefix`` (the line as shown, up to it)."""
    return " " * _display_width(shown_prefix) + "^"


def _shown(source: str) -> str:
    return visible(source.replace("\t", "    "))


def _value(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return visible(v)


def render_finding(path: str, report, f: Finding, verbose: bool = False, colour: bool = False) -> list[str]:
    """A finding for a person: where, code, severity and message in Chinese, the source line with a
    caret, expected and actual, the hint. ``verbose`` adds what tools and developers use: the cell's
    canonical key ("[t3.granted.total]"), the rule's English name and the rank. ``colour`` paints the
    code and the severity word (a terminal only)."""
    loc = f.location
    where = visible(path) + (f":{loc.line}" if loc.line else "") + (f":{loc.column}" if loc.line and loc.column else "")
    original = report.where(loc.line, loc.column) if report is not None else ""
    if original:
        where += f" ({visible(original)})"
    cell, about = "", f"  (置信度 {f.confidence:.2f})"
    if verbose:
        if loc.table:
            cell = " [" + visible(".".join(str(x) for x in (loc.table, loc.row, loc.col) if x)) + "]"
        about = f"  ({visible(f.name)}, 置信度 {f.confidence:.2f}, 排序 {f.rank})"
    code = paint(visible(f.code), "code", colour)
    severity = paint(visible(SEVERITY_WORDS.get(f.severity, f.severity)), f.severity, colour)
    out = [f"{paint(where, 'path', colour)}: {code} {severity} {visible(f.message)}{cell}{about}"]
    if report is not None and loc.line:
        source = report.source_line(loc.line)
        if len(source.replace("\t", "    ")) > 120:  # long crawler lines: show the neighbourhood of the column
            column = loc.column or 1
            start = max(0, column - 40)
            lead = "…" if start else ""
            shown = lead + _shown(source[start : start + 80])
            caret = _caret(lead + _shown(source[start : column - 1]))
        else:
            shown = _shown(source)
            caret = _caret(_shown(source[: loc.column - 1])) if loc.column else ""
        out.append(f"    {loc.line:>4} | {shown}")
        if caret:
            out.append(f"         | {caret}")
    shown = [f"{word} {_value(v)}" for word, v in (("期望", f.expected), ("实际", f.actual)) if v is not None]
    if shown:  # a rule that states only what it found shows no "期望 None"
        out.append("         = " + ",".join(shown))
    if f.hint:
        out.append(f"         = 建议: {visible(f.hint)}")
    return out


def chunks(results, rules=(), verbose: bool = False, colour: bool = False) -> Iterator[str]:
    """The output in pieces, one report at a time (the command line writes them as they come)."""
    skipped = [r for r in results if r.skipped]
    results = [r for r in results if not r.skipped]
    if len(results) > 1:  # a folder: which reports are worst, before the findings of each
        yield _lines([*overview.reports(results), ""])
    for res in results:
        if res.error:
            yield _lines([f"{visible(res.path)}: {not_checked(res)}", ""])
            continue
        report, findings = res.report, res.findings
        m = report.meta
        title = visible(m.title or "(无标题)")
        lines = [f"== {visible(res.path)}  {title}  ({m.template_version}年版格式, {len(findings)} 项发现)"]
        for f in findings:
            lines.extend(render_finding(res.path, report, f, verbose, colour))
        lines.append("")
        yield _lines(lines)
    if skipped:  # nothing dropped in silence: what the folders held besides reports
        yield _lines([*overview.skipped(skipped), ""])
    yield _lines([summary(results)])


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def render(results, rules=(), verbose: bool = False, colour: bool = False) -> str:
    return "".join(chunks(results, rules, verbose, colour))


def summary(results) -> str:
    """ "共 N 份报告: E 个错误, W 个警告, I 个提示" (and "; 其中 M 份无法检查"): the last line of the
    text formats. A report that could not be checked is no error of the report's; it is counted apart."""
    total = {"error": 0, "warning": 0, "info": 0}
    results = [r for r in results if not r.skipped]
    for res in results:
        if not res.error:
            for severity, n in zip(total, overview.counts(res)):
                total[severity] += n
    unchecked = sum(1 for r in results if r.error)
    tail = f"; 其中 {unchecked} 份无法检查" if unchecked else ""
    return f"共 {len(results)} 份报告: {total['error']} 个错误, {total['warning']} 个警告, {total['info']} 个提示{tail}"
