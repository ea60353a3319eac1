"""ogilint: checks Chinese government information disclosure annual reports.

Public API (the pytest plugin and third-party rule plugins use only these):
``parse_file``, ``parse_text``, ``parse_bytes``, ``UnusableInput`` and the model classes.
"""

from ogilint.errors import UnusableInput
from ogilint.model import Cell, Meta, Part, Period, Problem, Report, Row, Table
from ogilint.parsing.parser import parse_bytes, parse_file, parse_text

__version__ = "0.1.0"

__all__ = [
    "Cell", "Meta", "Part", "Period", "Problem", "Report", "Row", "Table", "UnusableInput",
    "parse_bytes", "parse_file", "parse_text", "__version__",
]
