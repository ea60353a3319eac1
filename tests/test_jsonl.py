"""``--format jsonl``: one report per line, the json format's object for it; each line is written as
soon as the report's findings are final, while the run goes on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.output import FORMATS
from tests.conftest import SEEDS


def test_each_line_is_the_json_formats_object(tmp_path):
    results = Engine(ProjectConfig(), Overrides()).check_paths([str(SEEDS)])
    lines = FORMATS["jsonl"](results).splitlines()
    assert [json.loads(line) for line in lines] == json.loads(FORMATS["json"](results))


def test_results_are_told_as_they_are_final():
    engine = Engine(ProjectConfig(), Overrides())
    told = []
    engine.on_result = told.append
    results = engine.check_paths([str(SEEDS)])
    assert [r.path for r in told] == [r.path for r in results] and len(told) == 5


def test_the_command_line_writes_lines_and_skips_its_earlier_output(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    out = folder / "结果.jsonl"  # the suffix picks the format; the file lies in the folder checked
    run = [sys.executable, "-m", "ogilint", "check", str(folder), "-o", str(out), "--no-cache"]
    first = subprocess.run(run, capture_output=True, text=True, timeout=300)
    assert first.returncode == 1, first.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(json.loads(line)["file"].startswith(str(folder)) for line in lines)
    again = subprocess.run(run, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1 and out.read_text(encoding="utf-8").splitlines() == lines  # not read back
