"""Rule sets, the project config and the command line's selection, severities and exit codes."""

from __future__ import annotations

import json
import shutil

import pytest

from ogilint.checking.config import (
    ConfigError,
    ProjectConfig,
    builtin_ruleset_names,
    find_project_config,
    load_ruleset,
    parse_project_config,
)
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.selection import resolve
from ogilint.cli import main as ogilint_main

from .conftest import SEEDS

NATIONAL_SELECT = ["EXT", "STR", "IDN", "DOM", "FEE", "DAT", "TXT", "CPY"]


# --- rule sets ------------------------------------------------------------------------------------


def test_builtin_rulesets():
    assert builtin_ruleset_names() == ["henan", "national-2019", "national-2021", "shandong", "shanghai"]


def test_extends_merges_the_base():
    national = load_ruleset("national-2021")
    henan = load_ruleset("henan")
    assert national.select == NATIONAL_SELECT
    assert henan.select == NATIONAL_SELECT  # inherited, henan.toml has no select of its own
    assert henan.chain == ["national-2021", "henan"]
    assert henan.region == "henan"
    assert henan.template == "2021"  # from the base
    assert load_ruleset("national-2019").template == "2019"  # the extending set wins


def test_extends_from_a_file(tmp_path):
    (tmp_path / "mine.toml").write_text(
        'name = "mine"\nextends = "henan"\nselect = ["XYZ"]\nignore = ["EXT004"]\n'
        '[rules.EXT002]\nseverity = "error"\noptions = { group_above = 5 }\n',
        encoding="utf-8",
    )
    rs = load_ruleset(str(tmp_path / "mine.toml"))
    assert rs.select == NATIONAL_SELECT + ["XYZ"]
    assert rs.ignore == ["EXT004"]
    assert rs.severity == {"EXT002": "error"}
    assert rs.options == {"EXT002": {"group_above": 5}, "FEE002": {"decimals": 4}}  # henan's option kept
    assert rs.chain == ["national-2021", "henan", "mine"]


