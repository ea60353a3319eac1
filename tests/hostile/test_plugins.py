"""Hostile plugins cannot break the run, and the model is read-only for rules (issue 10, items 8, 9).

A misbehaving plugin — a rule that exits, raises ``GeneratorExit`` or a bare ``BaseException``,
answers strings or malformed findings, prints to stdout or never returns; a reader that answers
something that is not a document; a variant hook that answers 42 or raises; a plugin that claims a
built-in rule's code — becomes an ``OGI`` finding naming the plugin and its version, the other rules
run, stdout stays valid JSON/SARIF and the exit code is the one the findings call for.

The command-line tests install one distribution, ``ogilint-hostile-plugin`` 4.2.0, into a folder
of their own (as ``tests/test_plugins.py`` does) and run the command line with it on PYTHONPATH,
through ``tests/bounded.py`` (timeout and memory limit, no traceback). Which of its hooks misbehave
is chosen per run with the ``OGILINT_HOSTILE`` environment variable; its rules are chosen with
``--select``. The logic behind each case is also tested in-process with plugins registered on an
:class:`Engine`, which is quick.
"""

from __future__ import annotations

import json
import pickle
import signal
import time
import types

import attrs
import jsonschema
import pytest

from ogilint import parse_file
from ogilint.checking.config import ConfigError, ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry, default_options
from ogilint.checking.runner import (
    PLUGIN_ERROR,
    PLUGIN_LOAD_ERROR,
    PLUGIN_OUTPUT,
    call_plugin,
    finding_problem,
)
from ogilint.finding import ERROR, WARNING, Finding, Location
from ogilint.hookspec import hookimpl
from ogilint.model import FrozenDict
from ogilint.output import FORMATS
from ogilint.plugins.rules.extraction.EXT001_column_missing import ColumnMissing
from ogilint.rule import Rule
from tests.bounded import ogilint_bounded
from tests.conftest import SEEDS, TESTS
from tests.test_plugins import _pip_install_target

SEED = SEEDS / "002_0b3756e79a1f4c29.txt"  # with --select EXT: two EXT002 warnings, nothing at error
SARIF_SCHEMA = TESTS / "schemas" / "sarif-schema-2.1.0.json"
VERSION = "4.2.0"

PYPROJECT = f"""\
[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "ogilint-hostile-plugin"
version = "{VERSION}"

[project.entry-points.ogilint]
hostile = "ogilint_hostile_rules"
aaa_impostor = "ogilint_hostile_impostor"
hostile_reader = "ogilint_hostile_reader"
hostile_variant = "ogilint_hostile_variant"

[tool.setuptools]
py-modules = ["ogilint_hostile_common", "ogilint_hostile_rules", "ogilint_hostile_impostor",
              "ogilint_hostile_reader", "ogilint_hostile_variant"]
"""

COMMON = """\
import os


def on(name):
    return name in os.environ.get("OGILINT_HOSTILE", "").split(",")
"""

RULES = '''\
"""Rules that misbehave in every way a rule can, each under its own code."""
import sys
import time

from ogilint.finding import WARNING, Finding
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule


class Base(Rule):
    severity = WARNING
    summary = "hostile"


class Exits(Base):
    code, name = "HST001", "exits"

    def check(self, report, ctx):
        sys.exit(0)


class RaisesGeneratorExit(Base):
    code, name = "HST002", "generator-exit"

    def check(self, report, ctx):
        raise GeneratorExit("from HST002")


class RaisesBaseException(Base):
    code, name = "HST003", "base-exception"

    def check(self, report, ctx):
        yield self.finding("before the BaseException", line=1)
        raise BaseException("bare BaseException from HST003")


class ReturnsString(Base):
    code, name = "HST004", "returns-string"

    def check(self, report, ctx):
        return "not findings"


class Malformed(Base):
    code, name = "HST005", "malformed"

    def check(self, report, ctx):
        yield self.finding("the one good finding", line=1)
        yield self.finding("confidence high", confidence="high")
        yield Finding(code=self.code, name=self.name, severity=WARNING, message="no location", location=None)
        yield Finding(code="EXT001", name=self.name, severity=WARNING, message="someone else's code")
        yield Finding(code=self.code, name=self.name, severity="fatal", message="no such severity")
        yield self.finding("not a number", actual=float("nan"))
        yield self.finding("a line that is text", line="9")
        yield "a string"


class Prints(Base):
    code, name = "HST006", "prints"

    def check(self, report, ctx):
        print("HELLO FROM HST006 {not json")
        sys.stdout.write("]]")
        yield self.finding("printed and still found this", line=1)


class Busy(Base):
    code, name = "HST007", "busy"

    def check(self, report, ctx):
        while True:
            pass


class Stubborn(Base):
    code, name = "HST008", "stubborn"

    def check(self, report, ctx):
        try:
            time.sleep(3600)
        except BaseException:  # swallows the first alarm
            pass
        time.sleep(3600)


class Flood(Base):
    code, name = "HST009", "flood"

    def check(self, report, ctx):
        while True:
            yield self.finding("flood", line=1)


class ReturnsNumber(Base):
    code, name = "HST010", "returns-number"

    def check(self, report, ctx):
        return 42


@hookimpl
def ogilint_rules():
    return [Exits, RaisesGeneratorExit, RaisesBaseException, ReturnsString, Malformed, Prints, Busy, Stubborn,
            Flood, ReturnsNumber]
'''

