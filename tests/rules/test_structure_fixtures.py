"""The structure rules over every report of tests/fixtures (real, seeds, fragments): the findings of the
part-missing rule and of the rules of issue 12 (statistics period, foreword count, an empty part 五,
heading numerals) are exactly these, each checked by reading the report:

- real/pt-czj-2021.txt: part 六 is absent (the body goes from part 五 to the signature and the date;
  the archived page.html of the crawl agrees), though the foreword announces six parts: STR001's error.
- real/sh-bgt-2025.md: the transcription lost heading 五, its text stands from line 183
  ("（一）2024 年工作中存在问题的改进情况"): a warning about the heading, not a missing part.
- seeds 003 and 004: title, then "一、总体情况"; no foreword and no word of the statistics period
  anywhere (no 统计, no "1月1日…12月31日").
- real/template-2021.docx: the blank national template states no period either (as a report, it would
  lack one).

Fragments are cut by their source: none of them gets one of these findings.
"""

from __future__ import annotations

import pytest

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import FIXTURES

CODES = ["STR001", "STR009", "STR010", "STR011", "STR012"]
EXPECTED = {
    "real/pt-czj-2021.txt": [("STR001", "error", None)],
    "real/sh-bgt-2025.md": [("STR001", "warning", 183)],
    "real/template-2021.docx": [("STR009", "warning", None)],
    "seeds/003_10421f3e08d9eefa.txt": [("STR009", "warning", None)],
    "seeds/004_7cf50946b776564f.txt": [("STR009", "warning", None)],
}
REPORTS = sorted(
    str(p.relative_to(FIXTURES))
    for folder in ("real", "seeds", "fragments")
    for p in (FIXTURES / folder).iterdir()
    if p.suffix in (".txt", ".md", ".pdf", ".docx", ".html")
)


@pytest.fixture(scope="module")
def engine():
    return Engine(ProjectConfig(), Overrides(select=CODES))


@pytest.mark.parametrize("name", REPORTS)
def test_structure_findings_on_the_fixtures(engine, name):
    findings = engine.check_report(parse_file(FIXTURES / name), name).findings
    got = [(f.code, f.severity, f.location.line) for f in findings]
    assert got == EXPECTED.get(name, []), [f.message for f in findings]
