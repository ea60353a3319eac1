"""Pattern 3: an empty cell is a position. In a web page or Word table an empty <td> (``&nbsp;``,
spaces, nothing) keeps its column, a trailing one too; a row of empty cells is a row and does not
swallow the label of the next; a wholly blank table is one finding, not one per cell."""

from __future__ import annotations

from ogilint import parse_file

from ..conftest import FIXTURES
from .common import kinds, values

HEAD = (
    "<html><head><meta charset='utf-8'></head><body><p>某某局2023年政府信息公开工作年度报告</p>"
    "<p>三、收到和处理政府信息公开申请情况</p><table>"
    "<tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
    "<td>法律服务机构</td><td>其他</td><td>总计</td></tr>"
)
TAIL = "</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>"


def _page(tmp_path, rows: str):
    path = tmp_path / "page.html"
    path.write_text(HEAD + rows + TAIL, encoding="utf-8")
    return parse_file(path)


def test_blank_cells_keep_the_values_to_their_right_in_place(tmp_path):
    report = _page(
        tmp_path,
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>26</td><td>&nbsp;</td><td> </td><td></td>"
        "<td>&nbsp;</td><td>3</td><td>29</td></tr>",
    )
    assert values(report, "t3", "new_received") == [26, "blank", "blank", "blank", "blank", 3, 29]


def test_trailing_blank_cells_count(tmp_path):
    report = _page(
        tmp_path,
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>26</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>&nbsp;</td><td>&nbsp;</td></tr>",
    )
    assert values(report, "t3", "new_received") == [26, 0, 0, 0, 0, "blank", "blank"]


def test_an_all_blank_row_keeps_its_own_label(tmp_path):
    report = _page(
        tmp_path,
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>&nbsp;</td><td></td><td></td><td></td><td></td>"
        "<td></td><td>&nbsp;</td></tr>"
        "<tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>1</td></tr>",
    )
    assert values(report, "t3", "new_received") == ["blank"] * 7
    assert values(report, "t3", "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert report.tables["t3"].rows["carried_over"].label.startswith("二、上年结转")


def test_a_county_bureau_page_with_empty_legal_entity_cells():
    """shuyang-fgj-2023.html: the five 法人或其他组织 cells of table 三 are empty <td>s on every row."""
    report = parse_file(FIXTURES / "real" / "shuyang-fgj-2023.html")
    assert values(report, "t3", "new_received") == [26, "blank", "blank", "blank", "blank", "blank", 26]
    assert values(report, "t3", "total_handled") == [26, "blank", "blank", "blank", "blank", "blank", 26]


def test_the_blank_national_template_gives_one_finding_per_table():
    """template-2021.docx: the national format as a Word file, every table empty."""
    report = parse_file(FIXTURES / "real" / "template-2021.docx")
    for table in ("t2", "t3", "t4"):
        assert {c.kind for row in report.tables[table].rows.values() for c in row.cells.values()} == {"blank"}
    assert [k for k in kinds(report) if k[0] == "table-empty"] == [
        ("table-empty", "t2", None),
        ("table-empty", "t3", None),
        ("table-empty", "t4", None),
    ]
    assert not [k for k in kinds(report) if k[0] in ("row-missing", "cell-missing", "label-missing")]
