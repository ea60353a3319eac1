"""The pytest plugin checks each report against the other reports of the session, as ``ogilint check``
checks it against the other reports of its folder: the two agree finding for finding on folders where
the cross-report rules (IDN005, IDN008, CPY001) fire and where they do not.

The folders are made of real reports: pingtan-2023 (平潭综合实验区, 2023, 上年结转 0 in every column) and
``fixtures/cross/pingtan-2022.txt``, the 2021 report re-dated 2022 (see fixtures/cross/README), whose
结转下年度继续办理 is 1 (自然人 1, 总计 1): the two disagree. For the agreeing pair the 2022 copy's last rows
are edited so that its one remaining request is handled (其他 2, (七)总计 70) and nothing is carried.
"""

from __future__ import annotations

import json

import pytest

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.cli import main as ogilint_main
from ogilint.rule import Run, RunReports, others_where

from .conftest import FIXTURES

pytest_plugins = ["pytester"]

REAL = FIXTURES / "real"
COPY_2022 = FIXTURES / "cross" / "pingtan-2022.txt"
# The 2022 copy's last rows: 3.其他 1, (七)总计 69 (自然人 63), 结转下年度 1 — and as edited to carry nothing.
CARRIED = "3.其他1000001（七）总计630020469四、结转下年度继续办理1000001"
NOT_CARRIED = "3.其他2000002（七）总计640020470四、结转下年度继续办理0000000"
# pt-czj-2021 (平潭综合实验区财政金融局) with 80 new requests, all granted (as tests/rules/cases/IDN008.toml).
CZJ_80 = (
    ("一、本年新收政府信息公开申请数量0 0 0 0 0 00", "一、本年新收政府信息公开申请数量80 0 0 0 0 080"),
    ("（一）予以公开0 0 0 0 0 00", "（一）予以公开80 0 0 0 0 080"),
    ("（七）总计0 0 0 0 0 00", "（七）总计80 0 0 0 0 080"),
)


def _edited(path, edits) -> str:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _folder(root, name: str, files: dict):
    folder = root / name
    folder.mkdir()
    for file_name, content in files.items():
        (folder / file_name).write_text(content, encoding="utf-8")
    return folder


def _real(name: str) -> str:
    return (REAL / name).read_text(encoding="utf-8")


def _cli_findings(folder, capsys, monkeypatch) -> set:
    monkeypatch.chdir(folder.parent)
    ogilint_main(["check", "--format", "json", "--exit-zero", folder.name])
    data = json.loads(capsys.readouterr().out)
    return {
        (d["file"].replace("\\", "/").rsplit("/", 1)[-1], f["code"], f["line"], f["column"], f["message"])
        for d in data
        for f in d["findings"]
    }


def _pytest_findings(pytester, folder, *args) -> tuple[set, set]:
    """(findings of every rule item, the rule codes that had items) of a pytest run over ``folder``."""
    rec = pytester.inline_run("--ogilint", "-p", "no:cacheprovider", *args, str(folder))
    items = [call.item for call in rec.getcalls("pytest_itemcollected")]
    found, codes = set(), set()
    for item in items:
        if not hasattr(item, "code"):
            continue
        codes.add(item.code)
        for f in item._findings:
            found.add((item.path.name, f.code, f.location.line, f.location.column, f.message))
    return found, codes


def _agree(pytester, folder, capsys, monkeypatch) -> set:
    cli = _cli_findings(folder, capsys, monkeypatch)
    found, codes = _pytest_findings(pytester, folder)
    assert found and found == {f for f in cli if f[1] in codes}
    return found


def test_carried_over_disagrees_in_both(pytester, capsys, monkeypatch):
    folder = _folder(
        pytester.path,
        "differ",
        {"pingtan-2022.txt": COPY_2022.read_text(encoding="utf-8"), "pingtan-2023.txt": _real("pingtan-2023.txt")},
    )
    found = _agree(pytester, folder, capsys, monkeypatch)
    # pingtan-2023 line 10: 上年结转 0 (自然人 at column 2082, 总计 at 2088) against 2022's 结转下年度 1.
    idn005 = sorted((f[0], f[2], f[3]) for f in found if f[1] == "IDN005")
    assert idn005 == [("pingtan-2023.txt", 10, 2082), ("pingtan-2023.txt", 10, 2088)]


def test_carried_over_agrees_in_both(pytester, capsys, monkeypatch):
    agreeing = _edited(COPY_2022, [(CARRIED, NOT_CARRIED)])
    folder = _folder(
        pytester.path, "agree", {"pingtan-2022.txt": agreeing, "pingtan-2023.txt": _real("pingtan-2023.txt")}
    )
    found = _agree(pytester, folder, capsys, monkeypatch)
    assert not [f for f in found if f[1] == "IDN005"]


def test_aggregate_and_copy_in_both(pytester, capsys, monkeypatch):
    """pingtan-2021 says 「本年度全区共收到70件申请」 while its 财政金融局 reports 80 (IDN008 on the 70 and on the 69
    handled); the 2022 copy repeats the 2021 report's parts 一 and 五 (CPY001, 100%)."""
    folder = _folder(
        pytester.path,
        "run",
        {
            "pingtan-2021.txt": _real("pingtan-2021.txt"),
            "pingtan-2022.txt": COPY_2022.read_text(encoding="utf-8"),
            "pt-czj-2021.txt": _edited(REAL / "pt-czj-2021.txt", CZJ_80),
        },
    )
    found = _agree(pytester, folder, capsys, monkeypatch)
    assert sorted((f[0], f[1], f[3]) for f in found if f[1] in ("IDN008", "CPY001")) == [
        ("pingtan-2021.txt", "IDN008", 2351),
        ("pingtan-2021.txt", "IDN008", 2876),
        ("pingtan-2022.txt", "CPY001", _column(COPY_2022, "一、总体情况")),
        ("pingtan-2022.txt", "CPY001", _column(COPY_2022, "五、存在的主要问题及改进情况")),
    ]


