"""Pattern 4: in one-line crawler text table 四's digits run into what follows; numbers after the
table (a hotline, a date) are not its cells, and run-together digits are cut by its identities."""

from __future__ import annotations

from .common import fixture_lines, parse, values

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
