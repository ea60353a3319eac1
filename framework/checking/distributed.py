"""Past one machine: the files of a run spread over a Dask cluster (``ogilint check --dask ADDRESS``,
``ogilint.check(..., dask=client)``, or :func:`outcomes` over a ``dask.bag`` of paths).

ogilint supplies a pure function from a file to what it comes to (:meth:`Engine.outcome`: the model
and the findings of the rules that look at one report, or why it could not be read); Dask does the
scheduling, the retries and the data locality. The rules that look across reports then run where the
client is, on every report of the run, so the results are those of ``ogilint check`` on one machine,
in the same order. Each worker builds one engine per configuration and keeps it. The workers read
the files by the paths given: they must see the same paths (a shared file system). On a worker the
per-file time budget does not apply (Dask runs tasks in threads; the budget needs the main thread);
PDF reading keeps its own memory and time limits.
"""

from __future__ import annotations

import threading
from typing import Optional

from ogilint.checking.runner import CheckResult

_engines: dict = {}  # on a worker: (config, overrides, cache folder) -> Engine, built once
_lock = threading.Lock()


def _engine(config, overrides, cache_folder):
    key = (repr(config), repr(overrides), str(cache_folder))
    with _lock:
        if key not in _engines:
            from ogilint.checking.engine import Engine

            engine = Engine(config, overrides)
            if cache_folder is not None:
                engine.use_cache(cache_folder)
            _engines[key] = engine
        return _engines[key]


def outcome(item: tuple, config, overrides, cache_folder=None) -> tuple:
    """What one file comes to (``Engine.outcome``): ``item`` is (path, why the walk will not read it or
    None, whether it may be no report at all); the answer is (path, report, error, skipped reason,
    {code: findings}, seconds)."""
    from ogilint.checking.engine import Collected

    return _engine(config, overrides, cache_folder).outcome(item[0], Collected.of_one(*item))


def items(found) -> list[tuple]:
    """The files of a walk (an ``engine.Collected``) as :func:`outcome` takes them."""
    return [found.item(p) for p in found.files]


def outcomes(bag, config, overrides, cache_folder: Optional[str] = None):
    """A ``dask.bag`` of :func:`items` mapped to their outcomes (lazy: compute it on a cluster)."""
    return bag.map(outcome, config=config, overrides=overrides, cache_folder=cache_folder)


def check_files(engine, found, client, tell, cache_folder: Optional[str] = None) -> list[CheckResult]:
    """The results of ``found.files`` as ``engine._check_files`` gives them, the files read on the
    cluster ``client`` (a ``distributed.Client``) stands for."""
    import dask.bag as db

    work = items(found)
    if not work:
        return engine.finish_all([], found, tell)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    bag = db.from_sequence(work, npartitions=min(len(work), 4 * workers))
    tell("读取", 0, len(work))
    spill = engine.spill_for(len(work))
    answers = [
        spill.keep(a) if spill else a
        for a in client.compute(outcomes(bag, engine.config, engine.overrides, cache_folder)).result()
    ]
    tell("读取", len(work), len(work))
    return engine.finish_all(answers, found, tell, spill)