IMPOSTOR = '''\
"""Claims the built-in EXT001; its entry point name sorts before every built-in one."""
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule
from ogilint_hostile_common import on


class Impostor(Rule):
    code, name, summary, severity = "EXT001", "impostor", "冒名", "error"

    def check(self, report, ctx):
        yield self.finding("impostor", line=1)


@hookimpl
def ogilint_rules():
    return [Impostor] if on("impostor") else []
'''

READER = """\
import sys

from ogilint.hookspec import hookimpl
from ogilint_hostile_common import on


@hookimpl
def ogilint_read(path, head):
    if on("readerprint"):
        print("READER SAYS HI")
    if on("reader42"):
        return 42
    if on("readerexit"):
        sys.exit(3)
    return None
"""

VARIANT = """\
from ogilint.hookspec import hookimpl
from ogilint_hostile_common import on


@hookimpl
def ogilint_variant(report, requested):
    if on("variant42"):
        return 42
    if on("variantloop"):
        while True:
            pass
    return None
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A folder with ogilint-hostile-plugin installed (only the subprocesses see it)."""
    base = tmp_path_factory.mktemp("hostile")
    src = base / "src"
    src.mkdir()
    (src / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for name, text in (
        ("common", COMMON),
        ("rules", RULES),
        ("impostor", IMPOSTOR),
        ("reader", READER),
        ("variant", VARIANT),
    ):
        (src / f"ogilint_hostile_{name}.py").write_text(text, encoding="utf-8")
    site = base / "site"
    _pip_install_target(src, site)
    return site


@pytest.fixture
def hostile(hostile_site, tmp_path, monkeypatch):
    """Run the command line with the hostile plugin installed: ``hostile(*args, env=..., seconds=...)``
    (the working directory has an empty ogilint.toml: no project config leaks in)."""
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(hostile_site))

    def run(*args, env: str = "", seconds: int = 60, rule_seconds: str = ""):
        monkeypatch.setenv("OGILINT_HOSTILE", env)
        monkeypatch.setenv("OGILINT_RULE_SECONDS", rule_seconds)
        return ogilint_bounded(*args, seconds=seconds)

    return run


def _findings(proc) -> list[dict]:
    [res] = json.loads(proc.stdout)  # stdout is JSON and nothing else
    return res["findings"]


def _ogi(findings, code: str, rule: str = "") -> dict:
    [f] = [f for f in findings if f["code"] == code and rule in f["message"]]
    return f


# --- item 8 through the command line ------------------------------------------------------------


def test_rules_that_exit_raise_or_answer_nonsense(hostile):
    proc = hostile("check", "--format", "json", "--select", "HST001,HST002,HST003,HST004,HST010,EXT", str(SEED))
    assert proc.returncode == 1  # OGI001 is an error; sys.exit(0) did not end the run with 0
    findings = _findings(proc)
    assert [f["code"] for f in findings].count("EXT002") == 2  # the other rules ran
    for code, said in (
        ("HST001", "SystemExit"),
        ("HST002", "GeneratorExit: from HST002"),
        ("HST003", "BaseException: bare BaseException from HST003"),
        ("HST004", "返回的是 str"),
        ("HST010", "返回的是 int"),
    ):
        f = _ogi(findings, PLUGIN_ERROR, code)
        assert f["severity"] == ERROR and f["plugin"] == "hostile"
        assert f"插件 hostile (版本 {VERSION}) 的规则 {code}" in f["message"] and said in f["message"]
    assert any(f["code"] == "HST003" for f in findings)  # what it yielded before raising is kept


