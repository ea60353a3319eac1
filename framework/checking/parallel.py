"""The files of a run read and checked by worker processes (``ogilint check --jobs N``).

Each worker builds its plugin manager once and then takes whole files: it reads one, parses it and
runs the rules that look at that report only. What looks across reports (last year's report of the
same body, the departments of a region) runs in this process, where every report of the run is, on
what the workers send back (``outcome.Outcome``: in a large run the meta and findings only, the
worker having put the model on disk, so this process loads the few models a rule asks for). Each
report's findings are then put together in its plan's order and ranked, so the output is the same
as with one process, byte for byte, in the same order. Files the result cache answers for are
answered here and never sent out.

Files go out a few at a time per worker and come back in the order of the walk: results stream in
order, and no more than a window of them is in flight. A worker reading a scan tells its pages
(``reading/pages.py``) on a queue; while this process waits for a file, the pages of that file
move the progress bar, as they do in one process.
"""

from __future__ import annotations

import collections
import concurrent.futures as futures
import functools
import os
import pickle
import sys
from typing import Optional

from ogilint.checking.outcome import OnDisk, Outcome
from ogilint.checking.runner import CheckResult
from ogilint.reading import isolation, pages

_engine = None  # the worker's Engine, built once by _start
_spill_folder = None  # where the worker puts its models in a large run (spill.py), or None
_pages = None  # the queue a worker tells the pages it reads on: (path, done, total)
IN_FLIGHT_PER_WORKER = 4
PAGE_POLL = 0.25  # seconds: how often the pages told are looked at while a file is awaited


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def worker_context(preload: tuple = ("ogilint.checking.engine",)):
    """A multiprocessing context whose workers start from a clean interpreter ("forkserver", with
    ``preload`` imported once in the server, else "spawn"), never forked from this process: a program
    that calls ``ogilint.check(jobs=…)`` (or a web server, with its event loop) may hold threads, locks
    and patched modules that a forked child would inherit half-way."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def _start(config, overrides, cache_folder, spill_folder=None, pages_queue=None) -> None:
    global _engine, _spill_folder, _pages
    from ogilint.checking.engine import Engine

    _engine, _spill_folder, _pages = Engine(config, overrides), spill_folder, pages_queue
    isolation.keep_a_child()  # the worker's PDFs are read by one child, not a fresh one each
    if cache_folder is not None:
        _engine.use_cache(cache_folder)


def _work(item: tuple):
    """One file in a worker (``item``: ``Collected.item``): its ``Engine.outcome``."""
    from ogilint.checking.engine import Collected

    with pages.listening(functools.partial(_page_read, item[0]) if _pages is not None else None):
        return _engine.outcome(item[0], Collected.of_one(*item), _spill_folder)


def _page_read(path: str, done: int, total: int) -> None:
    _pages.put((path, done, total))


def _in_order(pool, found, ready: dict, heard=None):
    """The answers in the order of the walk (``ready``'s own, the workers' for the others), with a
    bounded window of files in flight; ``heard(path)`` is called while ``path`` is awaited."""
    window = max(1, getattr(pool, "_max_workers", 1)) * IN_FLIGHT_PER_WORKER
    pending: collections.deque = collections.deque()
    for path in found.files:
        pending.append((path, ready[path] if path in ready else _submit(pool, found, path)))
        if len(pending) >= window:
            yield _answer(*pending.popleft(), heard)
    while pending:
        yield _answer(*pending.popleft(), heard)


def _pages_of(queue, tell):
    """``heard(path)``: the pages the workers told since, those of ``path`` shown as its progress."""

    def heard(path: str) -> None:
        while not queue.empty():
            told, done, total = queue.get()
            if told == path:
                tell(pages.STAGE, done, total)

    return heard


def _submit(pool, found, path: str):
    """The future of a file's outcome, or the error that keeps the pool from taking it."""
    try:
        return pool.submit(_work, found.item(path))
    except futures.BrokenExecutor as exc:  # a worker died: the pool takes no more
        return exc


def _answer(path: str, future, heard=None):
    if isinstance(future, (Outcome, OnDisk)):
        return future
    if heard is not None and isinstance(future, futures.Future):
        while not future.done():
            futures.wait([future], timeout=PAGE_POLL)
            heard(path)
        heard(path)  # its last pages, and the queue kept empty: a worker never waits to tell a page
    try:
        if isinstance(future, BaseException):
            raise future
        return future.result()
    except Exception as exc:  # a worker that died (killed, out of memory): this file is not checked
        if isinstance(exc, futures.BrokenExecutor):
            raise _Broken(type(exc).__name__) from None
        return Outcome(path, error=_died(type(exc).__name__))


def _died(what: str) -> str:
    return f"检查进程意外退出,这份报告未能检查 ({what})"


class _Broken(Exception):
    """The pool's workers died: no file given to it can be answered any more."""


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


def check_files(engine, found, jobs: int, tell, spill=None, ready: Optional[dict] = None) -> list[CheckResult]:
    """The results of ``found.files`` (an ``engine.Collected``) as ``engine._check_files`` gives them
    (``spill``: the run's ``spill.Spill`` in a large run; ``ready``: the outcomes at hand, from the
    result cache). Raises :class:`WorkersUnavailable` before any file is read when workers cannot be
    used."""
    ready = ready or {}
    total = len(found.files)
    answers = []
    folder = engine.cache.root.parent if engine.cache is not None else None
    spill_folder = spill.folder if spill is not None else None
    _sendable(_start, _work, engine.config, engine.overrides, folder, spill_folder)
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is not None and not os.path.exists(main):  # "<stdin>": a new process could not import it
        raise WorkersUnavailable(f"主程序 {main} 无法在新进程中导入")
    try:  # a system without the semaphores processes share (no /dev/shm) has no pool and no queue
        context = worker_context()
        told = context.SimpleQueue()  # the pages the workers read (scans), for the progress bar
        pool = futures.ProcessPoolExecutor(
            max_workers=max(1, min(jobs, total - len(ready))),
            mp_context=context,
            initializer=_start,
            initargs=(engine.config, engine.overrides, folder, spill_folder, told),
        )
    except (OSError, ImportError, NotImplementedError) as exc:
        raise WorkersUnavailable(f"无法创建检查进程 ({type(exc).__name__})") from None
    with pool:
        try:
            for done, answer in enumerate(_in_order(pool, found, ready, _pages_of(told, tell))):
                tell("读取", done, total)
                answer.path = found.files[done]  # the walk's string, not a copy of it per report
                answers.append(answer)
        except _Broken as exc:
            if not any(a.path not in ready and a.error is None for a in answers):
                # The workers died before they answered for any file (they could not even start:
                # a program run from standard input, which a new process cannot import): one
                # process does the run.
                raise WorkersUnavailable(f"检查进程无法启动 ({exc})") from None
            answers += [Outcome(p, error=_died(str(exc))) for p in found.files[len(answers) :]]
    tell("读取", total, total)
    return engine.finish_all(answers, found, tell, spill)
