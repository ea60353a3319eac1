"""Every published format reaches the same model: PDF, DOCX and HTML renderings of real and seed
reports (tests/renderings.py) give the same canonical tables and the same findings as the text."""

from __future__ import annotations

from collections import Counter

import pytest

from ogilint import parse_file
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides

from . import renderings
from .conftest import SEEDS, corpus_path

REPORTS = {
    "seed-001": SEEDS / "001_48885ef824cbd5d4.txt",  # one cell per line; broken statistics period
    "seed-004": SEEDS / "004_7cf50946b776564f.txt",  # TAB rows; a drifted row label
    "huaian": corpus_path("real/huaian-2024.txt"),
}
FORMATS = ("pdf", "pdf-borderless", "docx", "html-utf-8", "html-gbk")


@pytest.fixture(scope="module")
def engine():
    return Engine(ProjectConfig(), Overrides())


class _Renderings(dict):
    """{(report, format): path}, each rendering written the first time a test asks for it (so the
    workers of a parallel run share the work instead of each writing all of them)."""

    def __init__(self, folder):
        super().__init__()
        self.folder = folder

    def __missing__(self, key):
        name, fmt = key
        report = parse_file(REPORTS[name])
        if fmt.startswith("html-"):
            encoding = fmt.split("-", 1)[1]
            path = self.folder / f"{name}-{encoding}.html"
            path.write_bytes(renderings.to_html(report, encoding))
        elif fmt == "docx":
            path = self.folder / f"{name}.docx"
            renderings.to_docx(report, path)
        else:  # "pdf", or "pdf-borderless": no rules at all, rows come from positions
            path = self.folder / f"{name}-{fmt}.pdf"
            renderings.to_pdf(report, path, ruled=fmt == "pdf")
        self[key] = path
        return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return _Renderings(tmp_path_factory.mktemp("renderings"))


def _cells(report) -> dict:
    return {
        (t, r, c): (cell.value, cell.kind)
        for t, table in report.tables.items()
        for r, row in table.rows.items()
        for c, cell in row.cells.items()
    }


def _findings(engine, report) -> Counter:
    return Counter(
        (f.code, f.location.table, f.location.row, f.location.col, f.expected, f.actual)
        for f in engine.check_report(report, "x").findings
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_same_tables_and_findings(name, fmt, rendered, engine):
    text = parse_file(REPORTS[name])
    other = parse_file(rendered[name, fmt])
    assert other.meta.source_format == fmt.split("-")[0]
    assert (other.meta.year, other.meta.body, other.meta.template_version) == (
        text.meta.year,
        text.meta.body,
        text.meta.template_version,
    )
    want, got = _cells(text), _cells(other)
    assert [k for k in want if want[k] != got[k]] == []
    assert _findings(engine, other) == _findings(engine, text)


def test_pdf_cells_point_at_their_page(rendered):
    report = parse_file(rendered["huaian", "pdf"])
    cell = report.tables["t3"]["granted"]["total"]
    where = report.where_json(cell.line, cell.column)
    assert where["page"] >= 2 and where["page_line"] >= 1
    assert report.where(cell.line, cell.column).startswith(f"第{where['page']}页")


def test_huaian_pdf_golden():
    """The original PDF against a golden written from the PDF: values, kinds and pages."""
    import json

    from .conftest import TESTS

    golden = json.loads((TESTS / "golden" / "pdf" / "huaian-2024.json").read_text(encoding="utf-8"))
    path = corpus_path(golden["file"])
    if not path.exists():
        pytest.skip(f"{path} is not available")
    report = parse_file(path)
    assert report.meta.source_format == "pdf"
    m = report.meta
    got_meta = {
        "title": m.title,
        "body": m.body,
        "year": m.year,
        "template_version": m.template_version,
        "period": {"start": m.period.start, "end": m.period.end},
        "published": m.published,
    }
    assert got_meta == golden["meta"]
    assert [{"number": p.number, "page": report.where_json(p.line)["page"]} for p in report.parts] == golden["parts"]
    wrong = []
    for tkey, rows in golden["tables"].items():
        for rkey, cols in rows.items():
            for ckey, want in cols.items():
                cell = report.tables[tkey].rows[rkey].cells[ckey]
                got = {
                    "value": cell.value,
                    "kind": cell.kind,
                    "page": (report.where_json(cell.line, cell.column) or {}).get("page"),
                }
                if got != want:
                    wrong.append(f"{tkey}.{rkey}.{ckey}: want {want}, got {got}")
    assert not wrong, "\n".join(wrong)
    assert report.problems == ()
