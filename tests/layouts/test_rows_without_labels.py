"""Pattern 8: the whole table on one line, or rows without labels. Aligned by the shape when it is
certain; otherwise the table says it could not be read — values are never poured into the bottom rows."""

from __future__ import annotations

import re

from ..conftest import FIXTURES
from .common import kinds, parse, values

TEXT = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
LINES = TEXT.split("\n")
START = next(i for i, line in enumerate(LINES) if line.startswith("三、收到和处理"))
END = next(i for i, line in enumerate(LINES) if line.startswith("四、政府信息公开行政复议"))
HEADER = "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
# The 25 rows of huaian's table 三 (lines 84-127), each a line whose last seven words are numbers.
ROWS = [m.group(0).split() for line in LINES[START:END] if (m := re.search(r"\d+( \d+){6}$", line))]


def _with_table(lines: list[str]) -> str:
    return "\n".join(LINES[: START + 1] + [HEADER] + lines + LINES[END:])


def test_the_whole_table_on_one_line_is_read_by_its_shape():
    assert len(ROWS) == 25
    report = parse(_with_table([" ".join(n for row in ROWS for n in row)]))
    reference = parse(TEXT)
    for key in reference.tables["t3"].rows:
        assert values(report, "t3", key) == values(reference, "t3", key), key
    assert [k for k in kinds(report) if k[1] == "t3"] == [("label-missing", "t3", None)]


def test_rows_without_labels_and_fewer_than_the_format_are_not_guessed():
    report = parse(_with_table([" ".join(row) for row in ROWS[:-3]]))
    table = report.tables["t3"]
    assert {c.kind for row in table.rows.values() for c in row.cells.values()} <= {"missing"}
    assert ("table-unreadable", "t3", None) in kinds(report)
    assert not [k for k in kinds(report) if k[0] == "row-missing" and k[1] == "t3"]


def test_all_rows_without_labels_fill_the_table_exactly():
    report = parse(_with_table([" ".join(row) for row in ROWS]))
    reference = parse(TEXT)
    assert values(report, "t3", "total_handled") == values(reference, "t3", "total_handled")
    assert values(report, "t3", "granted") == values(reference, "t3", "granted")


def test_rows_of_eight_numbers_are_read_by_the_identities():
    """Each row of huaian's table 三 with a serial number before its seven numbers ("1 3001 53 …"):
    the identities leave only the serial to drop; every value stays in its column."""
    out, serial = [], 0
    for number, line in enumerate(LINES, start=1):
        m = re.match(r"^(.*?)\s*(\d+(?: \d+){6})$", line) if 84 <= number <= 127 else None
        if m:
            serial += 1
            line = f"{m.group(1)} {serial} {m.group(2)}"
        out.append(line)
    report, reference = parse("\n".join(out)), parse(TEXT)
    assert serial == 25
    for key in reference.tables["t3"].rows:
        assert values(report, "t3", key) == values(reference, "t3", key), key
    assert {k[0] for k in kinds(report) if k[1] == "t3"} == {"cell-extra"}
