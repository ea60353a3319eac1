"""Hostile text for the parser: regular expressions, digit splitting, huge numbers (issue: bounded
work on hostile input). Bounds are enforced by a subprocess under a timeout and a memory limit, or by
an alarm around a single search, never by timing a call in the loaded test process."""

from __future__ import annotations

import json
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogilint import UnusableInput, parse_text

from ..bounded import ogilint_bounded
from .regex_audit import BOUND, patterns, slowest

PATTERNS = patterns()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_strings(name):
    """Each pattern of the code base against strings of 10⁵ characters built to make it backtrack."""
    seconds, text = slowest(PATTERNS[name])
    assert seconds <= BOUND, f"{name} took {seconds:.1f} s on {text!r}: {PATTERNS[name].pattern!r}"


def _report(tmp_path, text: str, name: str = "r.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TITLE = "某县人民政府2022年政府信息公开工作年度报告\n"
T3_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "(一)予以公开",
    "(七)总计",
    "四、结转下年度继续办理",
]


@pytest.mark.parametrize(
    "line",
    [
        "-" * 60 + "|",  # the rule-line pattern's nested quantifier
        "-" * 60 + "\t" + "-" * 60 + "x",
        "2022年" + " " * 100_000 + "x",  # white space between tokens of a date or a title
        "第二十条" + " " * 100_000 + "x",
        "一、" + "x" + " " * 100_000 + "y",  # a heading's tail
        "勾稽关系" * 25_000,
        "第1页" + " " * 100_000 + "x",
    ],
    ids=["dashes-bar", "dashes-tab", "year-spaces", "item-spaces", "heading-spaces", "identity-notes", "footer"],
)
def test_regex_hostile_lines_get_an_answer(tmp_path, line):
    path = _report(tmp_path, TITLE + "三、收到和处理政府信息公开申请情况\n" + line + "\n" + line + "\n")
    proc = ogilint_bounded("check", str(path), "--format", "json", seconds=60)
    assert proc.returncode in (0, 1)
    assert json.loads(proc.stdout)[0]["file"] == str(path)


def test_table_four_of_long_digit_runs_is_bounded(tmp_path):
    """Three runs of 40 digits for table 四's fifteen cells: too many readings, said as such."""
    runs = " ".join(d * 40 for d in "123")
    path = _report(tmp_path, TITLE + "四、政府信息公开行政复议、行政诉讼情况\n" + runs + "\n")
    proc = ogilint_bounded("parse", str(path), seconds=60)
    problems = json.loads(proc.stdout)["problems"]
    assert any(p["kind"] == "split-ambiguous" and "过多" in p["message"] for p in problems)


def test_table_three_of_long_digit_runs_is_bounded(tmp_path):
    rows = "".join(f"{label}{'1234567890' * 4} {'98765432' * 3}\n" for label in T3_ROWS * 5)
    runs = " ".join("1234567890" * 4 for _ in range(3))
    text = (
        TITLE + "三、收到和处理政府信息公开申请情况\n" + rows + "四、政府信息公开行政复议、行政诉讼情况\n" + runs + "\n"
    )
    proc = ogilint_bounded("check", str(_report(tmp_path, text)), "--format", "json", seconds=90)
    assert proc.returncode in (0, 1)


def test_huge_numbers_are_text_and_the_output_stays_json(tmp_path):
    """A 5,000-digit count (int() refuses more than 4,300 digits) and a 400-digit decimal (float()
    gives infinity) are no numbers a report can hold: text, and no Infinity in JSON or SARIF."""
    text = (
        TITLE
        + "一、总体情况\n本年收到申请"
        + "1" * 5000
        + "件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t"
        + "1" * 5000
        + "\t0\t0\t0\t0\t0\t1\n(一)予以公开\t"
        + "1" * 400
        + ".5\t0\t0\t0\t0\t0\t1\n"
    )
    path = _report(tmp_path, text)
    for fmt in ("json", "sarif"):
        proc = ogilint_bounded("check", str(path), "--format", fmt, seconds=60)
        assert "Infinity" not in proc.stdout and "NaN" not in proc.stdout
        json.loads(proc.stdout)
    cells = json.loads(ogilint_bounded("parse", str(path)).stdout)["tables"]["t3"]
    assert cells["new_received"]["natural_person"]["kind"] != "number"
    assert cells["granted"]["natural_person"]["kind"] != "number"


# --- property: regex-hostile lines and digit runs ---------------------------------------------

PREFIXES = ["", "2022年", "一、", "第二十条", "统计期限", "索引号:", "(一)予以公开", "1.", "第1页"]
FILLERS = [" ", "\t", "-", "1", "0", "年", "、", "1 ", "-\t", "一"]


class _TooSlow(Exception):
    pass


def _parse_within(text: str, seconds: int = 20):
    """parse_text under an alarm: a hang fails the example instead of stalling the suite."""

    def alarm(*_):
        raise _TooSlow(f"no answer in {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        parse_text(text)
    except UnusableInput as exc:
        assert exc.reason
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PREFIXES), st.sampled_from(FILLERS), st.integers(1, 20_000), st.sampled_from("x|。 9")
        ),
        min_size=1,
        max_size=4,
    )
)
def test_generated_hostile_lines(parts):
    lines = [prefix + filler * count + end for prefix, filler, count, end in parts]
    _parse_within(TITLE + "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(alphabet="0123456789", min_size=1, max_size=300), min_size=1, max_size=8), st.booleans())
def test_generated_digit_runs(runs, table_four):
    if table_four:
        body = "四、政府信息公开行政复议、行政诉讼情况\n" + " ".join(runs)
    else:
        body = "三、收到和处理政府信息公开申请情况\n" + "".join(f"{T3_ROWS[i % 5]}{r}\n" for i, r in enumerate(runs))
    _parse_within(TITLE + body)


# --- the gate: nothing passes unchecked ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        TITLE,
        TITLE + "一、总体情况\n本年度,我局认真贯彻",
        TITLE + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0",
    ],
    ids=["only-a-title", "cut-in-part-one", "cut-in-table-three"],
)
def test_a_text_that_stops_mid_report_does_not_pass(tmp_path, text):
    """Exit 1 under the default gate (fail on error), with one plain finding and no part reported
    missing for what lies beyond the cut."""
    proc = ogilint_bounded("check", str(_report(tmp_path, text)), "--format", "json")
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)[0]["findings"]
    assert [f["code"] for f in findings].count("EXT005") == 1
    missing = " ".join(f["message"] for f in findings if f["code"] == "STR001")
    assert not any(f"第{n}部分" in missing for n in "四五六")  # beyond the cut: not "missing"
