"""Past one machine: the same run on a Dask LocalCluster with two worker processes gives the results of
the run in one process, in the same order — the rules across years included — through the Python API,
the command line (``--dask ADDRESS``) and :func:`ogilint.checking.distributed.outcomes` over a bag."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ogilint
from tests.conftest import run_folder

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield cluster, client


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return run_folder(tmp_path_factory.mktemp("dask"), 8)


def _shown(results):
    return [(r.path, r.error, r.skipped, [(f.code, f.location, f.message) for f in r.findings]) for r in results]


def test_the_cluster_gives_the_results_of_one_process(cluster, folder):
    _, client = cluster
    serial = list(ogilint.check([folder]))
    on_dask = list(ogilint.check([folder], dask=client))
    assert _shown(on_dask) == _shown(serial)
    assert any(f.code == "IDN005" for r in on_dask for f in r.findings)  # across years, on the client
    assert any(r.error and r.path.endswith("old.doc") for r in on_dask)


def test_the_command_line_runs_on_a_scheduler_address(cluster, folder):
    local, _ = cluster
    args = [sys.executable, "-m", "ogilint", "check", str(folder), "--format", "json", "--no-cache"]
    plain = subprocess.run(args, capture_output=True, timeout=300)
    on_dask = subprocess.run([*args, "--dask", local.scheduler_address], capture_output=True, timeout=300)
    assert on_dask.returncode == plain.returncode == 1
    assert on_dask.stdout == plain.stdout


def test_outcomes_map_over_a_bag_of_paths(cluster, folder):
    import dask.bag as db

    from ogilint.checking.config import ProjectConfig
    from ogilint.checking.distributed import items, outcomes
    from ogilint.checking.engine import Engine, Overrides, collect

    _, client = cluster
    found = collect([str(folder / "seeds")])
    bag = db.from_sequence(items(found), npartitions=2)
    answers = client.compute(outcomes(bag, ProjectConfig(), Overrides())).result()
    engine = Engine(ProjectConfig(), Overrides())
    results = engine.finish_all(list(answers), found, lambda *a: None)
    assert _shown(results) == _shown(engine.check_paths([str(folder / "seeds")]))


def test_an_unreachable_scheduler_is_a_one_line_reason(folder):
    proc = subprocess.run(
        [sys.executable, "-m", "ogilint", "check", str(folder / "seeds"), "--dask", "tcp://127.0.0.1:9", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "无法连接 Dask 调度器" in proc.stderr and "Traceback" not in proc.stderr


def test_pdfs_read_on_the_cluster_as_in_one_process(cluster, tmp_path):
    """Each partition's PDFs are read by one reading child kept for the partition."""
    from pathlib import Path

    _, client = cluster
    real = Path(__file__).parent / "fixtures" / "real"
    for name in ("hongze-2023.pdf", "huaian-2024.pdf"):
        for copy in range(2):
            (tmp_path / f"{copy}-{name}").write_bytes((real / name).read_bytes())
    serial = list(ogilint.check([tmp_path]))
    on_dask = list(ogilint.check([tmp_path], dask=client))
    assert _shown(on_dask) == _shown(serial) and all(r.error is None for r in on_dask)
