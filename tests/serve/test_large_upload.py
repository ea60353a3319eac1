"""A large upload: past a few hundred files the run keeps its reports on disk (``checking/spill.py``)
and hands back results whose reports are loaded when read; the app names them by their uploads all
the same, and writes the outputs a small run writes."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("starlette", reason="ogilint serve 需要 ogilint[serve] (starlette)")

from ogilint.checking import engine as engine_module
from ogilint.serve import work

from ..conftest import SEEDS


def _job(tmp_path, name: str) -> tuple[dict, dict]:
    uploads, results = tmp_path / name / "uploads", tmp_path / name / "results"
    results.mkdir(parents=True)
    shutil.copytree(SEEDS, uploads)
    names = {p.name: f"上传/{p.name}" for p in uploads.iterdir()}
    summary = work.check_job(str(uploads), names, None, None, str(results))
    outputs = {f: (results / file).read_bytes() for f, file in work.OUTPUTS.items() if f != "xlsx"}
    return summary, outputs


def test_results_kept_on_disk_are_named_and_written_as_in_memory(tmp_path, monkeypatch):
    small = _job(tmp_path, "small")
    monkeypatch.setattr(engine_module, "SPILL_AFTER", 0)  # every run is "large"
    large = _job(tmp_path, "large")
    assert large[0] == small[0]
    assert all(f["name"].startswith("上传/") for f in small[0]["files"])
    for fmt, data in small[1].items():
        assert large[1][fmt] == data, fmt
