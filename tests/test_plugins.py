"""Plugins: a third-party rule plugin installed as its own distribution, and broken plugins that
must not stop the run.

The distributions are installed with pip into a folder of their own (``pip install --target``)
that only the ``ogilint`` subprocesses of these tests see (through PYTHONPATH), not into the
running venv: installing the broken plugin there would put an OGI002 finding into every other
check run of the session (and of anyone else using the venv) while it is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry
from ogilint.checking.runner import PLUGIN_ERROR, PLUGIN_LOAD_ERROR
from ogilint.finding import ERROR, WARNING
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule

from .conftest import SEEDS, TESTS

PLUGIN_EXAMPLE = TESTS / "plugin_example"
SEED = SEEDS / "002_0b3756e79a1f4c29.txt"  # two EXT002 findings under the national rule set
SEED_ERR = SEEDS / "003_10421f3e08d9eefa.txt"  # EXT001 (error) and EXT002

BROKEN_PYPROJECT = """\
[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "ogilint-broken-plugin"
version = "9.9.9"

[project.entry-points.ogilint]
broken = "ogilint_broken_plugin"

[tool.setuptools]
py-modules = ["ogilint_broken_plugin"]
"""

BROKEN_MODULE = """\
raise ImportError("ogilint_broken_plugin needs numpy-9000, which is not installed")
"""


def _pip_install_target(source: Path, target: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"pip install {source} failed:\n{proc.stdout}\n{proc.stderr}"


@pytest.fixture(scope="session")
def plugin_sites(tmp_path_factory):
    """{"demo": folder with ogilint-demo-plugin installed, "broken": … ogilint-broken-plugin}."""
    base = tmp_path_factory.mktemp("plugins")
    demo_src = base / "src-demo"
    shutil.copytree(PLUGIN_EXAMPLE, demo_src, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    broken_src = base / "src-broken"
    broken_src.mkdir()
    (broken_src / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    (broken_src / "ogilint_broken_plugin.py").write_text(BROKEN_MODULE, encoding="utf-8")
    sites = {"demo": base / "site-demo", "broken": base / "site-broken"}
    _pip_install_target(demo_src, sites["demo"])
    _pip_install_target(broken_src, sites["broken"])
    yield sites
    shutil.rmtree(base, ignore_errors=True)  # the "uninstall": nothing outside base was touched


def ogilint(*args, site: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-m", "ogilint.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(cwd or TESTS.parent),
        timeout=300,
    )


@pytest.fixture
def hermetic_cwd(tmp_path):
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    return tmp_path


# --- (a) a third-party plugin as its own distribution ---------------------------------------------


def test_example_distribution_is_installed_with_metadata(plugin_sites):
    site = plugin_sites["demo"]
    dist_info = [p for p in site.iterdir() if p.name.endswith(".dist-info")]
    assert [p.name for p in dist_info] == ["ogilint_demo_plugin-0.3.1.dist-info"]
    eps = (dist_info[0] / "entry_points.txt").read_text(encoding="utf-8")
    assert "[ogilint]" in eps and "demo = ogilint_demo_plugin" in eps


def test_rules_lists_the_plugin_rule(plugin_sites, hermetic_cwd):
    proc = ogilint("rules", site=plugin_sites["demo"], cwd=hermetic_cwd)
    assert proc.returncode == 0, proc.stderr
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("XYZ001"))
    assert "demo-part-count" in line and "提示" in line and "demo" in line
    assert "EXT001" in proc.stdout  # the built-in rules are still there
    assert proc.stderr == ""


def test_rules_without_the_plugin_does_not_list_it(hermetic_cwd):
    proc = ogilint("rules", cwd=hermetic_cwd)
    assert proc.returncode == 0
    assert "XYZ001" not in proc.stdout


def test_check_runs_the_plugin_rule(plugin_sites, hermetic_cwd):
    proc = ogilint(
        "check", "--select", "XYZ001", "--format", "json", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd
    )
    assert proc.returncode == 0, proc.stderr  # an info finding does not fail the run
    [res] = json.loads(proc.stdout)
    assert [f["code"] for f in res["findings"]] == ["XYZ001"]
    f = res["findings"][0]
    assert f["severity"] == "info"
    assert f["plugin"] == "demo"
    assert f["message"] == "示例插件: 共 6 个部分"
    assert f["line"] == 9 and f["actual"] == 6


def test_check_plugin_rule_fail_on_info(plugin_sites, hermetic_cwd):
    proc = ogilint(
        "check", "--select", "XYZ001", "--fail-on", "info", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd
    )
    assert proc.returncode == 1
    assert "XYZ001" in proc.stdout


def test_plugin_options_come_from_config(plugin_sites, hermetic_cwd):
    (hermetic_cwd / "ogilint.toml").write_text(
        'extend-select = ["XYZ"]\n[options.XYZ001]\nlabel = "节"\n', encoding="utf-8"
    )
    proc = ogilint("check", "--format", "json", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd)
    codes = [f["code"] for f in json.loads(proc.stdout)[0]["findings"]]
    assert "XYZ001" in codes and "EXT002" in codes  # extend-select keeps the rule set's rules
    msg = next(f["message"] for f in json.loads(proc.stdout)[0]["findings"] if f["code"] == "XYZ001")
    assert msg == "示例插件: 共 6 个节"


def test_selecting_the_plugin_code_without_the_plugin_is_a_config_error(hermetic_cwd):
    proc = ogilint("check", "--select", "XYZ001", str(SEED), cwd=hermetic_cwd)
    assert proc.returncode == 2
    assert "XYZ001" in proc.stderr


# --- (b) broken plugins -------------------------------------------------------------------------


def test_entry_point_whose_import_raises(plugin_sites, hermetic_cwd):
    proc = ogilint("check", "--format", "json", str(SEED_ERR), site=plugin_sites["broken"], cwd=hermetic_cwd)
    assert proc.returncode == 1  # EXT001 and OGI002 are errors; the run finished
    [res] = json.loads(proc.stdout)
    codes = [f["code"] for f in res["findings"]]
    assert "EXT001" in codes and "EXT002" in codes  # the other rules still ran
    [load] = [f for f in res["findings"] if f["code"] == PLUGIN_LOAD_ERROR]
    assert load["plugin"] == "broken"
    assert load["severity"] == ERROR
    assert "broken" in load["message"] and "9.9.9" in load["message"]
    assert "ImportError" in load["message"] and "numpy-9000" in load["message"]


def test_rules_reports_the_broken_entry_point(plugin_sites, hermetic_cwd):
    proc = ogilint("rules", site=plugin_sites["broken"], cwd=hermetic_cwd)
    assert proc.returncode == 0
    assert "EXT001" in proc.stdout
    assert "broken" in proc.stderr and "9.9.9" in proc.stderr and "ImportError" in proc.stderr


def test_broken_entry_point_in_sarif(plugin_sites, hermetic_cwd):
    proc = ogilint("check", "--format", "sarif", str(SEED_ERR), site=plugin_sites["broken"], cwd=hermetic_cwd)
    run = json.loads(proc.stdout)["runs"][0]
    ogi = [r for r in run["results"] if r["ruleId"] == PLUGIN_LOAD_ERROR]
    assert len(ogi) == 1 and ogi[0]["level"] == "error"
    assert any(d["id"] == PLUGIN_LOAD_ERROR for d in run["tool"]["driver"]["rules"])


class _Explodes(Rule):
    """测试用: check() 总是抛出异常。"""

    code = "BRK001"
    name = "explodes"
    summary = "总是出错"
    severity = WARNING

    def check(self, report, ctx):
        yield self.finding("first finding before the crash", line=1)
        raise ZeroDivisionError("division by zero in BRK001")


class _Fine(Rule):
    """测试用: 每份报告一条提示。"""

    code = "BRK002"
    name = "fine"
    summary = "正常"
    severity = WARNING

    def check(self, report, ctx):
        yield self.finding("fine", line=1)


def _module(name: str, **attrs) -> types.ModuleType:
    mod = types.ModuleType(name)
    for k, v in attrs.items():
        setattr(mod, k, v)
    return mod


@pytest.fixture
def crashing_plugin():
    class Explodes(_Explodes):
        plugin = ""

    class Fine(_Fine):
        plugin = ""

    @hookimpl
    def ogilint_rules():
        return [Explodes, Fine]

    return _module("ogilint_crashing_plugin", ogilint_rules=ogilint_rules)


def test_rule_that_raises_in_check(crashing_plugin):
    engine = Engine(ProjectConfig(), Overrides(extend_select=["BRK"]), extra_plugins=[crashing_plugin])
    [res] = engine.check_paths([str(SEED)])
    codes = [f.code for f in res.findings]
    assert codes.count("EXT002") == 2  # the rule set's rules ran
    assert "BRK002" in codes  # so did the other rule of the same plugin
    [crash] = [f for f in res.findings if f.code == PLUGIN_ERROR]
    assert crash.severity == ERROR
    assert crash.plugin == "ogilint_crashing_plugin"
    assert "ogilint_crashing_plugin" in crash.message and "BRK001" in crash.message
    assert "ZeroDivisionError" in crash.message and "division by zero in BRK001" in crash.message
    assert "test_plugins.py:" in crash.message  # where it raised
    # what the rule yielded before it raised is kept
    assert "BRK001" in codes


def test_rule_that_raises_names_the_plugin_version(crashing_plugin):
    engine = Engine(ProjectConfig(), Overrides(extend_select=["BRK"]), extra_plugins=[crashing_plugin])
    [res] = engine.check_paths([str(SEED)])
    [crash] = [f for f in res.findings if f.code == PLUGIN_ERROR]
    assert "local" in crash.message  # extra_plugins get version "local" in the registry


def test_hook_that_raises_is_a_load_failure():
    @hookimpl
    def ogilint_rules():
        raise RuntimeError("cannot build rule list")

    mod = _module("ogilint_hook_raises", ogilint_rules=ogilint_rules)
    engine = Engine(ProjectConfig(), Overrides(), extra_plugins=[mod])
    [res] = engine.check_paths([str(SEED)])
    codes = [f.code for f in res.findings]
    assert codes.count("EXT002") == 2
    [load] = [f for f in res.findings if f.code == PLUGIN_LOAD_ERROR]
    assert load.plugin == "ogilint_hook_raises"
    assert "ogilint_hook_raises" in load.message and "(版本 local)" in load.message
    assert "RuntimeError: cannot build rule list" in load.message


def test_duplicate_rule_code_is_reported_not_shadowed():
    class Impostor(Rule):
        code = "EXT001"
        name = "impostor"
        summary = "冒名"

        def check(self, report, ctx):
            return []

    @hookimpl
    def ogilint_rules():
        return [Impostor]

    registry = build_registry([_module("ogilint_impostor", ogilint_rules=ogilint_rules)])
    assert registry.rules["EXT001"].name == "column-missing"
    [failure] = [f for f in registry.failures if f.plugin == "ogilint_impostor"]
    assert "duplicate rule code EXT001" in failure.error
    assert failure.version == "local"


def test_non_rule_contribution_is_reported():
    @hookimpl
    def ogilint_rules():
        return ["EXT999"]

    registry = build_registry([_module("ogilint_not_a_rule", ogilint_rules=ogilint_rules)])
    [failure] = [f for f in registry.failures if f.plugin == "ogilint_not_a_rule"]
    assert "not a rule class" in failure.error
    assert "EXT999" not in registry.rules


# --- installed plugins are on by default ------------------------------------------------------


def test_an_installed_plugin_runs_without_being_selected(plugin_sites, hermetic_cwd):
    proc = ogilint("check", "--format", "json", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd)
    codes = [f["code"] for f in json.loads(proc.stdout)[0]["findings"]]
    assert "XYZ001" in codes and codes.count("EXT002") == 2  # beside the rule set's rules


def test_an_installed_plugin_is_off_when_ignored_or_not_selected(plugin_sites, hermetic_cwd):
    ignored = ogilint(
        "check", "--ignore", "XYZ", "--format", "json", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd
    )
    assert "XYZ001" not in [f["code"] for f in json.loads(ignored.stdout)[0]["findings"]]
    chosen = ogilint(
        "check", "--select", "EXT", "--format", "json", str(SEED), site=plugin_sites["demo"], cwd=hermetic_cwd
    )
    assert [f["code"] for f in json.loads(chosen.stdout)[0]["findings"]] == ["EXT002", "EXT002"]


def _plugin_of(*rules):
    @hookimpl
    def ogilint_rules():
        return list(rules)

    return _module("ogilint_default_or_not", ogilint_rules=ogilint_rules)


class _Always(Rule):
    code, name, summary, severity = "DFL001", "always", "总是提示", "info"

    def check(self, report, ctx):
        yield self.finding("总是提示一次")


class _OptIn(_Always):
    code, name, opt_in = "DFL002", "opt-in", True


def test_a_plugin_rule_marked_opt_in_runs_only_when_selected():
    plugin = _plugin_of(_Always, _OptIn)
    [res] = Engine(ProjectConfig(), Overrides(), extra_plugins=[plugin]).check_paths([str(SEED)])
    codes = [f.code for f in res.findings]
    assert "DFL001" in codes and "DFL002" not in codes
    [res] = Engine(ProjectConfig(), Overrides(extend_select=["DFL002"]), extra_plugins=[plugin]).check_paths(
        [str(SEED)]
    )
    assert {"DFL001", "DFL002"} <= {f.code for f in res.findings}
