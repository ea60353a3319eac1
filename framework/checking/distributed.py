"""Past one machine: the files of a run spread over a Dask cluster (``ogilint check --dask ADDRESS``,
``ogilint.check(..., dask=client)``, or :func:`outcomes` over a ``dask.bag`` of paths).

ogilint supplies a pure function from a file to what it comes to (:meth:`Engine.outcome`: the model
and the findings of the rules that look at one report, or why it could not be read); Dask does the
scheduling, the retries and the data locality. The rules that look across reports then run where the
client is, on every report of the run, so the results are those of ``ogilint check`` on one machine,
in the same order. Each worker builds one engine per configuration and keeps it. The workers read
the files by the paths given: they must see the same paths (a shared file system). On a worker the
per-file time budget does not apply (Dask runs tasks in threads; the budget needs the main thread);
PDF reading keeps its own memory and time limits, in one reading child kept for each partition.
"""

from __future__ import annotations

import threading
from typing import Optional

from ogilint.checking.outcome import OnDisk
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


def outcome(item: tuple, config, overrides, cache_folder=None):
    """What one file comes to (``Engine.outcome``: an ``outcome.Outcome`` with its model, which the
    client may not be able to read from the worker's disk): ``item`` is (path, why the walk will not
    read it or None, whether it may be no report at all)."""
    from ogilint.checking.engine import Collected

    answer = _engine(config, overrides, cache_folder).outcome(item[0], Collected.of_one(*item))
    if isinstance(answer, OnDisk):  # from the worker's result cache: what it holds goes with the answer
        answer = answer.whole()
    return answer


def items(found) -> list[tuple]:
    """The files of a walk (an ``engine.Collected``) as :func:`outcome` takes them."""
    return [found.item(p) for p in found.files]


def outcomes(bag, config, overrides, cache_folder: Optional[str] = None):
    """A ``dask.bag`` of :func:`items` mapped to their outcomes (lazy: compute it on a cluster)."""
    return bag.map_partitions(_outcomes_of, config=config, overrides=overrides, cache_folder=cache_folder)


def _outcomes_of(partition, config, overrides, cache_folder=None) -> list:
    """The outcomes of one partition's items, its PDFs read by one reading child kept for the
    partition (``reading/isolation.py``), not a fresh child each."""
    from ogilint.reading import isolation

    with isolation.keeping_a_child():
        return [outcome(item, config, overrides, cache_folder) for item in partition]


def check_files(
    engine, found, client, tell, cache_folder: Optional[str] = None, spill=None, ready: Optional[dict] = None
) -> list[CheckResult]:
    """The results of ``found.files`` as ``engine._check_files`` gives them, the files read on the
    cluster ``client`` (a ``distributed.Client``) stands for (``spill``: the run's ``spill.Spill`` in a
    large run, where each model goes as it arrives)."""
    import dask.bag as db
    from distributed import as_completed

    ready = ready or {}
    work = [item for item in items(found) if item[0] not in ready]
    got = dict(ready)
    tell("读取", len(got), len(found.files))
    if work:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        bag = db.from_sequence(work, npartitions=min(len(work), 4 * workers))
        parts = client.compute(outcomes(bag, engine.config, engine.overrides, cache_folder).to_delayed())
        for part, answers in as_completed(parts, with_results=True):  # each part to disk as it arrives
            for answer in answers:
                got[answer.path] = _on_disk(answer, spill) if spill is not None else answer
            part.release()
            tell("读取", len(got), len(found.files))
    return engine.finish_all([got[p] for p in found.files], found, tell, spill)


def _on_disk(answer, spill):
    """An outcome with its findings and model put in the run's spill folder."""
    if answer.meta is None:
        return answer
    from ogilint.checking.spill import write_outcome

    return write_outcome(spill.folder, answer)
