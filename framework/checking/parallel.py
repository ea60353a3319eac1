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
from typing import Optional

from ogilint.checking.budget import time_budget
from ogilint.checking.runner import CheckResult
from ogilint.errors import CheckTimeout
from ogilint.rule import Run

_engine = None  # the worker's Engine, built once by _start
IN_FLIGHT_PER_WORKER = 4


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _start(config, overrides) -> None:
    global _engine
    from ogilint.checking.engine import Engine

    _engine = Engine(config, overrides)


def _work(path: str, unreadable: Optional[str], maybe_report: bool):
    """One file in a worker: (path, report or None, error, skipped reason, {code: findings}, seconds)."""
    from ogilint.checking.engine import Collected

    found = Collected(files=[path], unreadable={path: unreadable} if unreadable else {})
    if maybe_report:
        found.maybe_reports.add(path)
    report, error, skipped = _engine.read(path, found)
    if report is None:
        return path, None, error, skipped, None, 0.0
    try:
        with time_budget(_engine.overrides.timeout):
            local, seconds = _engine.local_findings(report, path)
    except CheckTimeout:
        return path, None, _engine.timed_out(path, "规则检查").error, None, None, 0.0
    return path, report, None, None, local, seconds


def _in_order(pool, found):
    """The workers' answers in the order of the walk, with a bounded window of files in flight."""
    window = max(1, getattr(pool, "_max_workers", 1)) * IN_FLIGHT_PER_WORKER
    pending: collections.deque = collections.deque()
    files = iter(found.files)
    for path in files:
        pending.append((path, pool.submit(_work, path, found.unreadable.get(path), path in found.maybe_reports)))
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


def check_files(engine, found, jobs: int, tell) -> list[CheckResult]:
    """The results of ``found.files`` (an ``engine.Collected``) as ``engine._check_files`` gives them."""
    total = len(found.files)
    answers = []
    with futures.ProcessPoolExecutor(
        max_workers=min(jobs, total), initializer=_start, initargs=(engine.config, engine.overrides)
    ) as pool:
        for done, answer in enumerate(_in_order(pool, found)):
            tell("读取", done, total)
            path, report, error, skipped, local, seconds = answer
            if skipped is not None:
                found.skipped[path] = skipped
            else:
                answers.append(answer)
    tell("读取", total, total)
    run = Run(a[1] for a in answers if a[1] is not None)
    results = []
    total = len(answers)
    for path, report, error, _, local, seconds in answers:
        tell("检查", len(results), total)
        if report is None:
            results.append(CheckResult(path=path, report=None, findings=[], error=error))
            continue
        try:
            with time_budget(engine.overrides.timeout):
                results.append(engine.finish_report(report, path, local, seconds, run.seen_from(report)))
        except CheckTimeout:
            results.append(engine.timed_out(path, "规则检查"))
    tell("检查", total, total)
    return results
