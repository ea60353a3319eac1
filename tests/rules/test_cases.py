"""Rule cases as data: ``tests/rules/cases/<CODE>.toml``, one file per rule (SQLFluff's
``std_rule_cases`` are the model). Each ``[[case]]`` builds one report and runs only that rule:

- the report: ``text = '''...'''`` (a report or a snippet, parsed as it is), or ``base = "real/…"``
  (a report in ``tests/fixtures/``) with optional ``replace = [["old", "new"], …]`` (text edits before
  parsing, an HTML page still read as a page; every ``old`` must occur) and
  ``cells = {"t3.granted.natural_person" = 3}`` (cells set in the parsed model: a number, or
  ``"blank"``, ``"/"``, ``"missing"``, ``"unreadable"``);
- ``options = {…}`` (the rule's options), ``region = "shandong"``, ``ruleset = "national-2019"``;
- ``notes = [["page-no-text", "…"], …]``: problems a reader noted (as the PDF reader notes a page
  without a text layer), put before the parser's own, as ``parse_document`` does;
- ``previous = {base = …, replace = …, cells = …}``: the previous year's report in the same run;
- ``[[case.expect]]``: each finding the rule must report, in the order of the output, with any of
  ``line column table row col severity expected actual`` and ``message`` (a part of the message).
  A case without ``expect`` passes only when the rule reports nothing.
- ``docstring = "fails"`` / ``"passes"``: this case is the rule's docstring example of that name.

The meta-tests at the end hold every rule to a failing and a passing case, and every docstring
example to a case that runs it.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import tempfile
from pathlib import Path

import attrs
import pytest

from ogilint import model, parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry
from tests.conftest import FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {
    "name",
    "docstring",
    "text",
    "base",
    "replace",
    "cells",
    "options",
    "region",
    "ruleset",
    "previous",
    "expect",
    "note",
    "notes",
}
EXPECT_KEYS = {"line", "column", "table", "row", "col", "severity", "expected", "actual", "message"}
SPECIAL_CELLS = {
    "blank": (model.BLANK, None, ""),
    "/": (model.NOT_APPLICABLE, None, "/"),
    "missing": (model.MISSING, None, ""),
    "unreadable": (model.UNREADABLE, None, "?"),
}


def _load(path: Path) -> list[dict]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    assert set(data) <= {"rule", "case"}, f"{path.name}: unknown keys {set(data) - {'rule', 'case'}}"
    assert data.get("rule") == path.stem, f"{path.name}: rule = {data.get('rule')!r}"
    cases = data.get("case", [])
    for case in cases:
        assert set(case) <= CASE_KEYS, f"{path.name} {case.get('name')}: unknown keys {set(case) - CASE_KEYS}"
        for e in case.get("expect", []):
            assert set(e) <= EXPECT_KEYS, f"{path.name} {case['name']}: unknown expect keys {set(e) - EXPECT_KEYS}"
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"{path.name}: case names repeat"
    return cases


ALL = {p.stem: _load(p) for p in sorted(CASES_DIR.glob("*.toml"))}
REGISTRY = build_registry()  # one plugin registry for every case
PARAMS = [pytest.param(code, case, id=f"{code}::{case['name']}") for code, cases in ALL.items() for case in cases]


def _set_cell(report, address: str, value):
    table, row, col = address.split(".", 2) if address.count(".") == 2 else (None, None, None)
    if table is None:  # row keys may hold a dot ("denied.state_secret"): split table first, column last
        table, rest = address.split(".", 1)
        row, col = rest.rsplit(".", 1)
    old = report.tables[table].rows[row].cells[col]
    if isinstance(value, str):
        kind, number, raw = SPECIAL_CELLS[value]
    else:
        kind, number, raw = model.NUMBER, value, f"{value:g}" if isinstance(value, float) else str(value)
    new = attrs.evolve(
        old, value=number, raw=raw, kind=kind, confidence=1.0 if kind == model.NUMBER else old.confidence
    )
    t = report.tables[table]
    r = t.rows[row]
    rows = dict(t.rows)
    rows[row] = attrs.evolve(r, cells={**r.cells, col: new})
    tables = dict(report.tables)
    tables[table] = attrs.evolve(t, rows=rows)
    return attrs.evolve(report, tables=tables)


@functools.lru_cache(maxsize=64)
def _parsed_base(base: str, replace: tuple):
    """A fixture report, edited; parsed once for all the cases that share it (reports are frozen)."""
    path = FIXTURES / base
    if not replace:
        return parse_file(path)
    text = path.read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, f"replace: {old!r} is not in {base}"
        text = text.replace(old, new)
    if path.suffix.lower() in (".html", ".htm"):  # read as the page it is (its tables as tables), not as text
        with tempfile.TemporaryDirectory() as folder:
            edited = Path(folder) / path.name
            edited.write_text(text, encoding="utf-8")
            report = parse_file(edited)
        return attrs.evolve(report, meta=attrs.evolve(report.meta, source=str(path)))
    return parse_text(text, source=str(path))


def build_report(spec: dict):
    """The report a case describes (text, or a fixture with edits)."""
    if "text" in spec:
        report = parse_text(spec["text"], source="case.txt")
    else:
        report = _parsed_base(spec["base"], tuple(tuple(edit) for edit in spec.get("replace", ())))
    for address, value in spec.get("cells", {}).items():
        report = _set_cell(report, address, value)
    if spec.get("notes"):
        notes = tuple(model.Problem(kind, message) for kind, message in spec["notes"])
        report = attrs.evolve(report, problems=notes + report.problems)
    return report


@functools.cache
def _engine(code: str, options: str, region, ruleset) -> Engine:
    opts = json.loads(options)
    config = ProjectConfig(options={code: opts} if opts else {})
    return Engine(config, Overrides(select=[code], region=region, ruleset=ruleset), registry=REGISTRY)


def run_case(code: str, case: dict) -> list:
    report = build_report(case)
    previous = (build_report(case["previous"]),) if "previous" in case else ()
    engine = _engine(code, json.dumps(case.get("options", {}), sort_keys=True), case.get("region"), case.get("ruleset"))
    findings = engine.check_report(report, "case.txt", previous).findings
    return [f for f in findings if f.code == code]


def _actual(f, expect: dict) -> dict:
    loc = f.location
    got = {
        "line": loc.line,
        "column": loc.column,
        "table": loc.table,
        "row": loc.row,
        "col": loc.col,
        "severity": f.severity,
        "expected": f.expected,
        "actual": f.actual,
    }
    return {k: got[k] for k in expect if k != "message"}


@pytest.mark.parametrize("code,case", PARAMS)
def test_case(code, case):
    findings = run_case(code, case)
    expect = case.get("expect", [])
    shown = [f"{f.location.line}:{f.location.column} {f.message}" for f in findings]
    assert len(findings) == len(expect), f"{len(findings)} findings, {len(expect)} expected: {shown}"
    for f, e in zip(findings, expect):
        assert _actual(f, e) == {k: v for k, v in e.items() if k != "message"}, f.message
        if "message" in e:
            assert e["message"] in f.message


# --- meta-tests ---------------------------------------------------------------------------------

BUILTIN = {cls.code: cls for cls in REGISTRY.rule_classes() if cls.__module__.startswith("ogilint.plugins.")}


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_every_rule_has_a_failing_and_a_passing_case(code):
    cases = ALL.get(code)
    assert cases, f"tests/rules/cases/{code}.toml is missing"
    assert any(c.get("expect") for c in cases), f"{code}: no failing case"
    assert any(not c.get("expect") for c in cases), f"{code}: no passing case"


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_every_docstring_example_is_a_case(code):
    doc = BUILTIN[code].documentation()
    cases = ALL.get(code, [])
    for label, tag in (("不通过的例子:", "fails"), ("通过的例子:", "passes")):
        assert re.search(f"^{label}", doc, re.M), f"{code}: the docstring has no {label} example"
        tagged = [c for c in cases if c.get("docstring") == tag]
        assert len(tagged) == 1, f"{code}: one case must carry docstring = {tag!r}"
        assert bool(tagged[0].get("expect")) == (tag == "fails"), f"{code}: the {tag} example must {tag[:-1]}"


def test_no_case_file_without_a_rule():
    assert set(ALL) <= set(BUILTIN), set(ALL) - set(BUILTIN)
