"""A large run keeps its models and findings on disk (``checking/spill.py``): every output is the same
as when they are kept in memory, the rules across reports still see last year's report, and the
temporary folder is gone once the results are."""

from __future__ import annotations

import gc
import os

import pytest

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.spill import StoredResult
from ogilint.output import FORMATS
from tests.conftest import run_folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return run_folder(tmp_path_factory.mktemp("spill"), 10)


def _run(folder, spill_after: int, jobs: int = 1):
    engine = Engine(ProjectConfig(), Overrides())
    engine.spill_after = spill_after
    return engine, engine.check_paths([str(folder)], jobs=jobs)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "csv", "html"])
def test_every_output_is_the_same_from_disk(folder, fmt):
    engine, kept = _run(folder, spill_after=10**9)
    _, spilled = _run(folder, spill_after=0)
    assert any(isinstance(r, StoredResult) for r in spilled)
    rules = engine.registry.rule_classes()
    assert FORMATS[fmt](spilled, rules=rules) == FORMATS[fmt](kept, rules=rules)


def test_the_rules_across_years_look_up_the_report_on_disk(folder):
    _, spilled = _run(folder, spill_after=0, jobs=2)
    [later] = [r for r in spilled if r.path.endswith("pingtan-2022.txt")]
    assert "IDN005" in [f.code for f in later.findings]


def test_the_temporary_folder_goes_with_the_results(folder):
    _, spilled = _run(folder, spill_after=0)
    stored = next(r for r in spilled if isinstance(r, StoredResult))
    where = stored._run.spill.folder
    assert os.path.isdir(where) and os.listdir(where)
    del stored, spilled
    gc.collect()
    assert not os.path.exists(where)


def test_a_large_run_holds_a_place_per_report_not_its_head(folder, monkeypatch):
    """What a spilled run holds of a report is where it lies: the metas of its reports are read again
    when asked (a few kept), not held one per report until the output is written."""
    from ogilint.checking import engine, outcome
    from ogilint.model import Meta

    def metas() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Meta))

    monkeypatch.setattr(outcome.recent_heads, "capacity", 2)
    monkeypatch.setattr(engine, "RECENT_MODELS", 2)
    before = metas()
    _, spilled = _run(folder, spill_after=0)
    stored = [r for r in spilled if isinstance(r, StoredResult)]
    assert len(stored) > 10
    assert all(isinstance(r._answer, outcome.OnDisk) for r in stored)
    assert metas() - before <= 2 + 2  # the recent heads and models, not one per report
    # and each is there when asked for
    assert [r.report.meta.source for r in stored] == [r.path for r in stored]


def test_each_process_of_a_large_run_appends_to_one_file(folder):
    _, spilled = _run(folder, spill_after=0)
    stored = next(r for r in spilled if isinstance(r, StoredResult))
    names = sorted(os.listdir(stored._run.spill.folder))
    assert len([n for n in names if n.startswith("outcomes-")]) == 1, names