def test_malformed_findings_are_dropped_and_reported_sarif_stays_valid(hostile):
    proc = hostile("check", "--format", "sarif", "--select", "HST005,EXT", str(SEED))
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert not list(validator.iter_errors(log))
    results = log["runs"][0]["results"]
    assert [r["message"]["text"] for r in results if r["ruleId"] == "HST005"] == ["the one good finding"]
    [ogi] = [r for r in results if r["ruleId"] == PLUGIN_ERROR]
    assert ogi["level"] == "error" and ogi["properties"]["plugin"] == "hostile"
    assert "产生了 7 条格式不对的发现" in ogi["message"]["text"] and "'high'" in ogi["message"]["text"]
    assert "NaN" not in proc.stdout and "Infinity" not in proc.stdout


def test_rule_that_prints_cannot_spoil_stdout(hostile):
    proc = hostile("check", "--format", "json", "--select", "HST006,EXT", str(SEED))
    assert proc.returncode == 0  # a print is a warning: the findings stand, nothing failed
    findings = _findings(proc)
    assert "HST006" in [f["code"] for f in findings]
    out = _ogi(findings, PLUGIN_OUTPUT, "HST006")
    assert out["severity"] == WARNING and out["plugin"] == "hostile"
    assert "HELLO FROM HST006 {not json" in out["message"] and f"版本 {VERSION}" in out["message"]


def test_rules_and_hooks_that_never_return_are_stopped(hostile):
    proc = hostile(
        "check",
        "--format",
        "json",
        "--select",
        "HST007,HST008,HST009,EXT",
        str(SEED),
        env="variantloop",
        rule_seconds="0.5",
        seconds=40,
    )
    assert proc.returncode == 1
    findings = _findings(proc)
    for code in ("HST007", "HST008"):  # a busy loop; a sleep that swallows the first alarm
        assert "规则运行超时 (超过 0.5 秒)" in _ogi(findings, PLUGIN_ERROR, code)["message"]
    assert "超过 2000 条发现" in _ogi(findings, PLUGIN_ERROR, "HST009")["message"]
    assert "ogilint_variant 钩子超时" in _ogi(findings, PLUGIN_ERROR, "hostile_variant")["message"]
    assert [f["code"] for f in findings].count("EXT002") == 2


def test_reader_and_variant_hook_answering_42(hostile):
    proc = hostile("check", "--format", "json", "--select", "EXT", str(SEED), env="reader42,variant42,readerprint")
    assert proc.returncode == 1
    findings = _findings(proc)
    assert [f["code"] for f in findings].count("EXT002") == 2  # read as text, national rule set
    reader = _ogi(findings, PLUGIN_ERROR, "读取插件")
    assert f"读取插件 hostile_reader (版本 {VERSION}) 返回的不是文档,而是 int" in reader["message"]
    assert reader["plugin"] == "hostile_reader"
    variant = _ogi(findings, PLUGIN_ERROR, "ogilint_variant")
    assert f"插件 hostile_variant (版本 {VERSION}) 的 ogilint_variant 钩子返回了 42" in variant["message"]
    assert "READER SAYS HI" in _ogi(findings, PLUGIN_OUTPUT, "读取插件")["message"]


def test_plugin_claiming_a_builtin_code_does_not_replace_it(hostile):
    proc = hostile("rules", env="impostor")
    assert proc.returncode == 0
    ext001 = next(line for line in proc.stdout.splitlines() if line.startswith("EXT001"))
    assert "column-missing" in ext001 and "extraction" in ext001 and "impostor" not in ext001
    # the failure names the impostor (and its version), and the plugin that owns the code
    assert f"aaa_impostor ({VERSION})" in proc.stderr
    assert "duplicate rule code EXT001 (already from extraction)" in proc.stderr


# --- item 8 in-process: the same logic, each case on its own ----------------------------------


def _module(name: str, **hooks) -> types.ModuleType:
    mod = types.ModuleType(name)
    for k, v in hooks.items():
        setattr(mod, k, v)
    return mod


def _rules_plugin(name: str, *classes) -> types.ModuleType:
    @hookimpl
    def ogilint_rules():
        return list(classes)

    return _module(name, ogilint_rules=ogilint_rules)


