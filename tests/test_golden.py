"""The parser against hand-written goldens (tests/golden/README.md): every cell, its kind and line."""

from __future__ import annotations

import json

import pytest

from ogilint import parse_file

from .conftest import TESTS, corpus_path

GOLDENS = sorted((TESTS / "golden").glob("*.json"))


def _load(path):
    golden = json.loads(path.read_text(encoding="utf-8"))
    report_path = corpus_path(golden["file"])
    if not report_path.exists():
        pytest.skip(f"{report_path} is not available")
    return golden, parse_file(report_path)


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_every_cell(path):
    golden, report = _load(path)
    wrong = []
    for tkey, rows in golden["tables"].items():
        table = report.tables[tkey]
        assert set(rows) == set(table.rows), f"{tkey}: rows differ"
        for rkey, cols in rows.items():
            assert set(cols) == set(table.rows[rkey].cells), f"{tkey}.{rkey}: columns differ"
            for ckey, want in cols.items():
                got = table.rows[rkey].cells[ckey]
                got_t = {"value": got.value, "kind": got.kind, "line": got.line}
                if got_t != {k: want[k] for k in ("value", "kind", "line")}:
                    wrong.append(f"{tkey}.{rkey}.{ckey}: want {want}, got {got_t} (raw {got.raw!r})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_meta_and_parts(path):
    golden, report = _load(path)
    m = report.meta
    want = golden["meta"]
    got = {
        "title": m.title,
        "body": m.body,
        "year": m.year,
        "template_version": m.template_version,
        "period": None if m.period is None else {"start": m.period.start, "end": m.period.end},
        "published": m.published,
    }
    assert {k: got[k] for k in want} == want
    assert [{"number": p.number, "line": p.line} for p in report.parts] == golden["parts"]


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_damage_is_reported(path):
    golden, report = _load(path)
    for want in golden.get("problems", []):
        matches = [
            p
            for p in report.problems
            if p.kind == want["kind"]
            and p.table == want.get("table")
            and (("row" not in want) or p.row == want["row"])
            and (("column" not in want) or p.col == want["column"])
        ]
        assert matches, (
            f"problem not reported: {want}; got {[(p.kind, p.table, p.row, p.col) for p in report.problems]}"
        )
