"""``ogilint check --jobs N``: worker processes read and check the files, the rules that look across
reports run where every report is; the output is byte-identical to one process, in the same order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import MIN_FILES_FOR_WORKERS, Engine, Overrides, collect
from tests.conftest import SEEDS, run_folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return run_folder(tmp_path_factory.mktemp("jobs"), 12)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ogilint", *args], capture_output=True, timeout=600)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_two_workers_print_what_one_process_prints(folder, fmt):
    one, two = (
        _cli("check", str(folder), "--jobs", "1", "--format", fmt),
        _cli("check", str(folder), "-j", "2", "--format", fmt),
    )
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert b"IDN005" in two.stdout  # the rule across years saw the other year's report


def test_the_workers_run_in_a_clean_process(folder):
    """Worker processes are started (in a process of its own: a test harness that restores
    sys.modules between tests makes the workers' functions unpicklable, and the engine then checks
    in one process, as it should)."""
    code = (
        "import sys\n"
        "from ogilint.checking import parallel\n"
        "from ogilint.checking.config import ProjectConfig\n"
        "from ogilint.checking.engine import Engine, Overrides, collect\n"
        "engine = Engine(ProjectConfig(), Overrides())\n"
        "results = parallel.check_files(engine, collect([sys.argv[1]]), 2, lambda *a: None)\n"
        "print(len(results), sum(len(r.findings) for r in results))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    reports, findings = (int(x) for x in proc.stdout.split())
    assert reports == sum(1 for p in folder.rglob("*") if p.suffix in (".txt", ".doc")) and findings > reports


def test_the_workers_really_ran_and_the_cross_year_rule_ran_here(folder):
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    assert files >= MIN_FILES_FOR_WORKERS
    engine = Engine(ProjectConfig(), Overrides())
    told = []
    serial = engine.check_paths([str(folder)], jobs=1)
    parallel = engine.check_paths([str(folder)], lambda *a: told.append(a), jobs=2)
    assert [r.path for r in parallel] == [r.path for r in serial]
    assert [[(f.code, f.location, f.message) for f in r.findings] for r in parallel] == [
        [(f.code, f.location, f.message) for f in r.findings] for r in serial
    ]
    idn005 = [f for r in parallel for f in r.findings if f.code == "IDN005" and r.path.endswith("pingtan-2022.txt")]
    assert idn005, "IDN005 needs pingtan-2021 beside pingtan-2022"
    assert told[-1][0] == "检查" and told[-1][1] == told[-1][2]


def test_jobs_is_validated():
    proc = _cli("check", str(SEEDS), "--jobs", "0")
    assert proc.returncode == 2 and "进程数应在 1 到 256 之间" in proc.stderr.decode()


def test_a_program_read_from_standard_input_checks_in_one_process(folder):
    """A new process cannot import a program that came on standard input (``python -``): the run
    goes on in one process, with the same answer and no traceback from a worker that could not start."""
    script = f"import ogilint\nprint(sum(len(r.findings) for r in ogilint.check([{str(folder)!r}], jobs=2, cache_dir=None)))\n"
    piped = subprocess.run([sys.executable, "-"], input=script.encode(), capture_output=True, timeout=600)
    alone = subprocess.run([sys.executable, "-c", script.replace("jobs=2", "jobs=1")], capture_output=True, timeout=600)
    assert piped.returncode == 0 and b"Traceback" not in piped.stderr, piped.stderr[-2000:]
    assert piped.stdout == alone.stdout and int(piped.stdout) > 0


def test_a_system_without_shared_semaphores_checks_in_one_process(folder, monkeypatch):
    """No /dev/shm (some containers): the pool and its queue cannot be made; the run says nothing
    of it and checks in one process, with the same findings."""
    from ogilint.checking import parallel

    class NoSemaphores:
        def SimpleQueue(self):  # multiprocessing's name
            raise OSError(38, "Function not implemented")

    engine = Engine(ProjectConfig(), Overrides())
    serial = engine.check_paths([str(folder)], jobs=1)
    monkeypatch.setattr(parallel, "worker_context", lambda: NoSemaphores())
    with pytest.raises(parallel.WorkersUnavailable):
        parallel.check_files(engine, collect([str(folder)]), 2, lambda *a: None)
    fallen_back = engine.check_paths([str(folder)], jobs=2)
    assert [[(f.code, f.location) for f in r.findings] for r in fallen_back] == [
        [(f.code, f.location) for f in r.findings] for r in serial
    ]
