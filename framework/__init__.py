"""ogilint: checks Chinese government information disclosure annual reports.

The public face, for programs and plugin authors: :func:`parse` / :func:`parse_file`,
:func:`parse_text`, :func:`parse_bytes`, :func:`check` (``api.py``), :class:`UnusableInput`
(``errors.py``) and the model classes (``model.py``). Rule authors use ``ogilint.rule``,
``ogilint.finding``, ``ogilint.hookspec``, ``ogilint.spec`` and ``ogilint.text``; reader authors
``ogilint.document``.
"""

from ogilint.api import check, parse, parse_bytes, parse_file, parse_text
from ogilint.errors import UnusableInput
from ogilint.model import Cell, Meta, Part, Period, Problem, Report, Row, Table
from ogilint.version import __version__

__all__ = [
    "Cell",
    "Meta",
    "Part",
    "Period",
    "Problem",
    "Report",
    "Row",
    "Table",
    "UnusableInput",
    "check",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "__version__",
]
