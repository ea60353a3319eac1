"""Run the selected rules over a report; a rule that raises becomes a finding, not a crash."""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable

import attrs

from ogilint.checking.ranking import rank_findings
from ogilint.finding import ERROR, Finding, Location
from ogilint.rule import Context

PLUGIN_ERROR = "OGI001"
PLUGIN_LOAD_ERROR = "OGI002"


@attrs.define
class CheckResult:
    path: str
    report: object  # Report or None when unusable
    findings: list
    error: str | None = None  # one-line reason when the input was unusable
    seconds_rules: float = 0.0


def run_rules(
    report,
    rules: Iterable,
    options: dict,
    severities: dict,
    path: str = "",
    run_reports: tuple = (),
    failures: Iterable = (),
    versions: dict | None = None,
) -> tuple[list[Finding], float]:
    """Findings of ``rules`` (instances) on ``report``, ranked; also the seconds spent in rules."""
    findings: list[Finding] = []
    start = time.perf_counter()
    for rule in rules:
        ctx = Context(options=options.get(rule.code, dict(rule.options)), run_reports=run_reports, path=path)
        try:
            for f in rule.check(report, ctx) or ():
                sev = severities.get(rule.code)
                findings.append(attrs.evolve(f, severity=sev) if sev else f)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            findings.append(
                Finding(
                    code=PLUGIN_ERROR,
                    name="plugin-error",
                    severity=ERROR,
                    message=f"插件 {rule.plugin or '?'} (版本 {(versions or {}).get(rule.plugin, '?')}) 的规则 {rule.code} "
                    f"运行出错: {type(exc).__name__}: {exc}"
                    f" ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
                    location=Location(),
                    confidence=1.0,
                    plugin=rule.plugin,
                    hint="这是插件的缺陷,不是报告的问题;请向插件作者报告",
                )
            )
    for failure in failures:
        findings.append(
            Finding(
                code=PLUGIN_LOAD_ERROR,
                name="plugin-load-error",
                severity=ERROR,
                message=f"插件 {failure.plugin} (版本 {failure.version}) 无法加载: {failure.error}",
                location=Location(),
                plugin=failure.plugin,
                hint="检查插件的安装;其余规则照常运行",
            )
        )
    seconds = time.perf_counter() - start
    return rank_findings(findings, report), seconds
