"""Chinese throughout: what a Chinese reader meets is Chinese.

- ``ogilint explain`` prints each rule's docstring: its sections are 原因 / 不通过的例子 / 通过的例子,
  its prose Chinese, and the severity a Chinese word;
- ``--help`` and argparse's usage errors are Chinese, with the English option names;
- findings name rows and columns by their Chinese labels: no message or hint of a finding on the
  fixtures (and the rule cases) holds a canonical key of the tables (those stay in JSON and SARIF).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from ogilint import cli, cli_words, spec
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry
from ogilint.spec.templates import TEMPLATE_2019, TEMPLATE_2021
from tests.conftest import FIXTURES, REPO

BUILTIN = [cls for cls in build_registry().rule_classes() if cls.__module__.startswith("ogilint.plugins.")]
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_CODE_SPAN = re.compile(r"``[^`\n]*``")
MIN_CJK_SHARE = 0.75  # the Chinese docstrings hold 87% or more; the English ones held 5–58%


def cjk_share(text: str) -> float:
    """Chinese characters among the letters of ``text`` (Chinese and Latin), code spans left out."""
    text = _CODE_SPAN.sub("", text)
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    return cjk / max(1, cjk + latin)


# --- ogilint explain ------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", BUILTIN, ids=lambda cls: cls.code)
def test_rule_documentation_is_chinese(cls):
    doc = cls.documentation()
    for english in ("Why:", "Fails:", "Passes:"):
        assert english not in doc, f"{cls.code}: {english}"
    for section in ("原因:", "不通过的例子:", "通过的例子:"):
        assert re.search(f"^{section}", doc, re.M), f"{cls.code}: no line opens with {section}"
    assert doc.splitlines()[0].rstrip("。").strip(), f"{cls.code}: no summary sentence"
    assert cjk_share(doc) >= MIN_CJK_SHARE, f"{cls.code}: {cjk_share(doc):.0%} Chinese"


@pytest.mark.parametrize(("code", "word"), [("EXT001", "错误"), ("EXT002", "警告"), ("DOM003", "提示")])
def test_explain_names_the_severity_in_chinese(code, word, capsys):
    assert cli.main(["explain", code]) == 0
    out = capsys.readouterr().out
    head = out.split("\n\n", 1)[0]
    assert f"默认严重级别: {word}" in head
    assert not re.search(r"\b(error|warning|info)\b", head), head
    assert "原因:" in out and "Why:" not in out


def test_rules_lists_severities_in_chinese(capsys):
    assert cli.main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.search(r" (错误|警告|提示) ", line) for line in lines)
    assert not any(re.search(r" (error|warning|info) ", line) for line in lines)


# --- --help and usage errors ----------------------------------------------------------------------


def ogilint(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "ogilint", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env
    )


ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program's", "error:")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--help",), ("--version", "-h", "check", "parse", "explain", "rules")),
        (
            ("check", "--help"),
            ("--format", "--output", "--select", "--extend-select", "--ignore", "--ruleset", "--fail-on", "PATH"),
        ),
        (("parse", "--help"), ("--format", "FILE")),
        (("explain", "-h"), ("CODE",)),
    ],
)
def test_help_is_chinese_with_english_option_names(args, names, tmp_path):
    proc = ogilint(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for english in ARGPARSE_ENGLISH:
        assert english not in proc.stdout, english
    assert proc.stdout.startswith("用法: ogilint")
    assert "显示此帮助信息并退出" in proc.stdout
    for name in names:
        assert name in proc.stdout, name


def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action.choices, dict):  # the subcommands' parsers
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_option_of_every_command_has_a_chinese_help():
    for parser in _parsers(cli.build_parser()):
        for action in parser._actions:
            if isinstance(action.choices, dict):
                continue  # the subcommands: each has its own help line
            shown = action.option_strings or [action.metavar or action.dest]
            assert action.help and _CJK.search(action.help), f"{parser.prog} {shown[0]}: no Chinese help"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("check",), "缺少必需的参数: PATH"),
        (("check", "x.txt", "--format", "nope"), "参数 --format: 无效的取值 'nope'"),
        (("check", "x.txt", "--bogus"), "无法识别的参数: --bogus"),
        (("nope",), "参数 COMMAND: 无效的取值 'nope'"),
        (("check", "x.txt", "--timeout", "soon"), "参数 --timeout: 不是秒数: 'soon'"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(args, said, tmp_path):
    proc = ogilint(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert said in proc.stderr, proc.stderr
    assert "错误: " in proc.stderr and proc.stderr.startswith("用法: ogilint")
    for english in ARGPARSE_ENGLISH:
        assert english not in proc.stderr, english


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("the following arguments are required: FILE, CODE", "缺少必需的参数: FILE, CODE"),
        (
            "argument --format: invalid choice: 'x' (choose from 'json', 'tree')",
            "参数 --format: 无效的取值 'x' (可选: 'json', 'tree')",
        ),
        (
            "argument --format: invalid choice: 'x' (choose from json, tree)",
            "参数 --format: 无效的取值 'x' (可选: json, tree)",
        ),
        ("argument --two: expected 2 arguments", "参数 --two: 需要 2 个值"),
        ("argument --output/-o: expected one argument", "参数 --output/-o: 需要一个值"),
        ("ambiguous option: --f could match --format, --fail-on", "选项有歧义: --f 可能是 --format, --fail-on"),
        ("argument --n: invalid int value: 'q'", "参数 --n: 无效的 int 值: 'q'"),
        ("不是秒数: 'x'", "不是秒数: 'x'"),  # ogilint's own words pass unchanged
    ],
)
def test_translate(english, chinese):
    assert cli_words.translate(english) == chinese


def test_other_parsers_keep_their_words():
    """Only ogilint's parsers speak Chinese: argparse itself and gettext are left as they were."""
    import argparse

    cli.build_parser()
    assert argparse.ArgumentParser(prog="x").format_help().startswith("usage: x")


