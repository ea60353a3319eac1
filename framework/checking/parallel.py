"""The files of a run read and checked by worker processes (``ogilint check --jobs N``).

Each worker builds its plugin manager once and then takes whole files: it reads one, parses it and
runs the rules that look at that report only. What looks across reports (last year's report of the
same body, the departments of a region) runs in this process, where every report of the run is, on
the models the workers send back; each report's findings are then put together in its plan's order
and ranked, so the output is the same as with one process, byte for byte, in the same order.

Files go out a few at a time per worker and come back in the order of the walk: results stream in
order, and no more than a window of them is in flight.
"""

from __future__ import annotations

import collections
import concurrent.futures as futures
import os
import pickle

from ogilint.checking.runner import CheckResult

_engine = None  # the worker's Engine, built once by _start
IN_FLIGHT_PER_WORKER = 4


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context():
    """Workers started from a clean interpreter ("forkserver", else "spawn"), never forked from this
    process: a program that calls ``ogilint.check(jobs=…)`` may hold threads, locks and patched
    modules that a forked child would inherit half-way."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["ogilint.checking.engine"])
        return context
    return multiprocessing.get_context("spawn")


def _start(config, overrides, cache_folder) -> None:
    global _engine
    from ogilint.checking.engine import Engine

    _engine = Engine(config, overrides)
    if cache_folder is not None:
        _engine.use_cache(cache_folder)


def _work(item: tuple):
    """One file in a worker (``item``: ``Collected.item``): its ``Engine.outcome``."""
    from ogilint.checking.engine import Collected

    return _engine.outcome(item[0], Collected.of_one(*item))


def _in_order(pool, found):
    """The workers' answers in the order of the walk, with a bounded window of files in flight."""
    window = max(1, getattr(pool, "_max_workers", 1)) * IN_FLIGHT_PER_WORKER
    pending: collections.deque = collections.deque()
    files = iter(found.files)
    for path in files:
        pending.append((path, pool.submit(_work, found.item(path))))
        if len(pending) >= window:
            yield _answer(*pending.popleft())
    while pending:
        yield _answer(*pending.popleft())


def _answer(path: str, future):
    try:
        return future.result()
    except Exception as exc:  # a worker that died (killed, out of memory): this file is not checked
        reason = f"检查进程意外退出,这份报告未能检查 ({type(exc).__name__})"
        return path, None, reason, None, None, 0.0


class WorkersUnavailable(Exception):
    """Worker processes cannot be used here; the run goes on in this process."""


def _sendable(*objects) -> None:
    """Raise :class:`WorkersUnavailable` when what the workers need cannot be sent to them (a module
    imported twice, as a test harness that restores ``sys.modules`` leaves it, or a configuration
    holding something that does not pickle)."""
    try:
        pickle.dumps(objects)
    except Exception as exc:
        raise WorkersUnavailable(f"{type(exc).__name__}: {exc}") from None


def check_files(engine, found, jobs: int, tell) -> list[CheckResult]:
    """The results of ``found.files`` (an ``engine.Collected``) as ``engine._check_files`` gives them.
    Raises :class:`WorkersUnavailable` before any file is read when workers cannot be used."""
    total = len(found.files)
    answers = []
    folder = engine.cache.root.parent if engine.cache is not None else None
    _sendable(_start, _work, engine.config, engine.overrides, folder)
    spill = engine.spill_for(total)
    with futures.ProcessPoolExecutor(
        max_workers=min(jobs, total),
        mp_context=_context(),
        initializer=_start,
        initargs=(engine.config, engine.overrides, folder),
    ) as pool:
        for done, answer in enumerate(_in_order(pool, found)):
            tell("读取", done, total)
            answers.append(spill.keep(answer) if spill else answer)
    tell("读取", total, total)
    return engine.finish_all(answers, found, tell, spill)