def _rule(code: str, check, **attributes) -> type:
    return type(
        f"Rule{code}", (Rule,), {"code": code, "name": code.lower(), "summary": "测试", "check": check, **attributes}
    )


@pytest.fixture(scope="module")
def seed_report():
    return parse_file(SEED)


def test_rule_derived_from_a_builtin_one_belongs_to_its_plugin(seed_report):
    class Derived(ColumnMissing):
        code, name, severity = "DRV001", "derived", WARNING

        def check(self, report, ctx):
            yield self.finding("derived", line=1)

    engine = Engine(ProjectConfig(), Overrides(select=["DRV"]), extra_plugins=[_rules_plugin("d", Derived)])
    assert engine.registry.rules["DRV001"].plugin == "d"  # not "extraction", inherited
    [f] = engine.check_report(seed_report).findings
    assert f.code == "DRV001" and f.plugin == "d"


def test_ctrl_c_still_stops_the_run(seed_report):
    def check(self, report, ctx):
        raise KeyboardInterrupt

    engine = Engine(
        ProjectConfig(), Overrides(select=["INT"]), extra_plugins=[_rules_plugin("p", _rule("INT001", check))]
    )
    with pytest.raises(KeyboardInterrupt):
        engine.check_report(seed_report)


def test_the_file_time_budget_is_not_taken_for_a_rule_error():
    """The engine's per-file CPU budget raises CheckTimeout inside the rule; the rule guard lets it
    through (the file is reported as timed out), it does not turn it into an OGI001 and go on."""

    def check(self, report, ctx):
        while True:
            pass

    plugin = _rules_plugin("c", _rule("CPU001", check))
    engine = Engine(ProjectConfig(), Overrides(select=["CPU"], timeout=0.3), extra_plugins=[plugin])
    [result] = engine.check_paths([str(SEED)])
    assert result.error is not None and "检查超时" in result.error and not result.findings


@pytest.mark.parametrize(
    ("note", "said"),
    [
        (lambda self, report: 1 / 0, "运行出错: ZeroDivisionError"),
        (lambda self, report: lambda: None, "返回了无法保存的值"),  # cannot cross to another process
    ],
    ids=["raises", "unpicklable"],
)
def test_a_note_that_fails_is_said_and_left_out(note, said):
    """A rule across reports keeps a note of each report where it is read (``Rule.note``): one that
    raises, or answers what pickle cannot carry, is an OGI001 on that report; the rule then finds
    no note (None), and the run goes on."""
    seen = []

    def check(self, report, ctx):
        seen.append(self.noted(report))
        return ()

    rule = _rule("NOT001", check, note=note, across_reports=True)
    engine = Engine(ProjectConfig(), Overrides(select=["NOT"]), extra_plugins=[_rules_plugin("n", rule)])
    [result] = engine.check_paths([str(SEED)])
    [ogi] = [f for f in result.findings if f.code == PLUGIN_ERROR]
    assert ogi.plugin == "n" and "的规则 NOT001 记录报告摘要时" in ogi.message and said in ogi.message
    assert seen == [None]


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (lambda: 42, "返回了 42"),
        (lambda: "/dev/zero", "返回了 '/dev/zero'"),  # a path is not a rule set's name
        (lambda: "no-such-set", "'no-such-set' 无法加载"),
        (lambda: (_ for _ in ()).throw(ValueError("variant exploded")), "出错: ValueError: variant exploded"),
        (lambda: (_ for _ in ()).throw(SystemExit(0)), "出错: SystemExit"),
    ],
)
def test_variant_hook_misbehaving(seed_report, answer, said):
    @hookimpl
    def ogilint_variant(report, requested):
        return answer()

    engine = Engine(
        ProjectConfig(), Overrides(select=["EXT"]), extra_plugins=[_module("v", ogilint_variant=ogilint_variant)]
    )
    result = engine.check_report(seed_report)
    [ogi] = [f for f in result.findings if f.code == PLUGIN_ERROR]
    assert ogi.plugin == "v" and "插件 v (版本 local) 的 ogilint_variant 钩子" in ogi.message and said in ogi.message
    assert [f.code for f in result.findings].count("EXT002") == 2  # the built-in variant chose
    assert engine.ruleset_for(seed_report).name == Engine(ProjectConfig()).ruleset_for(seed_report).name


def test_a_region_the_user_asked_for_stays_a_config_error(seed_report):
    engine = Engine(ProjectConfig(), Overrides(region="nowhere"))
    with pytest.raises(ConfigError):
        engine.check_report(seed_report)


