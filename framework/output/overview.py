"""What opens the text output of a run over several reports, and what ``--statistics`` prints: which
reports are worst (errors, then warnings, then notes) and which rules fired how often — what an
evaluator with a folder of reports reads first."""

from __future__ import annotations

from collections import Counter

from ogilint.output.shown import SEVERITY_WORDS, visible

_ORDER = ("error", "warning", "info")


def _counts(result) -> tuple[int, int, int]:
    c = Counter(f.severity for f in result.findings)
    return tuple(c[s] for s in _ORDER)


def reports(results) -> list[str]:
    """ "概览" lines, one per report, worst first; files that could not be checked first of all."""
    lines = ["概览 (按严重程度排序):", "  错误  警告  提示  报告"]
    unchecked = [r for r in results if r.error]
    checked = sorted((r for r in results if not r.error), key=lambda r: tuple(-n for n in _counts(r)))
    for r in unchecked:
        lines.append(f"     -     -     -  {visible(r.path)}  (无法检查: {visible(r.error)})")
    for r in checked:
        errors, warnings, infos = _counts(r)
        title = visible(r.report.meta.title or "(无标题)")
        lines.append(f"  {errors:>4}  {warnings:>4}  {infos:>4}  {visible(r.path)}  {title}")
    return lines


def rules(results, rule_classes=()) -> list[str]:
    """One line per rule that fired: count, code, severity word, summary — most frequent first."""
    summaries = {r.code: r.summary for r in rule_classes}
    counted: Counter = Counter()
    severity: dict = {}
    for res in results:
        for f in res.findings:
            counted[f.code] += 1
            severity.setdefault(f.code, f.severity)
    lines = []
    for code, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])):
        words = SEVERITY_WORDS.get(severity[code], severity[code])
        lines.append(f"{n:>6}  {visible(code)}  {words}  {visible(summaries.get(code, ''))}".rstrip())
    return lines
