"""The command line on hostile names, texts, outputs and configs (issue 10, items 11–13).

Every run is a subprocess under a timeout and an address-space limit (``tests/bounded.py``); the
answer must be a proper exit code and never a traceback. Inputs are built here, in ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ogilint
from ogilint.checking.config import ConfigError, find_project_config, load_ruleset
from ogilint.output.serialize import report_json
from tests.bounded import _limit_memory, ogilint_bounded
from tests.conftest import SEEDS

SEED = SEEDS / "000_6424f50ad3d5c809.txt"  # a whole 2021 report
SEED_WITH_ERROR = SEEDS / "002_0b3756e79a1f4c29.txt"  # exits 1 (FEE003: 12872.06 万元 from a science bureau)
# What a terminal obeys: ESC (ANSI and OSC sequences), BEL, CR, backspace, bidi and zero-width.
TERMINAL_CONTROLS = ("\x1b", "\x07", "\r", "\x08", "\u202e", "\u2066", "\u200b", "\u200f")


def _run(*args: str, cwd=None, stdout=subprocess.PIPE, close_stdout=False, seconds=60):
    """``python -m ogilint ARGS`` as ``ogilint_bounded`` runs it, with a working directory (the
    project config is found from it) and a chosen or closed stdout."""

    def limit():
        _limit_memory()
        if close_stdout:
            os.close(1)

    proc = subprocess.run(
        [sys.executable, "-m", "ogilint", *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=seconds,
        preexec_fn=limit,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), err[-500:]
    assert "Traceback" not in err, err[-500:]
    return proc.returncode, (proc.stdout or b""), err


def _non_utf8_name(folder: Path) -> Path:
    """A report whose file name holds the byte 0xff (not UTF-8); skip where the file system
    refuses such names."""
    raw = os.path.join(os.fsencode(folder), b"\xff-report.txt")
    try:
        with open(raw, "wb") as fh:
            fh.write(SEED.read_bytes())
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    return Path(os.fsdecode(raw))


# --- item 11: terminal safety ----------------------------------------------------------------------


def test_escapes_in_report_text_and_file_names_are_shown_escaped(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    hostile = seed.replace("运城市科学技术局", "运城市\x1b[2J技术局\x08\r\u202e", 1)  # the title
    hostile = hostile.replace("一、本生", "一、本\x1b]0;pwned\x07生", 1)  # a row EXT009 cites
    hostile = hostile.replace("(一) 予以公开", "(一) 予以\x1b[31m公开\u2066", 1)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(hostile, encoding="utf-8")
    # A name that would forge a header and a summary line, and an unusable file (stderr).
    forged = "b.txt  伪造\n== forged.txt  假标题  (2021年版格式, 0 项发现)\n共 9 份报告: 0 个错误\x1b[2K.txt"
    (folder / forged).write_text(seed, encoding="utf-8")
    (folder / "c\x1b[2J\u202e.txt").write_text("", encoding="utf-8")
    _non_utf8_name(folder)
    proc = ogilint_bounded("check", str(folder), seconds=60)
    assert proc.returncode == 1  # the empty file is unusable: a finding on it, the others checked
    for stream in (proc.stdout, proc.stderr):
        assert not any(ch in stream for ch in TERMINAL_CONTROLS), [ch for ch in TERMINAL_CONTROLS if ch in stream]
    lines = proc.stdout.split("\n")
    headers = [line for line in lines if line.startswith("== ")]
    assert len(headers) == 3 and all(line.startswith(f"== {folder}/") for line in headers)
    assert f"== {folder}/\\xff-report.txt  " in proc.stdout  # a name that is not UTF-8, on a UTF-8 stdout
    assert sum(line.startswith("共 ") for line in lines) == 1 and lines[-2].startswith("共 4 份报告")
    assert "\\n== forged.txt" in proc.stdout and "\\x1b[2K" in proc.stdout
    assert "\\x1b]0;pwned\\x07" in proc.stdout  # the cited source line
    assert "c\\x1b[2J\\u202e.txt" in proc.stderr and len(proc.stderr.strip().split("\n")) == 1


def test_invisible_characters_in_headings_and_cells_do_not_hide_them(tmp_path):
    """U+202E, zero-width characters and variation selectors inside a heading or a table row read
    as the spaces they stand for: the model equals the one of the same text with spaces, to the
    column (normalisation is one character for one)."""
    seed = SEED.read_text(encoding="utf-8")
    edits = [
        ("一、总体情况", "一、总{}体情{}况"),  # a part heading
        ("二、主动公开", "二、主{}动{}公开"),
        ("(一) 予以公开", "(一){}予以公开"),  # a table 三 row label
        ("社会 公益 组织", "社会{}公益{}组织"),  # a table 三 column header
    ]
    invisible = iter(["\u202e", "\u200b", "\ufe0f", "\u2060", "\u200d", "\u2066", "\u2069"])
    hostile, spaced = seed, seed
    for old, new in edits:
        marks = [next(invisible) for _ in range(new.count("{}"))]
        hostile = hostile.replace(old, new.format(*marks), 1)
        spaced = spaced.replace(old, new.format(*" " * len(marks)), 1)
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    after = json.loads(ogilint_bounded("parse", str(tmp_path / "hostile.txt")).stdout)
    before = report_json(ogilint.parse_text(spaced))
    assert [p["number"] for p in after["parts"]] == [1, 2, 3, 4, 5, 6]
    for key in ("parts", "tables", "problems"):
        assert after[key] == before[key], key


def test_parse_tree_is_escaped(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(seed.replace("一、总体情况", "一、总体情况\x1b]0;pwned\x07\x08\r\u202e", 1), encoding="utf-8")
    tree = ogilint_bounded("parse", str(report), "--format", "tree").stdout
    assert "总体情况" in tree and not any(ch in tree for ch in TERMINAL_CONTROLS)


# --- item 12: output safety ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])  # text: see the terminal test above
def test_non_utf8_file_names_work_in_every_format(tmp_path, fmt):
    folder = tmp_path / "reports"
    folder.mkdir()
    _non_utf8_name(folder)
    out = tmp_path / f"out.{fmt}"
    proc = ogilint_bounded("check", str(folder), "--format", fmt, "--output", str(out), "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    text = out.read_bytes().decode("utf-8")  # valid UTF-8, whatever the name
    if fmt == "json":
        data = json.loads(text)
        assert data[0]["file"].endswith("\\xff-report.txt") and data[0]["findings"]
    elif fmt == "sarif":  # the exact bytes in the URI
        location = json.loads(text)["runs"][0]["results"][0]["locations"][0]
        assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("%FF-report.txt")
    else:
        assert "\\xff-report.txt" in text


def test_unwritable_outputs_are_one_line_errors(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(SEED.read_bytes())
    cases = {"a folder": str(tmp_path), "a missing folder": str(tmp_path / "missing" / "out.txt")}
    if os.path.exists("/dev/full"):
        cases["a full disk"] = "/dev/full"
    for what, target in cases.items():
        code, out, err = _run("check", str(report), "--output", target)
        assert (code, out) == (2, b""), what
        assert len(err.strip().split("\n")) == 1 and err.startswith("ogilint: "), (what, err)
    assert report.read_bytes() == SEED.read_bytes()


def test_a_closed_or_full_stdout_is_a_one_line_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(SEED.read_bytes())
    code, _, err = _run("check", str(report), "--format", "json", close_stdout=True)
    assert code == 2 and len(err.strip().split("\n")) == 1 and "标准输出" in err
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            code, _, err = _run("parse", str(report), stdout=full)
        assert code == 2 and len(err.strip().split("\n")) == 1 and "标准输出" in err


def test_output_inside_the_input_folder_is_never_read_back_nor_an_input_overwritten(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_WITH_ERROR.read_bytes())
    os.mkfifo(folder / "pipe.txt")  # skipped by the folder walk, also when the output is left out of it
    out = folder / "ogilint.txt"  # a report suffix: a folder walk would pick it up
    first = ogilint_bounded("check", str(folder), "--output", str(out))
    result = out.read_bytes()
    second = ogilint_bounded("check", str(folder), "--output", str(out))
    assert (first.returncode, second.returncode) == (1, 1) and out.read_bytes() == result  # 1: the FIFO skipped
    assert b"ogilint.txt" not in result and result.count(b"\n== ") + result.startswith(b"== ") == 1
    assert b"pipe.txt: " in result and re.search(
        r"共 2 份报告: 1 个错误, \d+ 个警告, \d+ 个提示; 其中 1 份无法检查\n\Z".encode(), result
    )
    # an output file that is a report of the folder, or a named input, is refused and kept
    html = folder / "b.html"
    html.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["check", str(folder), "--output", str(html)], ["check", str(out), "--output", str(out)]):
        before = {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}
        proc = ogilint_bounded(*args)
        assert proc.returncode == 2 and proc.stdout == "" and "不会覆盖" in proc.stderr
        assert {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()} == before


# --- item 13: config types -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "config, key, expected",
    [
        ("ruleset = 5", "ruleset", "应是名称 (非空字符串)"),
        ("select = 5", "select", "应是字符串数组"),
        ("[options]\nFEE003 = 5", "options.FEE003", "应是表"),
    ],
)
def test_wrong_types_in_the_project_config_name_the_key(tmp_path, config, key, expected):
    (tmp_path / "ogilint.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    code, out, err = _run("check", "r.txt", cwd=tmp_path)
    assert (code, out) == (2, b"")
    assert err.startswith("ogilint: 配置错误: ") and f" {key} " in err and expected in err, err
    assert len(err.strip().split("\n")) == 1


@pytest.mark.parametrize(
    "config, key, expected",
    [
        ('select = "FEE"', "select", "应是字符串数组"),  # would select the letters F and E
        ('extend-select = "TXT"', "extend-select", "应是字符串数组"),
        ("ignore = [1]", "ignore", "每一项应是字符串"),
        ("region = 5", "region", "应是字符串"),
        ('ruleset = ""', "ruleset", "不能是空字符串"),
        ("options = 5", "options", "应是表"),
        ("severity = 5", "severity", "应是表"),
        ('[severity]\nFEE003 = ["error"]', "severity.FEE003", "应是字符串"),
        ('[per-file-ignores]\n"*.txt" = "STR005"', "per-file-ignores.*.txt", "应是字符串数组"),
        ("per-file-ignores = 5", "per-file-ignores", "应是表"),
        ("fail-on = []", "fail-on", "应是字符串"),
        ("format = 5", "format", "应是字符串"),
        ('format = "xml"', "format", "应是字符串 (text"),
    ],
)
def test_every_project_key_checks_its_type(tmp_path, config, key, expected):
    """The same check for every key, without a process per case."""
    (tmp_path / "ogilint.toml").write_text(config + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        find_project_config(str(tmp_path))
    assert f" {key} " in str(exc.value) and expected in str(exc.value), str(exc.value)


@pytest.mark.parametrize(
    "ruleset, key",
    [
        ("extends = 5", "extends"),
        ('select = "FEE"', "select"),
        ("rules = 5", "rules"),
        ("[rules]\nFEE003 = 5", "rules.FEE003"),
        ("[rules.FEE003]\nseverity = 5", "rules.FEE003.severity"),
        ("[rules.FEE003]\noptions = 5", "rules.FEE003.options"),
        ("template = 2021", "template"),
    ],
)
def test_wrong_types_in_a_rule_set_name_the_key(tmp_path, ruleset, key):
    (tmp_path / "mine.toml").write_text(ruleset + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_ruleset(str(tmp_path / "mine.toml"))
    assert f" {key} 应是" in str(exc.value), str(exc.value)


@pytest.mark.parametrize("pyproject", ["tool = 5", "[tool]\nogilint = 5"])
def test_wrong_types_in_pyproject(tmp_path, pyproject):
    (tmp_path / "pyproject.toml").write_text(pyproject + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="应是表"):
        find_project_config(str(tmp_path))


def test_format_in_the_project_config_is_the_default_output_format(tmp_path):
    """``format`` was a known key that did nothing; now it chooses the output of ``check``."""
    (tmp_path / "ogilint.toml").write_text('format = "json"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    code, out, _ = _run("check", "r.txt", cwd=tmp_path)
    assert json.loads(out)[0]["file"] == "r.txt"
