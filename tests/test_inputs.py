"""Every input gets an answer: encodings are detected, unusable input is refused with a reason."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ogilint import UnusableInput, parse_bytes, parse_file
from ogilint.cli import main

from .conftest import SEEDS

SEED = SEEDS / "002_0b3756e79a1f4c29.txt"


def _cells(report):
    return {
        (t, r, c): (cell.value, cell.kind, cell.line)
        for t, table in report.tables.items()
        for r, row in table.rows.items()
        for c, cell in row.cells.items()
    }


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_encodings_give_the_same_tables(encoding):
    text = SEED.read_text(encoding="utf-8")
    data = text.encode(encoding, errors="strict") if encoding != "gbk" else text.encode("gbk", "replace")
    report = parse_bytes(data)
    assert _cells(report) == _cells(parse_file(SEED))


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "空"),
        (b"   \n\n  ", "空"),
        (bytes(range(256)) * 20, "二进制"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        ("今天天气很好,我们去公园散步。".encode(), "不是政府信息公开"),
    ],
)
def test_unusable_input(data, reason):
    with pytest.raises(UnusableInput) as exc:
        parse_bytes(data)
    assert reason in exc.value.reason


def test_input_is_not_modified(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(SEED.read_bytes())
    before = path.stat().st_mtime_ns, path.read_bytes()
    parse_file(path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_cli_parse_exit_codes(tmp_path, capsys):
    assert main(["parse", str(SEED)]) == 0
    assert '"t3"' in capsys.readouterr().out
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ogilint: ") and "\n" not in err
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert main(["parse", str(tmp_path)]) == 2
    assert main(["parse", str(SEED), "--format", "tree"]) == 0
    assert "requests" in capsys.readouterr().out


def test_console_script_runs():
    out = subprocess.run(
        [sys.executable, "-m", "ogilint.cli", "parse", str(SEED)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
