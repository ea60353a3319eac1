"""SARIF 2.1.0 output, for CI code-scanning views (GitHub, GitLab, Azure DevOps, VS Code).

One run; ``tool.driver.rules`` describes every installed rule (and any rule a finding came from
that the installed plugins do not describe, e.g. a plugin registered in-process, or the
``OGI00x`` plugin-failure pseudo rules). Each finding becomes one ``result`` with the same rank
(0–100) as the json output; reports that could not be read become ``toolExecutionNotifications``
of the invocation. Columns count Unicode code points (``run.columnKind``), as the parser does.
The output is deterministic: no timestamps, no absolute paths of the machine that ran it.
A file name that is not UTF-8 keeps its exact bytes in the artifact URI (``%FF``) and is shown as
``\\xff`` in message texts (see ``json_format.json_text``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import PurePath
from urllib.parse import quote

import attrs

from ogilint.finding import Finding
from ogilint.output.json_format import ITEMS, streamed
from ogilint.version import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Pseudo rules the framework itself reports (see checker.py).
_FRAMEWORK_RULES = {
    "OGI001": (
        "plugin-error",
        "插件的规则运行出错",
        "error",
        "插件的代码在检查时出错:规则抛出异常、超时、返回了不合格的发现,或读取插件、地区变体钩子出错。"
        "这是插件的缺陷,不是报告的问题;其余规则照常运行。",
    ),
    "OGI002": ("plugin-load-error", "插件无法加载", "error", "一个插件无法导入或注册其规则。其余插件的规则照常运行。"),
    "OGI003": (
        "plugin-output",
        "插件向标准输出写了内容",
        "warning",
        "插件的代码打印了内容;为保证 JSON/SARIF 输出有效,这些内容已被截留并在此报告。其发现照常保留。",
    ),
}


def level_of(severity: str) -> str:
    return LEVELS.get(severity, "warning")


def artifact_uri(path: str) -> str:
    """A relative URI reference with forward slashes (relative to the working directory); the
    name's bytes percent-encoded, so a name that is not UTF-8 keeps its exact bytes."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return PurePath(os.path.abspath(path)).as_uri()
    return quote(os.fsencode(rel.replace(os.sep, "/")), safe="/._-~")


def _first_paragraph(doc: str) -> str:
    para = doc.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in para.splitlines() if line.strip())


def _descriptor(code: str, name: str, summary: str, severity: str, doc: str) -> dict:
    d = {"id": code, "name": name or code, "shortDescription": {"text": summary or name or code}}
    full = _first_paragraph(doc) if doc else ""
    if full:
        d["fullDescription"] = {"text": full}
    if doc:
        d["help"] = {"text": doc}
    d["defaultConfiguration"] = {"level": level_of(severity)}
    return d


def _rule_descriptors(results, rule_classes) -> list[dict]:
    descriptors: dict[str, dict] = {}
    for cls in rule_classes:
        d = _descriptor(cls.code, cls.name, cls.summary, cls.severity, cls.documentation())
        if cls.groups:
            d["properties"] = {"tags": sorted(set(cls.groups)), "plugin": cls.plugin}
        else:
            d["properties"] = {"plugin": cls.plugin}
        descriptors[cls.code] = d
    for res in results:
        for f in res.findings:
            if f.code in descriptors:
                continue
            if f.code in _FRAMEWORK_RULES:
                name, summary, sev, doc = _FRAMEWORK_RULES[f.code]
                descriptors[f.code] = _descriptor(f.code, name, summary, sev, doc)
            else:  # a rule from a plugin registered in-process only
                descriptors[f.code] = _descriptor(f.code, f.name, f.name, f.severity, "")
    return [descriptors[c] for c in sorted(descriptors)]


def _region(line, column) -> dict | None:
    if not line:
        return None
    region = {"startLine": int(line)}
    if column:
        region["startColumn"] = int(column)
    return region


def _location(uri: str, line, column, loc_id: int | None = None, message: str | None = None) -> dict:
    physical = {"artifactLocation": {"uri": uri}}
    region = _region(line, column)
    if region:
        physical["region"] = region
    out: dict = {}
    if loc_id is not None:
        out["id"] = loc_id
    out["physicalLocation"] = physical
    if message:
        out["message"] = {"text": message}
    return out


def _cell(loc) -> str:
    return ".".join(x for x in (loc.table, loc.row, loc.col) if x)