def test_extends_cycle(tmp_path):
    (tmp_path / "a.toml").write_text(f'extends = "{tmp_path / "b.toml"}"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text(f'extends = "{tmp_path / "a.toml"}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="循环继承"):
        load_ruleset(str(tmp_path / "a.toml"))


def test_unknown_ruleset_suggests():
    with pytest.raises(ConfigError) as exc:
        load_ruleset("hennan")
    assert "'henan'" in str(exc.value)


def test_ruleset_unknown_key_and_bad_severity(tmp_path):
    (tmp_path / "k.toml").write_text('extend = "national-2021"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_ruleset(str(tmp_path / "k.toml"))
    assert "'extend'" in str(exc.value) and "'extends'" in str(exc.value)
    (tmp_path / "s.toml").write_text('[rules.EXT001]\nseverity = "fatal"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fatal"):
        load_ruleset(str(tmp_path / "s.toml"))


# --- selection ------------------------------------------------------------------------------------

CODES = ["EXT001", "EXT002", "EXT010", "FEE001", "FEE002", "FEE003"]


def test_select_by_prefix():
    assert resolve(CODES, ["FEE"], []) == {"FEE001", "FEE002", "FEE003"}
    assert resolve(CODES, ["EXT00"], []) == {"EXT001", "EXT002"}
    assert resolve(CODES, ["ALL"], []) == set(CODES)
    assert resolve(CODES, [], []) == set()


def test_longest_prefix_wins():
    assert resolve(CODES, ["FEE"], ["FEE003"]) == {"FEE001", "FEE002"}
    assert resolve(CODES, ["FEE003"], ["FEE"]) == {"FEE003"}
    assert resolve(CODES, ["ALL"], ["EXT"]) == {"FEE001", "FEE002", "FEE003"}
    assert resolve(CODES, ["EXT"], ["ALL"]) == {"EXT001", "EXT002", "EXT010"}
    assert resolve(CODES, ["EXT"], ["EXT0"], ["EXT01"]) == {"EXT010"}


def test_equal_length_ignore_beats_select():
    assert resolve(CODES, ["EXT001"], ["EXT001"]) == set()
    assert resolve(CODES, ["FEE"], ["FEE"], ["FEE"]) == set()


# --- the engine with a project config ------------------------------------------------------------


def _codes(results) -> dict:
    return {res.path.rsplit("/", 1)[-1]: [f.code for f in res.findings] for res in results}


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    return folder


def test_severity_override_from_config(reports):
    base = Engine(ProjectConfig(), Overrides()).check_paths([str(reports / "002_0b3756e79a1f4c29.txt")])
    assert {f.severity for f in base[0].findings if f.code == "EXT002"} == {"warning"}
    engine = Engine(ProjectConfig(severity={"EXT002": "error"}), Overrides())
    [res] = engine.check_paths([str(reports / "002_0b3756e79a1f4c29.txt")])
    ext2 = [f for f in res.findings if f.code == "EXT002"]
    assert len(ext2) == 2 and {f.severity for f in ext2} == {"error"}
    # the rank follows the severity
    assert min(f.rank for f in ext2) > max(f.rank for f in base[0].findings if f.code == "EXT002")


def test_severity_from_ruleset_file_and_config_wins(tmp_path, reports):
    (tmp_path / "rs.toml").write_text(
        'extends = "national-2021"\n[rules.EXT002]\nseverity = "info"\n', encoding="utf-8"
    )
    engine = Engine(ProjectConfig(ruleset=str(tmp_path / "rs.toml")), Overrides())
    [res] = engine.check_paths([str(reports / "002_0b3756e79a1f4c29.txt")])
    assert {f.severity for f in res.findings if f.code == "EXT002"} == {"info"}
    engine = Engine(ProjectConfig(ruleset=str(tmp_path / "rs.toml"), severity={"EXT002": "error"}), Overrides())
    [res] = engine.check_paths([str(reports / "002_0b3756e79a1f4c29.txt")])
    assert {f.severity for f in res.findings if f.code == "EXT002"} == {"error"}


def test_per_file_ignores(tmp_path, reports):
    cfg = parse_project_config(
        {"per-file-ignores": {"reports/00[03]_*.txt": ["EXT002"]}}, str(tmp_path / "ogilint.toml")
    )
    assert cfg.per_file_ignores == {"reports/00[03]_*.txt": ["EXT002"]}
    results = Engine(cfg, Overrides(select=["EXT"])).check_paths([str(reports)])
    codes = _codes(results)
    assert "EXT002" not in codes["000_6424f50ad3d5c809.txt"]
    assert "EXT009" in codes["000_6424f50ad3d5c809.txt"]  # other rules of that file still run
    assert codes["003_10421f3e08d9eefa.txt"] == ["EXT001"]
    assert codes["002_0b3756e79a1f4c29.txt"] == ["EXT002", "EXT002"]  # not matched by the glob


def test_per_file_ignores_basename_glob(tmp_path, reports):
    cfg = ProjectConfig(path=str(tmp_path / "ogilint.toml"), per_file_ignores={"002_*.txt": ["EXT"]})
    assert cfg.ignored_for(str(reports / "002_0b3756e79a1f4c29.txt")) == ["EXT"]
    assert cfg.ignored_for(str(reports / "003_10421f3e08d9eefa.txt")) == []
    codes = _codes(Engine(cfg, Overrides(select=["EXT"])).check_paths([str(reports)]))
    assert codes["002_0b3756e79a1f4c29.txt"] == []
    assert "EXT001" in codes["003_10421f3e08d9eefa.txt"]


def test_unknown_code_error_with_suggestion():
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(select=["EXX001"]), Overrides())
    assert "'EXX001'" in str(exc.value) and "EXT001" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(), Overrides(ignore=["EXT0002"]))
    assert "EXT002" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(severity={"EXT02": "error"}), Overrides())
    assert "'EXT02'" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(per_file_ignores={"*.txt": ["EXTT001"]}), Overrides())
    assert "EXT001" in str(exc.value)


def test_unknown_option_error():
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(path="ogilint.toml", options={"EXT002": {"group_abov": 2}}), Overrides())
    assert "group_abov" in str(exc.value) and "group_above" in str(exc.value)
    with pytest.raises(ConfigError, match="此规则没有选项"):
        Engine(ProjectConfig(path="ogilint.toml", options={"EXT001": {"x": 1}}), Overrides())


