"""The HTML page's tables 二/三/四 redrawn in the national layout: every highlighted cell is the cell a
finding names (its row and column labels, as the format prints them, are those of the finding's
place; its text is the number in the report), related cells are marked, cells read badly are
marked, and no text from a report becomes markup or script."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import attrs
import lxml.html
import pytest

from ogilint import spec
from ogilint.api import check
from ogilint.checking.registry import build_registry
from ogilint.finding import Finding, Location
from ogilint.model import NUMBER, UNREADABLE, Cell
from ogilint.output import html_format, redraw
from ogilint.spec.tables import column_heading as column_label  # as the table prints it
from ogilint.spec.tables import row_label

from .conftest import FIXTURES, SEEDS

SEED = "002_0b3756e79a1f4c29.txt"
# Table 三's first row in that seed, as the report prints it (checked by hand): one request from a
# natural person, total 1. The test makes the natural person's 1 a 7.
ROW_AS_PRINTED = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"
ROW_SEEDED = "一、本年新收政府信息公开申请数量\t7\t0\t0\t0\t0\t0\t1"


def _results(tmp_path: Path, monkeypatch, *paths) -> list:
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return list(check(list(paths)))


def _page(results) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html_format.render(results, build_registry().rule_classes()))


def _own_text(el) -> str:
    """A box's text without the numbered markers of its findings."""
    return "".join(el.xpath("text()|span[@class='v']//text()")).strip()


def _header_texts(doc, td) -> list[str]:
    return [_own_text(doc.get_element_by_id(i)) for i in td.get("headers").split()]


def _sections(doc, results):
    """(result, its section, its finding blocks in order): the page keeps the run's order."""
    sections = doc.xpath("//details[contains(concat(' ', @class, ' '), ' report ')]")
    assert len(sections) == len(results)
    return [
        (r, s, s.xpath(".//div[contains(concat(' ', @class, ' '), ' finding ')]")) for r, s in zip(results, sections)
    ]


def _seeded(tmp_path) -> Path:
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    assert text.count(ROW_AS_PRINTED) == 1
    path = tmp_path / "seeded.txt"
    path.write_text(text.replace(ROW_AS_PRINTED, ROW_SEEDED), encoding="utf-8")
    return path


def test_the_seeded_cell_is_the_highlighted_one(tmp_path, monkeypatch):
    results = _results(tmp_path, monkeypatch, _seeded(tmp_path))
    (res,) = results
    doc = _page(results)
    (_, section, blocks) = _sections(doc, results)[0]
    # The identity rules blame the cell that was changed.
    (i, f) = next((i, f) for i, f in enumerate(res.findings) if f.location.table == "t3" and f.location.col)
    loc = f.location
    assert (loc.table, loc.row, loc.col) == ("t3", "new_received", "natural_person") and f.severity == "error"
    fid = blocks[i].get("id")
    hit = [el for el in section.xpath(".//*[@data-f]") if fid in el.get("data-f").split()]
    assert len(hit) == 1 and hit[0].tag == "td" and "hit" in hit[0].get("class").split()
    td = hit[0]
    version = res.report.meta.template_version
    labels = _header_texts(doc, td)
    assert row_label(version, "t3", loc.row) in labels and column_label(version, "t3", loc.col) in labels
    assert redraw.T3_APPLICANTS in labels  # the group the format prints over the applicants' columns
    # Its text is the number the report prints at the finding's place.
    shown = td.xpath("string(span[@class='v'])")
    assert shown == "7" and res.report.source_line(loc.line)[loc.column - 1 :].startswith(shown)
    # The finding links to the cell, and the note under table 三 links to it too.
    assert blocks[i].xpath(".//a[@class='to-cell']/@href") == ["#" + td.get("id")]
    note = section.xpath(f".//ol[@class='notes']/li[a[@href='#{fid}']]")
    assert len(note) == 1 and note[0].xpath("a[@class='place']/@href") == ["#" + td.get("id")]
    # Its related cells (the rest of the row and the column's balance cells) are marked, lighter.
    related = [el for el in section.xpath(".//*[@data-rel]") if fid in el.get("data-rel").split()]
    assert len(related) == len(f.related) >= 2
    assert all("rel" in el.get("class").split() for el in related)
    for rel in f.related:
        want = {row_label(version, rel.table, rel.row), column_label(version, rel.table, rel.col)}
        assert any(want <= set(_header_texts(doc, el)) for el in related), rel