@pytest.mark.parametrize(
    ("behaviour", "kind", "said"),
    [
        (lambda: 42, "plugin-error", "返回的不是文档,而是 int"),
        (lambda: (_ for _ in ()).throw(SystemExit(3)), "plugin-error", "出错: SystemExit: 3"),
        (lambda: (_ for _ in ()).throw(RuntimeError("reader exploded")), "plugin-error", "reader exploded"),
        (lambda: print("READER OUTPUT"), "plugin-output", "READER OUTPUT"),
    ],
)
def test_reader_misbehaving_is_passed_over(capsys, behaviour, kind, said):
    @hookimpl
    def ogilint_read(path, head):
        return behaviour()

    registry = build_registry([_module("r", ogilint_read=ogilint_read)])
    report = parse_file(SEED, manager=registry.manager)
    assert capsys.readouterr().out == ""
    [note] = [p for p in report.problems if p.kind == kind]
    assert note.message.startswith("读取插件 r (版本 local) ") and said in note.message
    assert report.meta.title  # the built-in text reader read it
    findings = Engine(ProjectConfig(), Overrides(select=["EXT"]), registry=registry).check_report(report).findings
    [ogi] = [f for f in findings if f.code == (PLUGIN_ERROR if kind == "plugin-error" else PLUGIN_OUTPUT)]
    assert ogi.plugin == "r" and ogi.message == note.message


def test_unusable_rule_classes_and_hooks_are_failures_not_crashes(seed_report):
    def fine(self, report, ctx):
        return []

    def init_raises(self):
        raise RuntimeError("no")

    classes = [
        _rule("BAD001", fine, severity="fatal"),
        _rule("OGI009", fine),
        _rule("bad", fine),
        _rule("BAD002", fine, options=5),
        _rule("BAD003", fine, __init__=init_raises),
        _rule("BAD004", fine, options={"limit": 1}),  # the good one
    ]

    @hookimpl
    def ogilint_default_options():
        return {"BAD004": 5}

    @hookimpl
    def ogilint_validate_options(code, options):
        raise RuntimeError("validator exploded")

    def endless():
        while True:
            yield 1

    @hookimpl
    def endless_rules():
        return endless()

    plugins = [
        _rules_plugin("p", *classes),
        _module(
            "hooks", ogilint_default_options=ogilint_default_options, ogilint_validate_options=ogilint_validate_options
        ),
        _module("endless", ogilint_rules=endless_rules),
    ]
    # an option set in the project config goes through the validating hook, which raises: that is
    # the plugin's failure, not a mistake in the config
    config = ProjectConfig(options={"BAD004": {"limit": 2}})
    engine = Engine(config, Overrides(select=["BAD", "EXT"]), extra_plugins=plugins)
    assert sorted(c for c in engine.registry.rules if c.startswith("BAD")) == ["BAD004"]
    errors = " | ".join(f.error for f in engine.registry.failures)
    for said in ("fatal", "OGI009", "'bad'", "BAD002 的 options", "BAD003 无法实例化", "超过 1000 条规则"):
        assert said in errors
    findings = engine.check_report(seed_report).findings
    hooks = sorted(f.message for f in findings if f.code == PLUGIN_LOAD_ERROR and f.plugin == "hooks")
    assert len(hooks) == 2
    assert "的 ogilint_default_options 钩子出错: TypeError" in hooks[0]
    assert "的 ogilint_validate_options 钩子出错: RuntimeError: validator exploded" in hooks[1]
    assert [f.code for f in findings].count("EXT002") == 2
    assert default_options(engine.registry)["BAD004"] == {"limit": 1}  # the bad answer was not merged


