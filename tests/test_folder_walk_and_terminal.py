"""Nothing in a folder is dropped in silence (reports in formats that cannot be read are unreadable
reports with a reason; other files are listed as skipped), and the terminal habits: a progress bar
on a terminal only, colours on a terminal only and never with NO_COLOR; and the Python API, which
reads no configuration from the caller's working directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import ogilint
from ogilint.checking.engine import collect
from ogilint.reading.ocr import ocr_installed
from tests.conftest import SEEDS

SEED = SEEDS / "002_0b3756e79a1f4c29.txt"  # FEE003 (error) and two EXT002 warnings
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # the head of a legacy Word (.doc) file


def _cli(*args, cwd=None, env=None, **kw):
    full = {**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "ogilint", *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=full, **kw
    )


@pytest.fixture
def folder(tmp_path):
    """Two reports, one legacy .doc, a web archive, a scan, a README.md, a spreadsheet, a hidden file."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEED, root / "a.txt")
    shutil.copy(SEEDS / "001_48885ef824cbd5d4.txt", root / "sub" / "b.txt")
    (root / "old.doc").write_bytes(OLE)
    (root / "sub" / "page.mht").write_bytes(b"MIME-Version: 1.0\r\n")
    (root / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    (root / "README.md").write_text("# 说明\n\n这个文件夹放着各单位的年度报告。\n", encoding="utf-8")
    (root / "统计.xlsx").write_bytes(b"PK\x03\x04")
    (root / ".DS_Store").write_bytes(b"\0")
    (root / "~$临时.docx").write_bytes(b"\0" * 162)  # Word's lock file beside an open document
    return root


def test_the_walk_names_a_reason_for_every_file(folder):
    found = collect([str(folder)])
    names = {os.path.relpath(p, folder) for p in found.files}
    assert names == {
        "a.txt",
        os.path.join("sub", "b.txt"),
        "old.doc",
        os.path.join("sub", "page.mht"),
        "scan.jpg",
        "README.md",
    }
    assert "网页归档" in found.unreadable[str(folder / "sub" / "page.mht")]
    if not ocr_installed():  # with the ocr extra an image is read (and this one refused as damaged)
        assert "OCR" in found.unreadable[str(folder / "scan.jpg")]
    assert sorted(found.skipped) == [str(folder / "~$临时.docx"), str(folder / "统计.xlsx")]
    assert ".xlsx 不是可检查的报告格式" in found.skipped[str(folder / "统计.xlsx")]


def test_a_folder_run_lists_unreadable_and_skipped_files(folder):
    proc = _cli("check", str(folder))
    assert proc.returncode == 1  # unreadable reports among readable ones: a finding on each
    out = proc.stdout
    assert f"{folder / 'old.doc'}: 无法检查: 这是旧版 Word (.doc) 文件" in out
    assert f"{folder / 'sub' / 'page.mht'}: 无法检查: 这是网页归档 (MHT)" in out
    assert f"{folder / 'scan.jpg'}: 无法检查: 这是图片文件" in out
    # a README beside the reports and the spreadsheet are listed, not counted as reports
    assert "跳过的文件 (3 个,未检查):" in out
    assert f"{folder / 'README.md'}  (不是年度报告 (" in out
    assert f"{folder / '~$临时.docx'}  (办公软件的临时文件或锁文件,不是报告)" in out
    assert f"{folder / '统计.xlsx'}  (.xlsx 不是可检查的报告格式" in out
    assert ".DS_Store" not in out
    assert out.rstrip().splitlines()[-1].startswith("共 5 份报告: 1 个错误")


def test_a_folder_of_nothing_but_skipped_files_is_a_usage_error(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    proc = _cli("check", str(tmp_path))
    assert proc.returncode == 2
    assert "没有找到可检查的报告文件" in proc.stderr


def test_skipped_files_are_marked_in_json_and_are_notes_in_sarif(folder):
    import json

    doc = json.loads(_cli("check", str(folder), "--format", "json").stdout)
    skipped = [r for r in doc if r.get("skipped")]
    assert [os.path.basename(r["file"]) for r in skipped] == ["README.md", "~$临时.docx", "统计.xlsx"]
    sarif = json.loads(_cli("check", str(folder), "--format", "sarif").stdout)
    levels = {
        os.path.basename(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): n["level"]
        for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    }
    assert levels == {
        "README.md": "note",
        "~%24%E4%B8%B4%E6%97%B6.docx": "note",
        "%E7%BB%9F%E8%AE%A1.xlsx": "note",
        "old.doc": "error",
        "page.mht": "error",
        "scan.jpg": "error",
    }


def _on_a_terminal(args, env, columns=100):
    """Run the CLI with stdout and stderr on a pseudo-terminal ``columns`` wide (0: a terminal that
    tells no size); what the terminal showed."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        os.environ.update(env)
        os.execv(sys.executable, [sys.executable, "-m", "ogilint", *args])
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.waitpid(pid, 0)
    return shown.decode("utf-8", "replace")


@pytest.mark.parametrize("columns", [100, 0])
def test_a_terminal_gets_a_progress_bar_and_colours(folder, columns):
    shown = _on_a_terminal(["check", str(folder)], {"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}, columns)
    assert "读取:" in shown and "检查:" in shown and "/6 [" in shown  # tqdm's bars on stderr, per stage
    assert "\x1b[1;31m错误\x1b[0m" in shown  # the severity word in colour


def test_no_color_and_no_progress_turn_them_off_on_a_terminal(folder):
    shown = _on_a_terminal(["check", str(folder)], {"NO_COLOR": "1", "NO_PROGRESS": "1", "TERM": "xterm"})
    assert "\x1b[" not in shown and "读取" not in shown


def test_a_pipe_gets_neither_bar_nor_colours(folder):
    proc = _cli("check", str(folder))
    assert "\x1b" not in proc.stdout and "\x1b" not in proc.stderr and "\r" not in proc.stderr


def test_force_color_paints_a_pipe():
    proc = _cli("check", str(SEED), env={"FORCE_COLOR": "1"})
    assert "\x1b[1mFEE003\x1b[0m \x1b[1;31m错误\x1b[0m" in proc.stdout


# --- the Python API ----------------------------------------------------------------------------


def test_check_yields_results_and_reads_no_config_from_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "ogilint.toml").write_text('ignore = ["FEE", "EXT"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    results = ogilint.check(str(SEED))
    assert not isinstance(results, list)  # an iterator: results as they come
    [res] = list(results)
    assert "FEE003" in [f.code for f in res.findings]  # the working directory's ignore was not read
    [res] = ogilint.check([SEED], config=tmp_path / "ogilint.toml")
    assert [f.code for f in res.findings if f.code.startswith(("FEE", "EXT"))] == []
    [res] = ogilint.check([SEED], config={"ignore": ["EXT"]}, ruleset="national-2021")
    assert "FEE003" in [f.code for f in res.findings] and "EXT002" not in [f.code for f in res.findings]


def test_check_reports_progress_when_asked():
    told = []
    list(ogilint.check([SEEDS], progress=lambda stage, done, total: told.append((stage, done, total))))
    assert ("读取", 5, 5) in told and ("检查", 5, 5) in told


def test_a_wrong_config_file_is_a_config_error(tmp_path):
    from ogilint.checking.config import ConfigError

    with pytest.raises(ConfigError):
        list(ogilint.check([SEED], config=tmp_path / "missing.toml"))


def test_python_dash_m_ogilint_runs_the_command_line():
    proc = _cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("ogilint ")
