"""Pattern 5: markdown tables as tools and people make them — one table per row group, "## 表三（续）"
lines and placeholder header rows between the rows, separator rows; the parse equals the text's."""

from __future__ import annotations

import re

from ..conftest import FIXTURES
from .common import parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
ROW = re.compile(r"^(.*?)\s*(\d+(?: \d+){6})$")
BREAK = [
    "",
    "## 表三：收到和处理政府信息公开申请情况（续）",
    "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |",
    "|---|---|---|---|---|---|---|---|",
]


def _as_markdown(breaks_after: tuple[int, ...]) -> str:
    """huaian-2024 with table 三 (lines 84-127) as pipe rows, split into several markdown tables."""
    out = []
    for number, line in enumerate(HUAIAN.split("\n"), start=1):
        m = ROW.match(line) if 84 <= number <= 127 else None
        if m is None:
            out.append(line)
            continue
        out.append("| " + m.group(1) + " | " + " | ".join(m.group(2).split()) + " |")
        if number in breaks_after:
            out += BREAK
    return "\n".join(out)


def test_one_markdown_table_per_row_group_reads_as_the_text():
    report, reference = parse(_as_markdown((85, 104, 112))), parse(HUAIAN)
    for key in reference.tables["t3"].rows:
        assert values(report, "t3", key) == values(reference, "t3", key), key
    assert not [p for p in report.problems if p.table == "t3"]


def test_a_county_transcription_with_placeholder_headers():
    """shuyang-2025.txt: every block of table 三 a markdown table headed "类别 | 数据1 … | 总计"."""
    report = parse((FIXTURES / "real" / "shuyang-2025.txt").read_text(encoding="utf-8"))
    assert values(report, "t3", "new_received") == [705, 3, 0, 0, 5, 0, 713]
    assert values(report, "t3", "other.other") == [142, 1, 0, 0, 0, 0, 143]
    assert values(report, "t3", "total_handled") == [710, 3, 0, 0, 5, 0, 718]