def _column(path, words: str) -> int:
    return path.read_text(encoding="utf-8").split("\n")[9].index(words) + 1


def test_selection_and_last_failed_keep_the_run(pytester):
    """-k and --lf choose the items that run, not the reports they are compared with: the 2022 report's
    items are deselected (or its file skipped by --lf) and pingtan-2023's IDN005 still fails."""
    folder = _folder(
        pytester.path,
        "differ",
        {"pingtan-2022.txt": COPY_2022.read_text(encoding="utf-8"), "pingtan-2023.txt": _real("pingtan-2023.txt")},
    )
    result = pytester.runpytest("--ogilint", "-k", "pingtan-2023 and IDN005", str(folder))
    assert result.parseoutcomes().get("failed") == 1
    first = pytester.runpytest("--ogilint", str(folder))
    assert first.parseoutcomes().get("failed", 0) >= 1
    again = pytester.runpytest("--ogilint", "--lf", "-rA", str(folder))
    assert "FAILED differ/pingtan-2023.txt::IDN005" in again.stdout.str()


def test_xdist_sees_the_run(pytester):
    pytest.importorskip("xdist")
    folder = _folder(
        pytester.path,
        "differ",
        {"pingtan-2022.txt": COPY_2022.read_text(encoding="utf-8"), "pingtan-2023.txt": _real("pingtan-2023.txt")},
    )
    result = pytester.runpytest("--ogilint", "-p", "no:cacheprovider", "-n", "2", "-rA", str(folder))
    assert "FAILED differ/pingtan-2023.txt::IDN005" in result.stdout.str()


# --- the run's index ------------------------------------------------------------------------------


def _body_year(report):
    return (report.meta.body, report.meta.year)


def test_run_reports_are_the_others_in_order_and_indexed_once():
    reports = [parse_file(REAL / n) for n in ("pingtan-2021.txt", "pingtan-2023.txt", "pt-czj-2021.txt")]
    run = Run(reports)
    seen = run.seen_from(reports[1])
    assert isinstance(seen, RunReports)
    assert list(seen) == [reports[0], reports[2]] and len(seen) == 2 and seen[1] is reports[2]
    assert others_where(seen, _body_year, ("平潭综合实验区", 2021)) == (reports[0],)
    assert others_where(run.seen_from(reports[0]), _body_year, ("平潭综合实验区", 2021)) == ()
    assert len(run._indexes) == 1  # one index for the run, shared by every report's view
    # A plain sequence (as tests pass) is scanned.
    assert others_where(tuple(reports), _body_year, ("平潭综合实验区财政金融局", 2021)) == (reports[2],)
    # A report outside the run sees all of it.
    outsider = parse_text(_real("pingtan-2025.txt"))
    assert len(run.seen_from(outsider)) == 3


# --- IDN008 over several departments -------------------------------------------------------------


def _idn008(report, others):
    engine = Engine(ProjectConfig(), Overrides(select=["IDN008"]))
    return engine.check_report(report, run_reports=Run([report, *others]).seen_from(report)).findings


def _department(name: str, new: int):
    edits = [
        ("平潭综合实验区财政金融局", name),
        ("一、本年新收政府信息公开申请数量0 0 0 0 0 00", f"一、本年新收政府信息公开申请数量{new} 0 0 0 0 0{new}"),
        ("（一）予以公开0 0 0 0 0 00", f"（一）予以公开{new} 0 0 0 0 0{new}"),
        ("（七）总计0 0 0 0 0 00", f"（七）总计{new} 0 0 0 0 0{new}"),
    ]
    text = (REAL / "pt-czj-2021.txt").read_text(encoding="utf-8")
    for old, new_text in edits:
        assert old in text
        text = text.replace(old, new_text)
    return parse_text(text)


def test_departments_are_summed():
    """Two departments of 40 each: neither exceeds the region's 70, their sum (80) does."""
    government = parse_file(REAL / "pingtan-2021.txt")
    found = _idn008(
        government, [_department("平潭综合实验区财政金融局", 40), _department("平潭综合实验区教育与体育局", 40)]
    )
    assert [(f.location.row, f.expected, f.actual) for f in found] == [
        ("new_received", 80, 70),
        ("total_handled", 80, 69),
    ]
    assert "平潭综合实验区财政金融局 40、平潭综合实验区教育与体育局 40" in found[0].message


def test_one_report_per_department_and_no_office_or_other_place():
    """The same department twice (a PDF and its text) counts once; the government's office (whose report
    may be the government's own) and a body of another place are left out."""
    government = parse_file(REAL / "pingtan-2021.txt")
    others = [
        _department("平潭综合实验区财政金融局", 40),
        _department("平潭综合实验区财政金融局", 40),
        _department("平潭综合实验区管委会办公室", 60),
        _department("长乐区财政局", 60),
    ]
    assert _idn008(government, others) == []