@pytest.mark.parametrize("folder", ["seeds", "real"])
def test_every_highlighted_box_is_a_place_a_finding_names(tmp_path, monkeypatch, folder):
    paths = sorted(p for p in (FIXTURES / folder).iterdir() if p.suffix in (".txt", ".md", ".pdf", ".html", ".docx"))
    results = _results(tmp_path, monkeypatch, *paths)
    doc = _page(results)
    checked = 0
    for res, section, blocks in _sections(doc, results):
        if res.error:
            continue
        version = res.report.meta.template_version
        by_id = {b.get("id"): f for b, f in zip(blocks, res.findings)}
        assert len(blocks) == len(res.findings)
        for el in section.xpath(".//*[@data-f]"):
            for fid in el.get("data-f").split():
                loc = by_id[fid].location
                if el.tag == "td":  # a cell: its row's and its column's labels
                    labels = _header_texts(doc, el)
                    assert row_label(version, loc.table, loc.row) in labels
                    assert column_label(version, loc.table, loc.col) in labels
                elif el.tag == "th":  # a whole row or column: its label
                    assert _own_text(el) in (
                        row_label(version, loc.table, loc.row),
                        column_label(version, loc.table, loc.col),
                    )
                else:  # the whole table: its caption
                    assert (loc.row, loc.col) == (None, None) and spec.TABLE_NAMES[loc.table] in _own_text(el)
                assert el.xpath("ancestor::section[contains(@class, 'grid')]")[0].get("class").split()[1] == loc.table
                checked += 1
        # Every finding about a table that the report has is marked somewhere in it.
        for fid, f in by_id.items():
            table = res.report.tables.get(f.location.table) if f.location.table else None
            if table is not None and table.found:
                assert any(fid in el.get("data-f").split() for el in section.xpath(".//*[@data-f]")), fid
    assert checked


def _t3_rows(section) -> list:
    return section.xpath(".//section[contains(@class, ' t3')]//table/tbody/tr")


def test_the_2019_and_2021_layouts(tmp_path, monkeypatch):
    results = _results(tmp_path, monkeypatch, FIXTURES / "real" / "pingtan-2019.txt", SEEDS / SEED)
    doc = _page(results)
    (r2019, s2019, _), (r2021, s2021, _) = _sections(doc, results)
    assert r2019.report.meta.template_version == "2019" and r2021.report.meta.template_version == "2021"
    assert len(_t3_rows(s2019)) == len(spec.T3_2019.rows) and len(_t3_rows(s2021)) == len(spec.T3_2021.rows)
    other = spec.T3_CATEGORIES["other"]
    # 2019: (六)其他处理 is one row with its own numbers; 2021: a category over its three rows.
    (th,) = [th for th in s2019.xpath(".//section[contains(@class,' t3')]//tbody//th") if _own_text(th) == other]
    assert th.get("colspan") == "2" and len(th.getparent().xpath("td")) == len(spec.T3_COLUMNS)
    (th,) = [th for th in s2021.xpath(".//section[contains(@class,' t3')]//tbody//th") if _own_text(th) == other]
    assert th.get("rowspan") == str(sum(1 for r in spec.T3_2021.rows if r.key.startswith("other.")))
    # Table 二: the row labels of each version, in the format's order.
    for res, section, table in ((r2019, s2019, spec.T2_2019), (r2021, s2021, spec.T2_2021)):
        body = section.xpath(".//section[contains(@class,' t2')]//tbody/tr[td]")
        assert [_own_text(tr.xpath("th")[0]) for tr in body] == [r.label for r in table.rows]
        heads = section.xpath("string(.//section[contains(@class,' t2')])")
        assert all(column_label(res.report.meta.template_version, "t2", c) in heads for c in table.columns)
    # Table 四: one row of 15 numbers under the groups and results of the format.
    for section in (s2019, s2021):
        rows = section.xpath(".//section[contains(@class,' t4')]//tbody/tr")
        assert len(rows) == 1 and len(rows[0].xpath("td")) == len(spec.T4_GROUPS) * len(spec.T4_COLUMNS)
        head = [_own_text(th) for th in section.xpath(".//section[contains(@class,' t4')]//thead//th")]
        assert all(g.label in head for g in spec.T4.rows) and head.count(spec.T4_COLUMN_LABELS["upheld"]) == 3


