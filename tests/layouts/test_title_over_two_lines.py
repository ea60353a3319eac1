"""Pattern 10 of issue 11, first half: the report's title over two lines.

PDF text breaks a long title where the printed line ends: sh-bgt-2025 (上海市人民政府办公厅, a markdown
transcription of the PDF) has "2025 年上海市人民政府办公厅政府信息公开" on line 2 and "工作年度报告" on
line 3; hongze-2023 and huaian-2024 put the body on a line of its own above "2023年政府信息公开工作
年度报告". The title, body and year come out of either, pointing at the title's first line.
"""

from __future__ import annotations

import pytest

from .common import fixture_lines, parse

BODY = "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n"


def test_year_and_body_on_the_first_line_rest_on_the_second():
    report = parse(fixture_lines("real/sh-bgt-2025.md", 1, 20))
    meta = report.meta
    assert meta.title == "2025年上海市人民政府办公厅政府信息公开工作年度报告"
    assert meta.body == "上海市人民政府办公厅"
    assert meta.year == 2025
    assert meta.title_line == 2


def test_body_above_the_year_line():
    report = parse(fixture_lines("real/huaian-2024.txt", 1, 20))
    assert report.meta.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert report.meta.body == "淮安市人民政府"


@pytest.mark.parametrize(
    "title,expected,body",
    [
        (
            "洪泽区人民政府\n2023年政府信息公开\n工作年度报告\n",
            "洪泽区人民政府2023年政府信息公开工作年度报告",
            "洪泽区人民政府",
        ),
        (
            "某县人民政府2023年政府信\n息公开工作年度报告\n",
            "某县人民政府2023年政府信息公开工作年度报告",
            "某县人民政府",
        ),
        (
            "某县发展和改革局2023年政府信息\n公开年度报告\n",
            "某县发展和改革局2023年政府信息公开年度报告",
            "某县发展和改革局",
        ),
    ],
    ids=["three-lines", "broken-inside-a-word", "broken-before-the-last-words"],
)
def test_title_broken_anywhere(title, expected, body):
    report = parse(title + BODY)
    assert (report.meta.title, report.meta.body, report.meta.year) == (expected, body, 2023)


def test_a_sentence_after_a_dated_line_is_no_title():
    """A short dated line followed by a sentence is not a title's first half."""
    report = parse("2023年政府信息公开\n工作情况如下,现报告如下。\n一、总体情况\n本年度工作有序开展。\n")
    assert report.meta.title is None


@pytest.mark.parametrize(
    "head",
    [
        "# 某某县人民政府\n# 2024年政府信息公开工作年度报告\n",
        "**某某县人民政府2024年政府信息公开工**\n**作年度报告**\n",
    ],
)
def test_a_markdown_title_over_two_lines(head):
    report = parse(head + "一、总体情况\n本年度工作有序开展。\n")
    assert report.meta.title == "某某县人民政府2024年政府信息公开工作年度报告"
    assert report.meta.body == "某某县人民政府"
