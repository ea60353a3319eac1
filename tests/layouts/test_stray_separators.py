"""Pattern 6: one cell per line with stray separators ("0 |", a line of just "|")."""

from __future__ import annotations

from .common import parse, values

HEADER = "三、收到和处理政府信息公开申请情况\n申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
END = "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n四、政府信息公开行政复议、行政诉讼情况\n"


def test_cells_with_a_trailing_bar_and_a_bar_alone():
    cells = "5 |\n0 |\n0\n|\n0 |\n0 |\n0 |\n5 |\n"
    report = parse(HEADER + "一、本年新收政府信息公开申请数量\n" + cells + END)
    assert values(report, "t3", "new_received") == [5, 0, 0, 0, 0, 0, 5]
    assert values(report, "t3", "carried_over") == [1, 0, 0, 0, 0, 0, 1]


def test_a_bar_alone_between_label_and_cells():
    cells = "|\n7\n|\n0\n0\n0\n0\n0\n7\n"
    report = parse(HEADER + "一、本年新收政府信息公开申请数量\n" + cells + END)
    assert values(report, "t3", "new_received") == [7, 0, 0, 0, 0, 0, 7]
