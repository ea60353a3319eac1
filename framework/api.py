"""What other programs call: parse a report, check reports. Everything here goes through the same
plugin manager and engine as the command line, so the answers agree with ``ogilint check``.

    import ogilint
    report = ogilint.parse("report.pdf")              # the model (ogilint.model.Report)
    for result in ogilint.check(["reports/"]):        # one CheckResult per file, findings ranked
        print(result.path, [f.code for f in result.findings])
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Optional

from ogilint.checking.config import ProjectConfig, parse_project_config, read_project_config
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry
from ogilint.checking.runner import CheckResult
from ogilint.document import Document
from ogilint.model import Report
from ogilint.reading import guard


@functools.lru_cache(maxsize=1)
def default_manager():
    """The plugin manager of the installed plugins, built once per process."""
    return build_registry().manager


def read_document(path: str | os.PathLike, manager=None) -> Document:
    """The :class:`~ogilint.document.Document` the reader plugins make of a file (before parsing)."""
    return guard.read_document(path, manager or default_manager())


# The parser (lark, the grammar, the table builders) is imported on the first parse, not with
# ogilint: a rerun the result cache answers, and ``ogilint explain``, parse nothing.


def parse_file(path: str | os.PathLike, version: Optional[str] = None, manager=None) -> Report:
    """Read any supported file (text, PDF, DOCX, HTML) through the reader plugins and parse it.
    Raises :class:`ogilint.UnusableInput` with a one-line reason when it cannot be read."""
    from ogilint.parsing import pipeline

    return pipeline.parse_file(path, manager or default_manager(), version=version)


def parse_text(
    text: str, source: Optional[str] = None, encoding: Optional[str] = None, version: Optional[str] = None
) -> Report:
    """Parse a report's text (``source`` names it in the findings; ``version``: the template, else
    detected)."""
    from ogilint.parsing import pipeline

    return pipeline.parse_text(text, source=source, encoding=encoding, version=version)


def parse_bytes(data: bytes, source: Optional[str] = None, version: Optional[str] = None) -> Report:
    """Parse a report's text given as bytes, its encoding detected (UTF-8, UTF-16, GB 18030)."""
    from ogilint.parsing import pipeline

    return pipeline.parse_bytes(data, source=source, version=version)


parse = parse_file


def load_config(config=None) -> ProjectConfig:
    """The project configuration ``check`` runs with: ``None`` is the defaults (nothing is read from
    the working directory); a path names an ``ogilint.toml`` or a ``pyproject.toml`` with a
    ``[tool.ogilint]`` table; a dict is such a table; a :class:`ProjectConfig` is used as it is.
    A configuration that is wrong raises :class:`ogilint.checking.config.ConfigError`."""
    if config is None:
        return ProjectConfig()
    if isinstance(config, ProjectConfig):
        return config
    if isinstance(config, dict):
        return parse_project_config(config, "config")
    return read_project_config(os.fspath(config))


def check(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    config=None,
    ruleset: Optional[str] = None,
    *,
    select: Optional[list] = None,
    ignore: Iterable[str] = (),
    region: Optional[str] = None,
    progress: Optional[Callable[[str, int, int], None]] = None,
    jobs: int = 1,
    cache_dir: Optional[str | os.PathLike] = None,
    dask=None,
) -> Iterator[CheckResult]:
    """Check files and folders as ``ogilint check`` does, yielding one
    :class:`~ogilint.checking.runner.CheckResult` per file (``path``, ``report``, ranked ``findings``,
    ``error`` when it could not be checked, ``skipped`` for a file of a folder that is no report).

    ``config`` is given explicitly (see :func:`load_config`); the working directory is never read
    for one. ``ruleset`` (a built-in name or a TOML file), ``select``, ``ignore`` and ``region`` win
    over the configuration, as the command line's options do. ``progress(stage, done, total)`` is
    told as files are read ("读取") and checked ("检查"), and as a scan's pages are read by OCR in
    this process ("OCR 识别"). ``jobs`` > 1 spreads the files over that many worker
    processes (the same results, in the same order). ``cache_dir`` keeps and reuses results of
    unchanged files there (no cache unless given). ``dask`` — a ``distributed.Client`` or a scheduler's
    address ("tcp://scheduler:8786") — reads and checks the files on that cluster (the ``dask``
    extra; the workers must see the same paths)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    overrides = Overrides(ruleset=ruleset, select=select, ignore=list(ignore), region=region)
    engine = Engine(load_config(config), overrides)
    if cache_dir is not None:
        engine.use_cache(cache_dir)
    if isinstance(dask, str):
        from distributed import Client

        with Client(dask) as client:
            yield from engine.check_paths([os.fspath(p) for p in paths], progress, dask=client)
        return
    yield from engine.check_paths([os.fspath(p) for p in paths], progress, jobs, dask=dask)


__all__ = [
    "check",
    "default_manager",
    "load_config",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "read_document",
]
