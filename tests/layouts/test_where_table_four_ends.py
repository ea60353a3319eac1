"""Pattern 4: in one-line crawler text table 四's digits run into what follows; numbers after the
table (a hotline, a date) are not its cells, and run-together digits are cut by its identities."""

from __future__ import annotations

from .common import fixture_lines, kinds, parse, values

# pt-czj-2021.txt: the whole report on line 10; table 四 reads "00 0 00 0 0 0 00 0 0 0 00五、…".
CRAWLER = fixture_lines("real/pt-czj-2021.txt", 1, 12)
ZEROS = "00 0 00 0 0 0 00 0 0 0 00"


def test_the_crawler_table_as_published():
    report = parse(CRAWLER)
    for group in ("review", "litigation_direct", "litigation_after_review"):
        assert values(report, "t4", group) == [0, 0, 0, 0, 0]


def test_two_digit_cells_run_together_are_cut_by_the_identities():
    """ "21317000001324019": 2+1+3+1=7, 0+0+0+0=0, 13+2+4+0=19 is the only cut of the three groups."""
    report = parse(CRAWLER.replace(ZEROS + "五、", "21317000001324019五、"))
    assert values(report, "t4", "review") == [2, 1, 3, 1, 7]
    assert values(report, "t4", "litigation_direct") == [0, 0, 0, 0, 0]
    assert values(report, "t4", "litigation_after_review") == [13, 2, 4, 0, 19]


def test_a_hotline_after_the_table_is_not_read_into_it():
    report = parse(CRAWLER.replace(ZEROS + "五、", "21317000001324019 咨询电话:12345。五、"))
    assert values(report, "t4", "review") == [2, 1, 3, 1, 7]
    assert values(report, "t4", "litigation_after_review") == [13, 2, 4, 0, 19]


def test_a_date_after_the_table_is_not_read_into_it():
    report = parse(CRAWLER.replace(ZEROS + "五、", ZEROS + " 2022 01 13 五、"))
    assert values(report, "t4", "review") == [0, 0, 0, 0, 0]
    assert values(report, "t4", "litigation_after_review") == [0, 0, 0, 0, 0]


def test_digits_run_into_the_date_after_the_table():
    """A crawler glued the signature date to the table: "…000002022年1月20日五、": the year is prose."""
    report = parse(CRAWLER.replace(ZEROS + "五、", "102031200012000002022年1月20日五、"))
    assert values(report, "t4", "review") == [1, 0, 2, 0, 3]
    assert values(report, "t4", "litigation_direct") == [12, 0, 0, 0, 12]
    assert values(report, "t4", "litigation_after_review") == [0, 0, 0, 0, 0]


HEADER = (
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 "
    "结果维持 结果纠正 其他结果 尚未审结 总计\n"
)
TITLE = "某县人民政府2024年政府信息公开工作年度报告\n"
NEXT = "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"


def test_a_number_split_over_two_cells_of_table_four():
    """Sixteen numbers where "12" was cut in two: only reading "1 2" as 12 lets the groups add up;
    nothing shifts into the next group."""
    report = parse(TITLE + HEADER + "1 2 0 3 1 16 1 0 0 0 1 0 0 0 0 0\n" + NEXT)
    assert values(report, "t4", "review") == [12, 0, 3, 1, 16]
    assert values(report, "t4", "litigation_direct") == [1, 0, 0, 0, 1]
    assert ("cell-joined", "t4", None) in kinds(report)


def test_a_surplus_number_on_the_table_row_is_reported():
    report = parse(TITLE + HEADER + "12 0 3 1 16 1 0 0 0 1 0 0 0 0 0 7\n" + NEXT)
    assert values(report, "t4", "litigation_after_review") == [0, 0, 0, 0, 0]
    assert ("cell-extra", "t4", None) in kinds(report)