@pytest.mark.parametrize(
    "code, options, expected",
    [
        ("FEE003", {"limits": 5}, "应是表"),
        ("FEE003", {"default_limit": "x"}, "应是数字"),
        ("EXT002", {"group_above": True}, "应是数字"),
        ("DAT003", {"department_deadline": ["01-31"]}, "应是字符串"),
    ],
)
def test_option_of_the_wrong_type_is_an_error(code, options, expected):
    """An option's value must be of its default's kind; the error names the rule, the option and
    the kind (no traceback later, inside the rule)."""
    with pytest.raises(ConfigError) as exc:
        Engine(ProjectConfig(path="ogilint.toml", options={code: options}), Overrides())
    assert code in str(exc.value) and next(iter(options)) in str(exc.value) and expected in str(exc.value)


def test_options_of_the_right_kind_are_taken():
    Engine(ProjectConfig(options={"FEE003": {"default_limit": 100.5}, "FEE002": {"decimals": 2}}), Overrides())


def test_unknown_key_error_with_suggestion(tmp_path):
    with pytest.raises(ConfigError) as exc:
        parse_project_config({"selct": ["EXT"]}, "ogilint.toml")
    assert "'selct'" in str(exc.value) and "'select'" in str(exc.value)
    (tmp_path / "ogilint.toml").write_text('extend_select = ["EXT"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        find_project_config(start=str(tmp_path))
    assert "'extend_select'" in str(exc.value) and "'extend-select'" in str(exc.value)


def test_bad_severity_and_fail_on_in_config():
    with pytest.raises(ConfigError, match="'fatal'"):
        parse_project_config({"severity": {"EXT001": "fatal"}}, "ogilint.toml")
    with pytest.raises(ConfigError, match="'warn'"):
        parse_project_config({"fail-on": "warn"}, "ogilint.toml")


def test_pyproject_found_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ogilint]\nruleset = "henan"\nselect = ["EXT001"]\n'
        'fail-on = "warning"\n[tool.ogilint.severity]\nEXT002 = "info"\n',
        encoding="utf-8",
    )
    middle = tmp_path / "a"
    middle.mkdir()
    # a pyproject.toml without [tool.ogilint] on the way up is passed over
    (middle / "pyproject.toml").write_text('[project]\nname = "inner"\n', encoding="utf-8")
    nested = middle / "b" / "c"
    nested.mkdir(parents=True)
    cfg = find_project_config(start=str(nested))
    assert cfg.path == str((tmp_path / "pyproject.toml").resolve())
    assert cfg.ruleset == "henan"
    assert cfg.select == ["EXT001"]
    assert cfg.fail_on == "warning"
    assert cfg.severity == {"EXT002": "info"}


def test_ogilint_toml_beats_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ogilint]\nruleset = "henan"\n', encoding="utf-8")
    (tmp_path / "ogilint.toml").write_text('ruleset = "shanghai"\n', encoding="utf-8")
    nested = tmp_path / "x"
    nested.mkdir()
    assert find_project_config(start=str(nested)).ruleset == "shanghai"


def test_nearest_config_wins(tmp_path):
    (tmp_path / "ogilint.toml").write_text('ruleset = "henan"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.ogilint]\nruleset = "shandong"\n', encoding="utf-8")
    assert find_project_config(start=str(inner)).ruleset == "shandong"
    assert find_project_config(start=str(tmp_path)).ruleset == "henan"


# --- the command line -----------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """Run ``ogilint`` in a folder with the seeds under reports/ and an (empty) ogilint.toml."""
    shutil.copytree(SEEDS, tmp_path / "reports")
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def run(*argv):
        code = ogilint_main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    run.folder = tmp_path
    return run


def _json_codes(out: str) -> list[str]:
    return [f["code"] for r in json.loads(out) for f in r["findings"]]


def test_cli_select_limits_findings(cli):
    code, out, _ = cli("check", "reports", "--format", "json", "--select", "EXT")
    assert sorted(set(_json_codes(out))) == ["EXT001", "EXT002", "EXT004", "EXT009"]
    code, out, _ = cli("check", "reports", "--format", "json", "--select", "EXT001")
    assert _json_codes(out) == ["EXT001"]
    assert code == 1
    code, out, _ = cli("check", "reports", "--format", "json", "--select", "EXT", "--ignore", "EXT002,EXT009")
    assert sorted(set(_json_codes(out))) == ["EXT001", "EXT004"]


