"""A run checks each report in two stages (``checking/outcome.py``): the rules that look at one report
where the file is read, the rules across reports where every report is. What goes from the first
stage to the second is the report's meta and findings; the model is loaded only when a rule or an
output needs more. These tests hold the two stages to the answer of one stage, and the outputs
written in pieces to the outputs written whole."""

from __future__ import annotations

import json
import shutil

import pytest

from ogilint import parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.checking.outcome import PARTS, OnDisk
from ogilint.checking.runner import assemble
from ogilint.finding import Finding, Location
from ogilint.output import FORMATS
from ogilint.output.json_format import ITEMS, json_text, streamed
from ogilint.rule import Run
from tests.conftest import FIXTURES, SEEDS

# The case of IDN011 (tests/rules/cases/IDN011.toml): 淮安市 2025 with 本年新收 and 上年结转 exchanged,
# beside its 2024 report, whose 结转下年度继续办理 (总计 103) is what 上年结转 should be.
SWAPS = [
    ("2024", "2025"),
    ("一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119", "一、本年新收政府信息公开申请数量 103 0 0 0 0 0 103"),
    ("二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34", "二、上年结转政府信息公开申请数量 2932 53 0 0 61 4 3050"),
]


@pytest.fixture
def two_years(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    text = (FIXTURES / "real" / "huaian-2024.txt").read_text(encoding="utf-8")
    (root / "huaian-2024.txt").write_text(text, encoding="utf-8")
    for old, new in SWAPS:
        assert old in text
        text = text.replace(old, new)
    (root / "huaian-2025.txt").write_text(text, encoding="utf-8")
    return root


def _engine(spill_after: int = 10**9) -> Engine:
    engine = Engine(ProjectConfig(), Overrides())
    engine.spill_after = spill_after
    return engine


@pytest.mark.parametrize("spill_after", [10**9, 0], ids=["in-memory", "on-disk"])
def test_a_rule_in_two_parts_answers_as_in_one(two_years, spill_after):
    """IDN011 looks at the table in its first part and at last year's report in its second: over the
    folder, in two stages, it names the exchanged rows by last year's figures, as one stage does."""
    results = _engine(spill_after).check_paths([str(two_years)])
    [later] = [r for r in results if r.path.endswith("huaian-2025.txt")]
    [swapped] = [f for f in later.findings if f.code == "IDN011"]
    assert swapped.severity == "error"
    assert "上年结转应等于 2024 年报告的结转下年度继续办理(总计 103)" in swapped.message

    before = parse_text((two_years / "huaian-2024.txt").read_text(encoding="utf-8"))
    report = parse_text((two_years / "huaian-2025.txt").read_text(encoding="utf-8"))
    whole = _engine().check_report(report, str(two_years / "huaian-2025.txt"), Run([report, before]).seen_from(report))
    assert [(f.code, f.message, f.location) for f in later.findings] == [
        (f.code, f.message, f.location) for f in whole.findings
    ]


def _parts_loaded(monkeypatch) -> list:
    """The parts (their index in outcome.PARTS, from 1) read from disk from now on, in order."""
    loaded = []
    load = OnDisk.part

    def counted(self, name):
        loaded.append(PARTS.index(name) + 1)
        return load(self, name)

    monkeypatch.setattr(OnDisk, "part", counted)
    return loaded


def test_a_warm_rerun_loads_no_model(tmp_path, monkeypatch):
    """Reports of different bodies, none of last year: a rerun from the result cache writes the text,
    JSON, SARIF and concise outputs from what the cache holds of each file, never its model, and
    reads each file's findings once."""
    root = tmp_path / "reports"
    shutil.copytree(SEEDS, root)
    cold = _engine()
    cold.use_cache(tmp_path / "cache")
    first = cold.check_paths([str(root)])
    rules = cold.registry.rule_classes()
    expected = {fmt: FORMATS[fmt](first, rules=rules) for fmt in ("text", "json", "sarif", "concise")}

    loaded = _parts_loaded(monkeypatch)
    warm = _engine()
    warm.use_cache(tmp_path / "cache")
    again = warm.check_paths([str(root)])
    assert warm.cache.hits == len([r for r in first if not r.skipped])
    for fmt, text in expected.items():
        assert FORMATS[fmt](again, rules=rules) == text, fmt
    # Parts (outcome.PARTS): 1 the findings to show, 2 each rule's findings, 3 the model. The rules
    # across reports add nothing here: each report's findings are read once, for the outputs.
    assert 2 not in loaded and 3 not in loaded
    assert loaded.count(1) == len([r for r in first if r.report is not None])


def test_a_region_and_its_departments_on_disk_load_no_model(tmp_path, monkeypatch):
    """IDN008 compares a region's aggregate with the sum of its departments: in a run whose models lie
    on disk, it reads what each report's note keeps (the figures, where the region says it aggregates)
    and loads no model, with the findings of a run held in memory."""
    root = tmp_path / "reports"
    root.mkdir()
    shutil.copy(FIXTURES / "real" / "pingtan-2021.txt", root)  # 「本年度全区共收到70件申请」, 本年新收 70
    text = (FIXTURES / "real" / "pt-czj-2021.txt").read_text(encoding="utf-8")
    for name, new in (("财政金融局", 50), ("教育与体育局", 30)):  # two departments: 80 together
        edited = text.replace("平潭综合实验区财政金融局", f"平潭综合实验区{name}")
        for row in ("一、本年新收政府信息公开申请数量", "（一）予以公开", "（七）总计"):
            assert f"{row}0 0 0 0 0 00" in edited
            edited = edited.replace(f"{row}0 0 0 0 0 00", f"{row}{new} 0 0 0 0 0{new}")
        (root / f"pt-{new}.txt").write_text(edited, encoding="utf-8")

    def idn008(results):
        return [
            (r.path.rsplit("/", 1)[-1], f.location.row, f.expected, f.actual, f.message)
            for r in results
            for f in r.findings
            if f.code == "IDN008"
        ]

    in_memory = idn008(_engine().check_paths([str(root)]))
    assert [row[:4] for row in in_memory] == [
        ("pingtan-2021.txt", "new_received", 80, 70),
        ("pingtan-2021.txt", "total_handled", 80, 69),
    ]
    loaded = _parts_loaded(monkeypatch)
    assert idn008(_engine(spill_after=0).check_paths([str(root)])) == in_memory
    assert 3 not in loaded  # outcome.PARTS: 3 is the model


@pytest.mark.parametrize(
    "document",
    [
        ITEMS,
        {"a": 1, "runs": [{"tool": {"x": [1, 2]}, "results": ITEMS, "after": "\ud83d"}]},
        {"outer": {"inner": ITEMS}, "b": []},
    ],
    ids=["top-level", "sarif-like", "nested"],
)
@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_list_written_in_pieces_is_the_json_written_whole(document, count):
    items = [{"file": f"报告{i}.txt", "findings": [{"line": i, "related": []}], "odd": "\udcff"} for i in range(count)]
    whole = json_text(json.loads(json.dumps(document).replace(json.dumps(ITEMS), json.dumps(items))))
    assert "".join(streamed(document, iter(items))) == whole


def test_a_reports_findings_share_equal_locations():
    """A report's findings put together (``assemble``) hold one object for each place, however many
    findings name it (an identity's cells are named by the row's and the column's): pickle then
    writes and rebuilds each once."""

    def cell():
        return Location(84, 18, "t3", "new_received", "natural_person")

    row = Finding("IDN001", "a", "error", "行", location=cell(), related=(cell(), Location(84, 23)))
    column = Finding("IDN002", "b", "error", "列", location=Location(90, 1), related=(cell(),))
    together = assemble({"IDN001": [row], "IDN002": [column]}, ["IDN001", "IDN002"])
    places = [loc for f in together for loc in (f.location, *f.related) if loc == cell()]
    assert len(places) == 3 and len({id(loc) for loc in places}) == 1


class _SameHash:
    """A key whose every value has the same hash."""

    def __init__(self, value):
        self.value = value

    def __hash__(self) -> int:
        return 1

    def __eq__(self, other) -> bool:
        return isinstance(other, _SameHash) and other.value == self.value


def _name_key(report):
    return _SameHash(report.name) if report.name else None


def test_the_runs_index_tells_apart_keys_that_share_a_hash():
    """The run's index is kept by the hash of each key (a key holds a body's name, and a run of
    100,000 reports would hold them all); a lookup compares what it finds with the key itself."""
    from types import SimpleNamespace

    reports = [SimpleNamespace(name=n) for n in ("a", "b", "", "a")]
    run = Run(reports)
    assert run.seen_from(reports[0]).where(_name_key, _SameHash("a")) == (reports[3],)
    assert run.seen_from(reports[0]).where(_name_key, _SameHash("b")) == (reports[1],)
    assert run.seen_from(reports[0]).where(_name_key, _SameHash("z")) == ()
    assert run.seen_by_member(reports[1]).where(_name_key, _SameHash("a")) == (reports[0], reports[3])
    assert run.seen_from(SimpleNamespace(name="a")).where(_name_key, _SameHash("a")) == (reports[0], reports[3])