def _fingerprint(path: str, f: Finding) -> str:
    loc = f.location
    key = "\x1f".join(str(x) for x in (f.code, path, loc.table, loc.row, loc.col, f.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _original(report) -> bool:
    """Whether the report's lines are not the file's lines (PDF, DOCX, HTML: extracted text)."""
    return report is not None and report.meta.source_format != "text"


def _region_in_original(report, line, column):
    """(startLine, startColumn, how the place reads in Chinese) for a place in a PDF, DOCX or HTML
    file, whose lines are not the extracted text's: a PDF's page is the line a code-scanning view
    shows; a DOCX or web page has no such unit, so its region is the line of the extracted text.
    The message says which, with the place in the original."""
    if not line:
        return None, None, ""
    origin = report.where_json(line, column) or {}
    where = report.where(line, column)
    if origin.get("page"):
        return origin["page"], None, where
    said = f"提取文本第{line}行"
    return line, column, f"{where},{said}" if where and not where.startswith("网页正文") else said


def result_sarif(path: str, f: Finding, rule_index: dict, report=None) -> dict:
    uri = artifact_uri(path)
    loc = f.location
    props: dict = {"confidence": round(f.confidence, 3), "severity": f.severity}
    message = f.message
    if _original(report):
        # A region every code-scanning view can show (see _region_in_original); the original place,
        # and the extracted text's line and column, kept in the properties.
        origin = report.where_json(loc.line, loc.column)
        props["extractedLine"] = loc.line
        if loc.column:
            props["extractedColumn"] = loc.column
        if origin:
            props["origin"] = origin
        line, column, said = _region_in_original(report, loc.line, loc.column)
        props["regionKind"] = "page" if origin and origin.get("page") and line else "extractedTextLine"
        if said:
            message = f"{message} ({said})"
        loc = attrs.evolve(loc, line=line, column=column)
    for key in ("table", "row", "col"):
        value = getattr(loc, key)
        if value is not None:
            props[key] = value
    if f.expected is not None:
        props["expected"] = f.expected
    if f.actual is not None:
        props["actual"] = f.actual
    if f.hint:
        props["hint"] = f.hint
    if f.plugin:
        props["plugin"] = f.plugin
    out: dict = {"ruleId": f.code}
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    out["level"] = level_of(f.severity)
    out["message"] = {"text": message}
    out["locations"] = [_location(uri, loc.line, loc.column)]
    related = []
    seen = set()
    for r in f.related:
        key = (r.line, r.column, r.table, r.row, r.col)
        if key in seen:
            continue
        seen.add(key)
        line, column, said = (
            _region_in_original(report, r.line, r.column) if _original(report) else (r.line, r.column, "")
        )
        text = " ".join(x for x in (_cell(r), f"({said})" if said else "") if x)
        related.append(_location(uri, line, column, loc_id=len(related) + 1, message=text or None))
    if related:
        out["relatedLocations"] = related
    out["partialFingerprints"] = {"ogilintFinding/v1": _fingerprint(uri, f)}
    out["rank"] = f.rank
    out["properties"] = props
    return out


def sarif_log(results, rules=(), results_later: bool = False) -> dict:
    """The SARIF log of a run; ``rules``: the rule classes of the run's registry (all described).
    With ``results_later``, the results stand as ``json_format``'s marker, for :func:`chunks` to write."""
    rules = _rule_descriptors(results, rules)
    rule_index = {d["id"]: i for i, d in enumerate(rules)}
    notifications = [
        {
            "level": "note" if res.skipped else "error",
            "message": {"text": f"{res.path}: {'已跳过' if res.skipped else '无法检查'}: {res.error}"},
            "locations": [_location(artifact_uri(res.path), None, None)],
            "descriptor": {"id": "unusable-input"},
        }
        for res in results
        if res.error
    ]
    invocation = {"executionSuccessful": not any(n["level"] == "error" for n in notifications)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "ogilint", "version": __version__, "semanticVersion": __version__, "rules": rules}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": ITEMS if results_later else list(_results(results, rule_index)),
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _results(results, rule_index: dict) -> Iterator[dict]:
    for res in results:
        if not res.error:
            report = res.report
            for f in res.findings:
                yield result_sarif(res.path, f, rule_index, report)


def chunks(results, rules=()) -> Iterator[str]:
    """The log in pieces, one result at a time (the command line writes them as they come)."""
    log = sarif_log(results, rules, results_later=True)
    rule_index = {d["id"]: i for i, d in enumerate(log["runs"][0]["tool"]["driver"]["rules"])}
    yield from streamed(log, _results(results, rule_index))
    yield "\n"


def render(results, rules=()) -> str:
    return "".join(chunks(results, rules))