def test_cli_select_beats_config_select(cli):
    (cli.folder / "ogilint.toml").write_text('select = ["EXT004"]\n', encoding="utf-8")
    _, out, _ = cli("check", "reports", "--format", "json")
    assert sorted(set(_json_codes(out))) == ["EXT004"]
    _, out, _ = cli("check", "reports", "--format", "json", "--select", "EXT009")
    assert sorted(set(_json_codes(out))) == ["EXT009"]


def test_cli_exit_codes(cli):
    # errors present (EXT001 in 003): 1
    assert cli("check", "reports")[0] == 1
    assert cli("check", "reports", "--exit-zero")[0] == 0
    ext = ("--select", "EXT")  # the extraction family alone, whose findings on the seeds are known
    # only warnings: 0 by default, 1 with --fail-on warning
    assert cli("check", "reports/002_0b3756e79a1f4c29.txt", *ext)[0] == 0
    assert cli("check", "reports/002_0b3756e79a1f4c29.txt", *ext, "--fail-on", "warning")[0] == 1
    assert cli("check", "reports/002_0b3756e79a1f4c29.txt", *ext, "--fail-on", "warning", "--exit-zero")[0] == 0
    # only an info finding (EXT004 in 004): 1 only with --fail-on info
    assert cli("check", "reports/004_7cf50946b776564f.txt", *ext, "--fail-on", "warning")[0] == 0
    assert cli("check", "reports/004_7cf50946b776564f.txt", *ext, "--fail-on", "info")[0] == 1
    # no findings at all
    assert cli("check", "reports/001_48885ef824cbd5d4.txt", *ext, "--fail-on", "info")[0] == 0


def test_cli_fail_on_from_config(cli):
    (cli.folder / "ogilint.toml").write_text('fail-on = "warning"\nselect = ["EXT"]\n', encoding="utf-8")
    assert cli("check", "reports/002_0b3756e79a1f4c29.txt")[0] == 1
    assert cli("check", "reports/002_0b3756e79a1f4c29.txt", "--fail-on", "error")[0] == 0  # CLI wins


def test_cli_usage_errors_exit_2(cli):
    code, _, err = cli("check", "reports", "--select", "EXX001")
    assert code == 2 and "EXT001" in err
    assert cli("check", "reports", "--fail-on", "fatal")[0] == 2  # argparse rejects it
    assert cli("check", "nothing-here")[0] == 2
    (cli.folder / "reports" / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = cli("check", "reports", "--exit-zero")
    assert code == 1 and "empty.txt" in err  # an unchecked file never passes, --exit-zero or not
    (cli.folder / "only").mkdir()
    (cli.folder / "only" / "empty.txt").write_text("", encoding="utf-8")
    assert cli("check", "only")[0] == 2  # nothing could be read at all
    assert cli("check", "reports", "--ruleset", "hennan")[0] == 2
    (cli.folder / "ogilint.toml").write_text("selct = []\n", encoding="utf-8")
    code, _, err = cli("check", "reports/001_48885ef824cbd5d4.txt")
    assert code == 2 and "'select'" in err


def test_cli_explain(cli):
    code, out, _ = cli("explain", "EXT001")
    assert code == 0
    assert out.startswith("EXT001 column-missing — 表三缺少一整列\n")
    assert "默认严重级别: 错误" in out
    assert "表三缺少一整列 (例如「其他」列)。" in out
    assert "原因: 2021 年版格式的表三有七列" in out
    code, out, _ = cli("explain", "ext002")
    assert code == 0 and "EXT002 row-damaged" in out and "group_above = 3" in out


def test_cli_explain_unknown(cli):
    code, out, err = cli("explain", "NOPE")
    assert code == 2
    assert out == ""
    assert "NOPE" in err
    code, _, err = cli("explain", "EXT0001")
    assert code == 2 and "EXT001" in err


def test_cli_no_command_is_usage_error(cli):
    assert cli()[0] == 2
