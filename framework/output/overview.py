"""What opens the text output of a run over several reports, and what ``--statistics`` prints: which
reports are worst (errors, then warnings, then notes) and which rules fired how often — what an
evaluator with a folder of reports reads first."""

from __future__ import annotations

from collections import Counter

from ogilint.finding import severity_counts
from ogilint.output.shown import SEVERITY_WORDS, visible


def counts(result) -> tuple[int, int, int]:
    """A checked report's numbers of errors, warnings and notes (kept with a result whose findings
    lie on disk, so that an overview of a large run does not read them all)."""
    known = getattr(result, "counts", None)
    return known if known is not None else severity_counts(result.findings)


def worst_first(results) -> list:
    """The results in the order of the overview: files that could not be checked first of all, then
    the checked reports by errors, then warnings, then notes (most first; a tie keeps the run's
    order). Files skipped as not being reports are left out (:func:`skipped` lists them)."""
    results = [r for r in results if not getattr(r, "skipped", False)]
    unchecked = [r for r in results if r.error]
    return unchecked + sorted((r for r in results if not r.error), key=lambda r: tuple(-n for n in counts(r)))


def reports(results) -> list[str]:
    """ "概览" lines, one per report, worst first; files that could not be checked first of all."""
    lines = ["概览 (按严重程度排序):", "  错误  警告  提示  报告"]
    ordered = worst_first(results)
    for r in (r for r in ordered if r.error):
        lines.append(f"     -     -     -  {visible(r.path)}  (无法检查: {visible(r.error)})")
    for r in (r for r in ordered if not r.error):
        errors, warnings, infos = counts(r)
        title = visible(r.report.meta.title or "(无标题)")
        lines.append(f"  {errors:>4}  {warnings:>4}  {infos:>4}  {visible(r.path)}  {title}")
    return lines


def skipped(results) -> list[str]:
    """The files of the folders that are not report formats, each with its reason."""
    shown = [r for r in results if r.skipped]
    if not shown:
        return []
    return [f"跳过的文件 ({len(shown)} 个,未检查):"] + [f"  {visible(r.path)}  ({visible(r.error)})" for r in shown]


def rule_counts(results, rule_classes=()) -> list[tuple[str, str, str, int]]:
    """(code, severity, summary, count) of each rule that fired, most frequent first."""
    summaries = {r.code: r.summary for r in rule_classes}
    counted: Counter = Counter()
    severity: dict = {}
    for res in results:
        for f in res.findings:
            counted[f.code] += 1
            severity.setdefault(f.code, f.severity)
    ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(code, severity[code], summaries.get(code, ""), n) for code, n in ranked]


def rules(results, rule_classes=()) -> list[str]:
    """One line per rule that fired: count, code, severity word, summary — most frequent first."""
    lines = []
    for code, sev, summary, n in rule_counts(results, rule_classes):
        words = SEVERITY_WORDS.get(sev, sev)
        lines.append(f"{n:>6}  {visible(code)}  {words}  {visible(summary)}".rstrip())
    return lines