def test_a_category_printed_as_one_row_is_drawn_so(tmp_path, monkeypatch):
    """洪泽区 2023 prints (六)其他处理 as one row in the 2021 format (the identities read it so)."""
    results = _results(tmp_path, monkeypatch, FIXTURES / "real" / "hongze-2023.pdf")
    (res, section, _) = _sections(_page(results), results)[0]
    assert "other" in res.report.tables["t3"].rows
    rows = _t3_rows(section)
    assert len(rows) == len(spec.T3_2021.rows) - 2
    other = spec.T3_CATEGORIES["other"]
    (tr,) = [tr for tr in rows if other in [_own_text(th) for th in tr.xpath("th")]]
    cells = res.report.tables["t3"].rows["other"].cells
    assert [_own_text(td) for td in tr.xpath("td")] == [cells[c].raw.strip() for c in spec.T3_COLUMNS]


def test_cells_read_badly_are_marked(tmp_path, monkeypatch):
    names = [
        SEEDS / "000_6424f50ad3d5c809.txt",
        SEEDS / "003_10421f3e08d9eefa.txt",
        FIXTURES / "real" / "pingtan-2019.txt",
    ]
    results = _results(tmp_path, monkeypatch, *names)
    doc = _page(results)
    seen = set()
    for res, section, _ in _sections(doc, results):
        for key in ("t2", "t3", "t4"):
            table = res.report.tables[key]
            tds = section.xpath(f".//section[contains(@class,' {key}')]//tbody//td")
            marked = {k: [td for td in tds if k in (td.get("class") or "").split()] for k in ("low", "unreadable")}
            cells = [c for row in table.rows.values() for c in row.cells.values()]
            low = [c for c in cells if c.kind == NUMBER and c.confidence < 0.5]
            assert len(marked["low"]) == len(low)
            assert len(marked["unreadable"]) == len([c for c in cells if c.kind == UNREADABLE])
            for td in marked["low"]:
                assert "识别置信度" in td.get("title") and td.get("id")
            missing = [td for td in tds if "missing" in (td.get("class") or "").split()]
            assert all(td.xpath("string(span)") == "" for td in missing)
            seen |= {k for k, v in marked.items() if v} | ({"missing"} if missing else set())
    assert seen == {"low", "unreadable", "missing"}  # each kind of mark was met


class _Elements(HTMLParser):
    """Every element and attribute the page really has, as a browser's parser would see them."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data):
        self.text.append(data)


SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'


def test_report_text_never_becomes_markup(tmp_path, monkeypatch):
    # A file name that is markup (the CLI prints it in the overview and the section's heading) …
    folder = tmp_path / "reports"
    folder.mkdir()
    named = folder / f"x{BREAKOUT}.txt"
    shutil.copy(SEEDS / SEED, named)
    results = _results(tmp_path, monkeypatch, named)
    (res,) = results
    # … and a title, a body, a cell and a message that are markup (the model as a hostile reader
    # could make it: text extraction keeps what a report prints).
    t2 = res.report.tables["t2"]
    fees = t2.rows["fees"]
    bad = Cell(value=None, raw=BREAKOUT + SCRIPT, kind=UNREADABLE, line=47, column=9, confidence=0.3)
    rows = {**t2.rows, "fees": attrs.evolve(fees, cells={**fees.cells, "amount": bad}, label=SCRIPT)}
    report = attrs.evolve(
        res.report,
        meta=attrs.evolve(res.report.meta, title=SCRIPT + BREAKOUT, body=BREAKOUT),
        tables={**res.report.tables, "t2": attrs.evolve(t2, rows=rows)},
    )
    finding = Finding(
        code="FEE001",
        name="x",
        severity="error",
        message=SCRIPT + BREAKOUT,
        location=Location(47, 9, "t2", "fees", "amount"),
        hint=BREAKOUT,
        expected=SCRIPT,
        actual=BREAKOUT,
    )
    hostile = attrs.evolve(res, report=report, findings=[finding, *res.findings])
    page = html_format.render([hostile], build_registry().rule_classes())
    parser = _Elements()
    parser.feed(page)
    assert parser.tags.count("script") == 1 and "img" not in parser.tags
    assert not [a for a in parser.attrs if a.startswith("on")]
    text = "".join(parser.text)
    assert text.count(SCRIPT) >= 4 and text.count("onerror=alert(1)") >= 5  # shown, as text
    doc = lxml.html.document_fromstring(page)
    (td,) = doc.xpath("//td[contains(@class, 'unreadable')]")
    assert td.xpath("string(span)").startswith(BREAKOUT[:10]) and "hit" in td.get("class").split()
