"""Every kind of extraction problem (spec/problems.py) reaches the reviewer through some rule: a
problem no rule reports would be a table read badly in silence."""

from __future__ import annotations

import attrs
import pytest

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.model import Problem
from ogilint.spec.problems import ProblemKind
from tests.conftest import FIXTURES

CLEAN = FIXTURES / "real" / "huaian-2024.txt"  # no problems; its only finding is DAT006's note (no date)


@pytest.fixture(scope="module")
def engine():
    return Engine(ProjectConfig(), Overrides())  # the national rule set this report gets


@pytest.mark.parametrize("kind", list(ProblemKind), ids=[k.value for k in ProblemKind])
def test_every_problem_kind_is_reported(engine, kind):
    report = parse_file(CLEAN)
    assert report.problems == () and _codes(engine.check_report(report).findings) == ["DAT006"]
    marked = f"测试问题 {kind.value}"
    problem = Problem(kind, marked, line=84, column=1, table="t3", row="new_received", col="total", confidence=0.5)
    findings = engine.check_report(attrs.evolve(report, problems=(problem,))).findings
    assert _codes(findings) != ["DAT006"], f"no rule reports a {kind.value} problem"


def _codes(findings):
    return [f.code for f in findings]


def test_kinds_are_stable_strings():
    assert ProblemKind("cell-missing") is ProblemKind.CELL_MISSING
    assert f"{ProblemKind.TRUNCATED}" == "truncated" and ProblemKind.TRUNCATED == "truncated"