@pytest.mark.parametrize(
    ("finding", "said"),
    [
        ("text", "不是 Finding"),
        (Finding("X", "x", WARNING, "m"), "不是规则自己的"),
        (Finding("T001", "x", "fatal", "m"), "严重级别"),
        (Finding("T001", "x", WARNING, "m", confidence="high"), "confidence"),
        (Finding("T001", "x", WARNING, "m", confidence=True), "confidence"),
        (Finding("T001", "x", WARNING, "m", confidence=1.5), "confidence"),
        (Finding("T001", "x", WARNING, "m", location=None), "location"),
        (Finding("T001", "x", WARNING, "m", location=Location(line=-1)), "location.line"),
        (Finding("T001", "x", WARNING, "m", location=Location(table=3)), "location.table"),
        (Finding("T001", "x", WARNING, 7), "message"),
        (Finding("T001", "x", WARNING, "m", related=(None,)), "related"),
        (Finding("T001", "x", WARNING, "m", extent=1.5), "extent"),
        (Finding("T001", "x", WARNING, "m", actual=float("inf")), "actual"),
        (Finding("T001", "x", WARNING, "m", expected=10**5000), "expected"),
        (Finding("T001", "x", WARNING, "m", expected={1, 2}), "expected"),
    ],
)
def test_malformed_finding_is_named(finding, said):
    problem = finding_problem(finding, "T001")
    assert problem is not None and said in problem
    assert finding_problem(Finding("T001", "x", WARNING, "m", actual=[1, "a", {"k": 2.5}]), "T001") is None


def test_time_limit_leaves_an_outer_timer_as_it_was():
    """A per-file budget (or pytest-timeout) arms its own SIGALRM timer: a plugin call puts it
    back with the time it has left, and when it is due first it is left to fire, not swallowed."""

    class Outer(BaseException):
        pass

    def outer(signum, frame):
        raise Outer

    previous = signal.signal(signal.SIGALRM, outer)
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        assert call_plugin(lambda: 1, seconds=5).value == 1
        assert 50 < signal.getitimer(signal.ITIMER_REAL)[0] <= 100
        assert signal.getsignal(signal.SIGALRM) is outer
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(Outer):
            call_plugin(lambda: time.sleep(5), seconds=10)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- item 9: the model is read-only for rules --------------------------------------------------


def _what_it_sees(report) -> tuple:
    t3 = report.tables.get("t3")
    return (
        sorted(report.tables),
        len(report.parts),
        len(report.problems),
        None if t3 is None else len(t3.rows),
        None if t3 is None else t3.cell("total_handled", "total"),
    )


MUTATIONS = {  # what a careless rule might do to the report it was given
    "MUT001": lambda r: r.tables["t3"].rows["total_handled"].cells.__setitem__("total", None),  # a cell
    "MUT002": lambda r: r.tables.pop("t2"),  # drop a table
    "MUT003": lambda r: r.tables["t3"].rows.clear(),
    "MUT004": lambda r: r.tables["t3"].rows["total_handled"].cells.clear(),
    "MUT005": lambda r: r.tables.update(t4=None),
    "MUT006": lambda r: r.parts.clear(),  # empty the parts list
    "MUT007": lambda r: setattr(r, "parts", []),
    "MUT008": lambda r: next(p for p in r.problems if p.detail).detail.clear(),
}


def test_a_rule_cannot_change_what_the_next_rule_sees(seed_report):
    seen = []

    def mutate(self, report, ctx):
        MUTATIONS[self.code](report)
        return []

    def observe(self, report, ctx):
        seen.append(_what_it_sees(report))
        return []

    classes = [_rule(code, mutate) for code in MUTATIONS] + [_rule("MUT999", observe)]
    engine = Engine(ProjectConfig(), Overrides(select=["MUT"]), extra_plugins=[_rules_plugin("m", *classes)])
    findings = engine.check_report(seed_report).findings
    assert seen == [_what_it_sees(parse_file(SEED))]
    failed = {f.message.split("的规则 ")[1][:6] for f in findings if f.code == PLUGIN_ERROR}
    assert failed == set(MUTATIONS)  # each attempt failed and was reported
    assert any("报告模型是只读的" in f.message for f in findings)


def test_read_only_model_still_serialises_copies_and_evolves(seed_report):
    t3 = seed_report.tables["t3"]
    assert isinstance(seed_report.tables, FrozenDict) and isinstance(t3.rows["total_handled"].cells, FrozenDict)
    assert pickle.loads(pickle.dumps(seed_report)) == seed_report
    # what tests/rules/test_cases.py does to build an edited report
    row = t3.rows["total_handled"]
    edited = attrs.evolve(t3, rows={**t3.rows, "total_handled": attrs.evolve(row, cells={**row.cells})})
    assert isinstance(edited.rows, FrozenDict) and edited == t3
    assert isinstance(attrs.evolve(seed_report, parts=list(seed_report.parts)).parts, tuple)
    rendered = FORMATS["json"](Engine(ProjectConfig(), Overrides(select=["EXT"])).check_paths([str(SEED)]), rules=())
    assert json.loads(rendered)[0]["findings"]