# --- messages name rows and columns in Chinese -----------------------------------------------------


def canonical_keys() -> set[str]:
    """Every row, column and table key of both template versions, and each part of a dotted row key."""
    keys = {"t2", "t3", "t4", spec.T3_SUBTOTAL, *spec.T3_CATEGORIES, *spec.T4_GROUPS}
    for version in (TEMPLATE_2019, TEMPLATE_2021):
        for table in spec.tables_for(version).values():
            keys.update(table.columns)
            for row in table.rows:
                keys.add(row.key)
                keys.update(row.key.split("."))
    return keys


KEY_WORD = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(sorted(canonical_keys(), key=len, reverse=True)) + r")(?![A-Za-z0-9_])"
)
_PATH = re.compile(r"[\w./-]*/[\w.-]*\.[A-Za-z0-9]{1,5}\b")  # a file named in a hint ("tests/fixtures/real/…")


def keys_in(text: str) -> list[str]:
    return KEY_WORD.findall(_PATH.sub("", text or ""))


def test_key_word_pattern():
    assert keys_in("表三「granted」行") == ["granted"]
    assert keys_in("按最左列缺失处理:made、published") == ["made", "published"]
    assert keys_in("[t3.granted.total]") == ["t3", "granted", "total"]
    assert keys_in("本年新制作数量/本年新公开数量") == []
    assert keys_in("核对 2021 年报告 (tests/fixtures/real/other-2021.txt) 的结转数") == []
    assert keys_in("表三「(一)予以公开」行「自然人」列") == []


def _findings_on_fixtures():
    engine = Engine(ProjectConfig(), Overrides(select=["ALL"]))
    for res in engine.check_paths([str(FIXTURES)]):
        for f in res.findings:
            yield os.path.relpath(res.path, REPO), f


def test_no_canonical_key_in_the_messages_on_the_fixtures():
    found = [
        f"{path}: {f.code} {f.message} | {f.hint}"
        for path, f in _findings_on_fixtures()
        if keys_in(f.message) or keys_in(f.hint)
    ]
    assert not found, "\n".join(found)


def test_no_canonical_key_in_the_messages_of_the_rule_cases():
    from tests.rules.test_cases import ALL, run_case

    found = [
        f"{code} {case['name']}: {f.message} | {f.hint}"
        for code, cases in ALL.items()
        for case in cases
        for f in run_case(code, case)
        if keys_in(f.message) or keys_in(f.hint)
    ]
    assert not found, "\n".join(found)
