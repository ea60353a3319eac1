"""The result cache: an unchanged file under unchanged settings is not read again, and the answer is
the same; anything that could change it (the file, the configuration, the plugins) is another key."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import ogilint
from ogilint.parsing import pipeline  # the engine imports its parse_file when it first reads a file
from tests.benchmarks.distinct import write
from tests.conftest import SEEDS

SEED = "002_0b3756e79a1f4c29.txt"


def _shown(results):
    return [(r.path, r.error, [(f.code, f.location, f.message, f.severity) for f in r.findings]) for r in results]


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "reports"
    shutil.copytree(SEEDS, root)
    return root


def test_a_rerun_reads_nothing_again_and_answers_the_same(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = list(ogilint.check([folder], cache_dir=cache))

    def never(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(pipeline, "parse_file", never)
    again = list(ogilint.check([folder], cache_dir=cache))
    assert _shown(again) == _shown(first)
    assert again[0].report.meta.title == first[0].report.meta.title


def test_a_changed_file_or_configuration_is_read_again(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    list(ogilint.check([folder], cache_dir=cache))
    parsed = []
    real = pipeline.parse_file
    monkeypatch.setattr(pipeline, "parse_file", lambda path, *a, **k: parsed.append(path) or real(path, *a, **k))
    seed = folder / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("12872.06", "12.06"), encoding="utf-8")
    [changed] = [r for r in ogilint.check([folder], cache_dir=cache) if r.path == str(seed)]
    assert parsed == [str(seed)] and "FEE003" not in [f.code for f in changed.findings]
    parsed.clear()
    results = list(ogilint.check([folder], config={"ignore": ["EXT"]}, cache_dir=cache))
    assert len(parsed) == 5 and not any(f.code.startswith("EXT") for r in results for f in r.findings)


def test_a_damaged_entry_is_a_miss(folder, tmp_path):
    cache = tmp_path / "cache"
    first = list(ogilint.check([folder], cache_dir=cache))
    for entry in (cache / "v1").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _shown(ogilint.check([folder], cache_dir=cache)) == _shown(first)


def _cli(*args, cache):
    env = {**os.environ, "OGILINT_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "ogilint", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def test_no_cache_writes_nothing(folder, tmp_path):
    cache = tmp_path / "cache"
    proc = _cli("check", str(folder), "--no-cache", cache=cache)
    proc.communicate(timeout=300)
    assert proc.returncode == 1 and not cache.exists()
    proc = _cli("check", str(folder), "--cache-dir", str(tmp_path / "named"), cache=cache)
    proc.communicate(timeout=300)
    assert any((tmp_path / "named").rglob("*.pickle")) and not cache.exists()


def test_runs_at_the_same_time_share_a_cache_safely(tmp_path):
    """Two runs over the same folder and cache at once, then a third from the cache: all print what
    a run without a cache prints."""
    folder = tmp_path / "distinct"
    write(folder, 16)
    cache = tmp_path / "cache"
    plain = _cli("check", str(folder), "--no-cache", "--format", "json", cache=cache).communicate(timeout=300)[0]
    runs = [_cli("check", str(folder), "--format", "json", "--jobs", "2", cache=cache) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    warm = _cli("check", str(folder), "--format", "json", cache=cache).communicate(timeout=300)[0]
    assert outputs == [plain, plain] and warm == plain
    assert not list((cache / "v1").rglob(".tmp-*"))  # no half-written entry left behind


def test_installing_the_ocr_engine_reads_every_file_again(folder, tmp_path, monkeypatch):
    """A scan refused before ``ogilint[ocr]`` was installed is read once it is: whether an OCR engine
    is installed, and its version, are part of every entry's key."""
    from ogilint.reading import ocr

    cache = tmp_path / "cache"
    monkeypatch.setattr(ocr, "engine_version", lambda: "")
    list(ogilint.check([folder], cache_dir=cache))
    parsed = []
    real = pipeline.parse_file
    monkeypatch.setattr(pipeline, "parse_file", lambda path, *a, **k: parsed.append(path) or real(path, *a, **k))
    monkeypatch.setattr(ocr, "engine_version", lambda: "1.4.4")
    list(ogilint.check([folder], cache_dir=cache))
    assert len(parsed) == 5


def test_entries_deleted_while_a_run_goes_on_are_read_again_from_the_files(folder, tmp_path, monkeypatch):
    """A rerun holds of each report only where its entry lies (its head is read again when asked, a
    few kept): should the entries be deleted half-way, each report is worked out again from its
    file, and the answer is the same."""
    from ogilint.checking import outcome
    from ogilint.checking.engine import Engine

    cache = tmp_path / "cache"
    first = list(ogilint.check([folder], cache_dir=cache))
    monkeypatch.setattr(outcome.recent_heads, "capacity", 1)
    finish_all = Engine.finish_all

    def deleting_first(self, *args, **kwargs):
        shutil.rmtree(cache)
        return finish_all(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "finish_all", deleting_first)
    again = list(ogilint.check([folder], cache_dir=cache))
    assert _shown(again) == _shown(first)
    assert [r.report.meta.title for r in again if r.report is not None] == [
        r.report.meta.title for r in first if r.report is not None
    ]


_LOADED_AT_EXIT = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("LOADED " + " ".join(sorted(m for m in sys.modules if "." not in m)) + "\\n"))
sys.argv = ["ogilint", *sys.argv[1:]]
runpy.run_module("ogilint", run_name="__main__", alter_sys=True)
"""


def test_a_rerun_from_the_cache_loads_no_parser(folder, tmp_path):
    """Nothing is read again, so neither the parser (lark) nor what only a read needs (the PDF
    engine, the fuzzy matcher of CPY001 without last year's report) is loaded: a rerun starts sooner."""
    env = {**os.environ, "OGILINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", _LOADED_AT_EXIT, "check", str(folder), "--format", "concise", "--jobs", "1"]
    loaded = []
    for _ in range(2):
        run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        assert run.returncode in (0, 1), run.stderr
        loaded.append(set(next(x for x in run.stderr.splitlines() if x.startswith("LOADED ")).split()[1:]))
    assert "lark" in loaded[0]  # the first run reads and parses every file
    assert not {"lark", "rapidfuzz", "pypdfium2", "cn2an", "docx"} & loaded[1]
