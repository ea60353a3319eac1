"""Files that are not what they seem, and the per-file time budget (issue: bounded work)."""

from __future__ import annotations

import json
import os
import shutil

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides

from ..bounded import ogilint_bounded
from ..conftest import SEEDS

SEED = SEEDS / "004_7cf50946b776564f.txt"


def test_a_fifo_in_a_folder_is_skipped_with_a_reason(tmp_path):
    """A FIFO named like a report would block a reader forever: it is listed with a reason, never
    opened, and the other reports are checked."""
    shutil.copy(SEED, tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    proc = ogilint_bounded("check", str(tmp_path), "--format", "json", "--exit-zero", seconds=60)
    results = {os.path.basename(r["file"]): r for r in json.loads(proc.stdout)}
    assert results["good.txt"]["meta"] is not None
    assert "不是普通文件" in results["pipe.txt"]["error"]
    assert any(line.startswith("ogilint: ") and "pipe.txt" in line for line in proc.stderr.splitlines())


def test_a_file_past_its_time_budget_gets_a_reason_and_the_run_goes_on(tmp_path):
    """With a budget far below what a report needs, each file says 检查超时 and the run ends."""
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
    results = Engine(ProjectConfig(), Overrides(timeout=0.001)).check_paths([str(tmp_path)])
    assert [r.error is not None and "检查超时" in r.error for r in results] == [True, True]


def test_the_default_budget_checks_a_real_report():
    [result] = Engine(ProjectConfig(), Overrides()).check_paths([str(SEED)])
    assert result.error is None and result.report is not None


def test_a_report_from_standard_input_is_read_whole(tmp_path):
    """``-`` and a pipe are read whole before any reader looks at them (the first 8 KiB used to be
    lost to the signature check): the same tables as the file itself."""
    import subprocess
    import sys

    from ..bounded import _limit_memory
    from ..conftest import FIXTURES

    report = FIXTURES / "real" / "pingtan-2019.txt"  # 17 KB, the tables far past the first 8 KiB
    assert report.stat().st_size > 16_384
    from_file = json.loads(ogilint_bounded("parse", str(report)).stdout)
    for arg in ("-", "/dev/stdin"):
        proc = subprocess.run(
            [sys.executable, "-m", "ogilint", "parse", arg],
            input=report.read_bytes(),
            capture_output=True,
            timeout=60,
            preexec_fn=_limit_memory,
        )
        assert proc.returncode == 0, proc.stderr.decode()
        assert json.loads(proc.stdout)["tables"] == from_file["tables"]
