"""Pattern 12: not a report. Key,value lines are refused with a reason; a blank template's empty
tables are one finding per table (tests/layouts/test_empty_cells.py), and no fee or count is read
from a line that is not in a table."""

from __future__ import annotations

import pytest

from ogilint import UnusableInput, parse_file

from ..conftest import FIXTURES
from .common import parse


def test_key_value_lines_are_not_a_report():
    with pytest.raises(UnusableInput, match="不是政府信息公开工作年度报告"):
        parse("第一项,12\n第二项,20\n第三项,5\n收费,3.5\n")


def test_the_blank_template_reads_no_number_anywhere():
    report = parse_file(FIXTURES / "real" / "template-2021.docx")
    cells = [c for t in report.tables.values() for row in t.rows.values() for c in row.cells.values()]
    assert cells and not [c for c in cells if c.kind == "number"]
    assert report.meta.year is None and report.meta.body is None
