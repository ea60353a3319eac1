"""What an evaluator reads first: the overview of a folder run (reports worst first) and
``--statistics``; the one-line formats ``concise`` (as ruff's) and ``github`` (workflow annotations);
CSV for spreadsheets; and the text format's expected/actual line when a rule states only one of them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.runner import CheckResult
from ogilint.finding import Finding, Location
from ogilint.output import FORMATS
from ogilint.output.text import render_finding
from tests.conftest import SEEDS


def _results():
    return Engine(ProjectConfig(), Overrides()).check_paths([str(SEEDS)])


def test_concise_is_one_line_per_finding_then_the_summary():
    results = _results()
    lines = FORMATS["concise"](results).splitlines()
    findings = [f for r in results for f in r.findings]
    assert len(lines) == len(findings) + 1 and lines[-1].startswith(f"共 {len(results)} 份报告")
    fee = next(line for line in lines if " FEE003 " in line)
    assert fee.startswith(str(SEEDS / "002_0b3756e79a1f4c29.txt") + ":47:9: FEE003 错误 聊城市科学技术局")


def test_github_annotations_name_file_line_column_and_rule():
    lines = FORMATS["github"](_results()).splitlines()
    fee = next(line for line in lines if "title=FEE003" in line)
    assert fee.startswith(
        f"::error file={SEEDS / '002_0b3756e79a1f4c29.txt'},line=47,col=9,title=FEE003 fee-implausible::"
    )
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_github_escapes_what_could_start_a_command_of_its_own():
    """Report text reaches messages; '%', line breaks, ':' and ',' in a file name are escaped."""
    finding = Finding("TXT001", "requests-received", "error", "正文说 50% 的申请\n::error::伪造", Location(3, 2))
    result = CheckResult(path="a,b:c.txt", report=None, findings=[finding])
    [line] = FORMATS["github"]([result]).splitlines()
    assert (
        line
        == "::error file=a%2Cb%3Ac.txt,line=3,col=2,title=TXT001 requests-received::正文说 50%25 的申请\\n::error::伪造"
    )


def test_a_rule_that_states_only_what_it_found_shows_no_expected_none():
    report = parse_file(SEEDS / "002_0b3756e79a1f4c29.txt")
    only_actual = Finding(
        "DOM003", "blank-or-not-applicable", "info", "表二有 1 个空白单元格", Location(47, 9), actual=1
    )
    shown = "\n".join(render_finding("x.txt", report, only_actual))
    assert "= 实际 1" in shown and "期望" not in shown


def test_a_folder_run_opens_with_the_reports_worst_first():
    """Errors, then warnings, then notes decide the order; a file that could not be read leads."""
    results = _results() + [CheckResult(path="broken.pdf", report=None, findings=[], error="PDF 文件已损坏")]
    text = FORMATS["text"](results)
    head = text.split("\n\n", 1)[0].splitlines()
    assert head[0] == "概览 (按严重程度排序):" and "broken.pdf" in head[2] and "PDF 文件已损坏" in head[2]
    counts = [tuple(int(n) for n in line.split()[:3]) for line in head[3:]]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1], -c[2])) and len(counts) == 5
    assert "002_0b3756e79a1f4c29.txt" in head[3]  # the seed with an error and the most warnings


def test_one_report_has_no_overview():
    [result] = Engine(ProjectConfig(), Overrides()).check_paths([str(SEEDS / "001_48885ef824cbd5d4.txt")])
    assert not FORMATS["text"]([result]).startswith("概览")


def test_statistics_count_each_rule_most_frequent_first():
    out = subprocess.run(
        [sys.executable, "-m", "ogilint", "check", str(SEEDS), "--statistics"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = out.stdout.splitlines()
    counted = {line.split()[1]: int(line.split()[0]) for line in lines[:-1]}
    findings = [f.code for r in _results() for f in r.findings]
    assert counted == {code: findings.count(code) for code in set(findings)}
    assert [int(line.split()[0]) for line in lines[:-1]] == sorted(counted.values(), reverse=True)
    assert "FEE003  错误  收费金额与机关类型和层级不相称" in out.stdout and lines[-1].startswith("共 5 份报告")
    assert out.returncode == 1  # errors among the seeds: the gate still applies


def test_keys_and_english_names_only_when_verbose():
    """A reader sees Chinese: the canonical key ("[t2.fees.amount]"), the rule's English name and the
    rank appear with --verbose (and stay in JSON and SARIF)."""
    results = Engine(ProjectConfig(), Overrides()).check_paths([str(SEEDS / "002_0b3756e79a1f4c29.txt")])
    plain, verbose = FORMATS["text"](results), FORMATS["text"](results, verbose=True)
    fee_plain = next(line for line in plain.splitlines() if " FEE003 " in line)
    fee_verbose = next(line for line in verbose.splitlines() if " FEE003 " in line)
    assert "[t2.fees.amount]" not in fee_plain and "fee-implausible" not in fee_plain and "置信度 0.85" in fee_plain
    assert fee_verbose.endswith("[t2.fees.amount]  (fee-implausible, 置信度 0.85, 排序 83)")


def test_csv_opens_in_a_spreadsheet_with_chinese_headers():
    """UTF-8 with a BOM (Excel on Chinese Windows), one row per finding, the cell named in Chinese, an
    unreadable file as a row of its own."""
    results = _results() + [CheckResult(path="broken.pdf", report=None, findings=[], error="PDF 文件已损坏")]
    text = FORMATS["csv"](results)
    assert text.startswith("\ufeff文件,机关,年度,代码")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 1 + sum(len(r.findings) for r in results) + 1
    fee = next(r for r in rows if r[3] == "FEE003")
    assert fee[1:3] == ["聊城市科学技术局", "2022"] and fee[5:11] == [
        "错误",
        "47",
        "9",
        "",  # a text file has no other place than its lines
        "表二",
        "「行政事业性收费」行「本年收费金额」列",
    ]
    assert fee[13] == "12872.06"
    assert rows[-1][0] == "broken.pdf" and rows[-1][11] == "无法检查: PDF 文件已损坏"


def test_csv_cells_never_start_a_formula():
    """Report text reaches the cells: one that a spreadsheet would run ("=HYPERLINK(…)") is quoted."""
    finding = Finding("TXT001", "requests-received", "error", '=HYPERLINK("http://x","点")', Location(3, 2), actual=-1)
    report = parse_file(SEEDS / "001_48885ef824cbd5d4.txt")
    [_, row] = list(csv.reader(io.StringIO(FORMATS["csv"]([CheckResult("a.txt", report, [finding])])[1:])))
    assert row[11] == '\'=HYPERLINK("http://x","点")' and row[13] == "-1"  # a negative number stays a number
