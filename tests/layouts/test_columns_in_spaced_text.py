"""Table 三's columns in text whose numbers stand apart by spaces (PDF text): a header naming the 法人
subtotal column (小计) with eight numbers in every row has that column; a header without a column,
with one number fewer in every row, lacks it. Each number written apart is a cell as written."""

from __future__ import annotations

import re

from ..conftest import FIXTURES
from .common import kinds, parse, values

HUAIAN = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
HEADER = HUAIAN.split("\n")[76:83]  # lines 77-83: the header, printed over seven lines
ROW = re.compile(r"^(.*?)\s*(\d+(?: \d+){6})$")


def _rows(edit) -> str:
    out = []
    for number, line in enumerate(HUAIAN.split("\n"), start=1):
        m = ROW.match(line) if 84 <= number <= 127 else None
        out.append(edit(m) if m else line)
    return "\n".join(out)


def _with_subtotal(m) -> str:
    v = [int(x) for x in m.group(2).split()]
    return f"{m.group(1)} " + " ".join(map(str, v[:6] + [sum(v[1:6])] + v[6:]))


def test_the_subtotal_column_in_space_separated_text():
    text = _rows(_with_subtotal).replace(
        "\n".join(HEADER),
        "申请人情况 自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他 小计",
    )
    report = parse(text)
    assert "legal_entity_subtotal" in report.tables["t3"].present_columns
    assert values(report, "t3", "granted") == [1288, 21, 0, 0, 50, 3, 74, 1362]
    assert not [k for k in kinds(report) if k[0] == "cell-extra"]


def test_a_column_missing_from_header_and_rows_in_space_separated_text():
    """The 科研机构 column deleted from the header and from every row (the third number)."""

    def without_research(m) -> str:
        v = m.group(2).split()
        return f"{m.group(1)} " + " ".join(v[:2] + v[3:])

    text = _rows(without_research).replace(
        "\n".join(HEADER), "申请人情况 自然人 法人或其他组织 总计\n商业企业 社会公益组织 法律服务机构 其他"
    )
    report = parse(text)
    assert ("column-missing", "t3", None) in kinds(report)
    assert values(report, "t3", "granted") == [1288, 21, "missing", 0, 50, 3, 1362]
