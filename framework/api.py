"""What other programs call: parse a report, check reports. Everything here goes through the same
plugin manager and engine as the command line, so the answers agree with ``ogilint check``.

    import ogilint
    report = ogilint.parse("report.pdf")              # the model (ogilint.model.Report)
    results = ogilint.check(["reports/"])             # one CheckResult per file, findings ranked
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import Optional

from ogilint.checking.config import find_project_config
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.registry import build_registry
from ogilint.checking.runner import CheckResult
from ogilint.document import Document
from ogilint.model import Report
from ogilint.parsing import pipeline
from ogilint.parsing.pipeline import parse_bytes, parse_text
from ogilint.reading import guard


@functools.lru_cache(maxsize=1)
def default_manager():
    """The plugin manager of the installed plugins, built once per process."""
    return build_registry().manager


def read_document(path: str | os.PathLike, manager=None) -> Document:
    """The :class:`~ogilint.document.Document` the reader plugins make of a file (before parsing)."""
    return guard.read_document(path, manager or default_manager())


def parse_file(path: str | os.PathLike, version: Optional[str] = None, manager=None) -> Report:
    """Read any supported file (text, PDF, DOCX, HTML) through the reader plugins and parse it.
    Raises :class:`ogilint.UnusableInput` with a one-line reason when it cannot be read."""
    return pipeline.parse_file(path, manager or default_manager(), version=version)


parse = parse_file


def check(
    paths: Iterable[str | os.PathLike],
    *,
    select: Optional[list] = None,
    ignore: Iterable[str] = (),
    ruleset: Optional[str] = None,
    region: Optional[str] = None,
) -> list[CheckResult]:
    """Check files and folders as ``ogilint check`` does (the project config found from the working
    directory applies; the arguments win over it, as on the command line)."""
    overrides = Overrides(ruleset=ruleset, select=select, ignore=list(ignore), region=region)
    return Engine(find_project_config(), overrides).check_paths([os.fspath(p) for p in paths])


__all__ = ["check", "default_manager", "parse", "parse_bytes", "parse_file", "parse_text", "read_document"]
