"""Errors seeded into complete real reports, each a text edit whose finding is known by construction.

A *base* is a complete report of ``tests/fixtures`` (texts, the Markdown transcription, and the PDF,
HTML and DOCX files through their readers: the edit is made on the lines the reader hands to the
parser, so a PDF is seeded as its text layer reads). A *kind* is one error evaluators find
(docs/report-format.md §5 and §8): a table 三 cell that breaks an identity, two rows of table 三
swapped, a table 四 group total, the statistics period's year, the title's year, a unit typed into
the fee cell, a fee with six decimals, the text's count of requests received, a part heading removed,
two parts swapped, a publication date past the deadline. Each kind edits one base in one place and
says which finding must then be there, and where:

- a table cell is edited where the parser read it (its line, column and text), and the identity
  finding must name that cell — as its location or among the related cells — at that line and
  column; two swapped rows must be involved in an identity finding. A cell is seeded only where its
  row was read whole (no number too many or too few: where each number stands would be a guess)
  and an identity through it is known and holds in the base; two rows are swapped only where that
  breaks such an identity (rows on the same side of every identity can be swapped unseen);
- the title, the period, the dates of publication and the text's count are found by patterns
  written for each base below, checked by reading the base (every pattern must match: a pattern
  that stops matching fails the test instead of skipping the seed);
- a part heading is removed (or two parts swapped) at the place the parser found it, after checking
  that the text there starts with the part's numeral.

A kind is seeded only where the base has the thing to edit (no date of publication, no sentence on
the requests received, a table of zeros where no swap changes anything …); those are *skips*,
counted apart. A *control* is an edit that is no error (a date of publication on the deadline
itself), which must draw no finding. ``outcome(base, kind)`` is the verdict for one seed; the unedited bases are measured
too (``base_errors``): an error there is a false error unless ``VERIFIED_ERRORS`` names it, after
reading the report.

The deadline of a date of publication is worked out here, not taken from the rule: 31 January for a
department, 31 March for a government (人民政府, 管委会, a region's name alone — the kind of body is
written below for each base, from its name), moved to the next working day when it falls on a
weekend or a statutory holiday (``chinese_calendar``; weekends only for a year it does not hold).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import attrs
import chinese_calendar

from ogilint import spec
from ogilint.api import default_manager, read_document
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.document import Document
from ogilint.finding import ERROR, INFO, Finding, Location
from ogilint.model import BLANK, NUMBER, Report
from ogilint.parsing.pipeline import parse_document
from ogilint.spec.identities import t3_identities, t4_identities

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # the repo's copies of the corpus reports
GOVERNMENT, DEPARTMENT = "government", "department"
GUESSED = 0.5  # a cell the parser placed by guess (confidence below this) is not judged by the identities


@attrs.frozen
class Base:
    """A complete report and what was read in it by hand: the report's year, the kind of body (for
    the deadline), and patterns for the places the seeds edit. Every match of ``title`` is a place
    the title is printed (group 1: its year); every match of a ``published`` pattern is a date of
    publication (groups y, m, d); ``received`` is the sentence stating the requests received (group
    1: the number)."""

    name: str
    year: Optional[int]
    kind: Optional[str]
    title: Optional[str] = None
    published: tuple = ()
    received: Optional[str] = None


_DATE = r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
_CN_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
_CRAWLER_DATE = r"时间[:：] ?" + _DATE  # "发布时间: 2022-02-08 16:34" (page header) and "时间：…" (breadcrumb)

BASES = (
    # 洪泽区人民政府 (a government), PDF: title on two lines ("洪泽区人民政府" / "2023年…报告"); no date
    # of publication in the text; part 一 says "2023年全区受理政府信息公开申请21件".
    Base(
        "real/hongze-2023.pdf",
        2023,
        GOVERNMENT,
        title=r"(?m)^(2023)年政府信息公开工作年度报告",
        received=r"全区受理政府信息公开申请(\d+)件",
    ),
    # 淮安市人民政府, PDF and its text: "全市共受理政府信息公开申请 3119 件"; no date of publication.
    Base(
        "real/huaian-2024.pdf",
        2024,
        GOVERNMENT,
        title=r"(?m)^(2024)年政府信息公开工作年度报告",
        received=r"全市共受理政府信息公开申请(\d+)件",
    ),
    Base(
        "real/huaian-2024.txt",
        2024,
        GOVERNMENT,
        title=r"(?m)^(2024) 年政府信息公开工作年度报告",
        received=r"全市共受理政府信息公开申请 (\d+) 件",
    ),
    # 平潭综合实验区 (管委会): crawler pages. The title stands in the "标题:" header, in the local folder
    # name (line 7) and, in 2019 and 2021, at the head of the body; the date in "发布时间:" and, in
    # 2021, in the breadcrumb ("时间：2022-02-08"). 2019 states no count of requests received.
    Base(
        "real/pingtan-2019.txt",
        2019,
        GOVERNMENT,
        title=r"平潭综合实验区(2019)年度?政府信息公开工作年度报告",
        published=(_CRAWLER_DATE,),
    ),
    Base(
        "real/pingtan-2021.txt",
        2021,
        GOVERNMENT,
        title=r"平潭综合实验区(2021)年度政府信息公开工作年度报告",
        published=(_CRAWLER_DATE,),
        received=r"本年度全区共收到(\d+)件申请",
    ),
    Base(
        "real/pingtan-2023.txt",
        2023,
        GOVERNMENT,
        title=r"平潭综合实验区(2023)年度政府信息公开工作年度报告",
        published=(_CRAWLER_DATE,),
        received=r"各类政府信息公开申请共计(\d+)件",
    ),
    Base(
        "real/pingtan-2025.txt",
        2025,
        GOVERNMENT,
        title=r"平潭综合实验区(2025)年度政府信息公开工作年度报告",
        published=(_CRAWLER_DATE,),
        received=r"全区共收到政府信息公开申请(\d+)件",
    ),
    # 平潭综合实验区财政金融局 (a department): dated in the header and signed "2022年1月13日" at the end;
    # no count of requests in the text (table 三 is all zeros); no part 六 (the text ends after 五).
    Base(
        "real/pt-czj-2021.txt",
        2021,
        DEPARTMENT,
        title=r"财政金融局(2021)年度政府信息公开工作年度报告",
        published=(_CRAWLER_DATE, r"财政全融局 " + _CN_DATE),
    ),
    # 上海市人民政府办公厅: title over two lines; no date; "市政府共受理政府信息公开申请 1295 件" (新收 1259
    # + 结转 36); the heading of part 五 is lost in the transcription.
    Base(
        "real/sh-bgt-2025.md",
        2025,
        GOVERNMENT,
        title=r"(?m)^(2025) 年上海市人民政府办公厅政府信息公开$",
        received=r"市政府共受理政府信息公开申请 (\d+) 件",
    ),
    # 沭阳县人民政府 (OCR: 沐阳): dated under the title "(2026年1月23日)" and at the end.
    Base(
        "real/shuyang-2025.txt",
        2025,
        GOVERNMENT,
        title=r"(?m)^# 沐阳县人民政府 (2025) 年",
        published=(r"(?m)^\(?" + _CN_DATE + r"\)?$",),
        received=r"全县全年共受理政府信息公开申请 (\d+) 件",
    ),
    # 沭阳县发展和改革局 (a department), web page: title in the page's 名称 field and as its heading;
    # "公开日期 2024-01-17" and signed "2024年1月17日"; "2023年度我局共收到依申请信息公开26件".
    Base(
        "real/shuyang-fgj-2023.html",
        2023,
        DEPARTMENT,
        title=r"沭阳县发展和改革局(2023)年政府信息公开年度报告",
        published=(r"公开日期\t" + _DATE, r"(?m)^" + _CN_DATE + "$"),
        received=r"我局共收到依申请信息公开(\d+)件",
    ),
    # The blank national template: headings and empty tables only.
    Base("real/template-2021.docx", None, None),
    # 运城市科学技术局: signed "运城市科学技术局 2023年1月17日"; the only count is one day's ("2022年11月4日,
    # 我局收到市政府办转至我单位的信息公开申请1份"), which table 三 (本年新收 1) must still cover.
    Base(
        "seeds/000_6424f50ad3d5c809.txt",
        2022,
        DEPARTMENT,
        title=r"(?m)^运城市科学技术局 (2022) 年政府信息公开年度报告",
        published=(r"运城市科学技术局 " + _CN_DATE,),
        received=r"我局收到市政府办转至我单位的信息公开申请(\d+)份",
    ),
    # 兰山区科学技术局: page dated "2024-01-19" under the title; the period lost its 年/月
    # ("202311日至20231231日"); the text says "未收到" (no count).
    Base(
        "seeds/001_48885ef824cbd5d4.txt",
        2023,
        DEPARTMENT,
        title=r"兰山区科学技术局(2023)年政府信息公开工作年度报告",
        published=(r"(?m)^" + _DATE,),
    ),
    Base(
        "seeds/002_0b3756e79a1f4c29.txt",
        2022,
        DEPARTMENT,
        title=r"(?m)^(2022) 年政府信息公开工作年度报告",
        received=r"共受理政府信息依申请公开(\d+)件",
    ),
    Base(
        "seeds/003_10421f3e08d9eefa.txt",
        2023,
        DEPARTMENT,
        title=r"温县科技和工业信息化局 (2023) 年",
        received=r"共收到政府信息公开申请 (\d+) 件",
    ),
    Base(
        "seeds/004_7cf50946b776564f.txt",
        2022,
        DEPARTMENT,
        title=r"上街区科学技术和工业信息化局(2022)年",
    ),
)
BASE_BY_NAME = {b.name: b for b in BASES}

# Error findings on the unedited bases that are true, each checked by reading the report:
# {base: {(code, table, row, col): why}}.
VERIFIED_ERRORS = {
    "real/hongze-2023.pdf": {
        ("IDN004", "t4", "review", "total"): "PDF page 4: 行政复议 10 1 0 0, 总计 printed 0",
        ("IDN004", "t4", "litigation_after_review", "total"): "PDF page 4: 复议后起诉 5 0 0 0, 总计 printed 0",
    },
    "real/pt-czj-2021.txt": {
        ("STR001", None, None, None): "the text ends with part 五 and the signature: no 六、其他需要报告的事项",
    },
    "seeds/002_0b3756e79a1f4c29.txt": {
        ("FEE003", "t2", "fees", "amount"): "行政事业性收费 12872.06 万元 (1.29 亿元) for a city's 科学技术局: "
        "the implausible figure docs/report-format.md §6 cites",
    },
    "seeds/003_10421f3e08d9eefa.txt": {
        ("EXT001", "t3", None, "other_org"): "the header of table 三 (line 58) has 商业企业 科研机构 社会公益组织 "
        "法律服务机构 总计: no 其他 column",
    },
}

# --- kinds --------------------------------------------------------------------------------------

# Table 三 cells that a seed changes, one kind each: a row total, a (七)总计 cell, a 本年新收 cell.
T3_CELLS = {
    "t3-row-total": ("granted", "total"),
    "t3-handled-total": ("total_handled", "natural_person"),
    "t3-balance": ("new_received", "natural_person"),
}
# Two rows whose figures, swapped, break an identity (rows on the same side of every identity, such as
# 本年新收 and 上年结转, could be swapped unseen): the first pair whose figures differ is swapped.
SWAP_PAIRS = (("total_handled", "carried_forward"), ("new_received", "granted"))
HEADING_KINDS = {f"heading-removed-{n}": n for n in range(1, 7)}
SWAP_KINDS = {"parts-swapped-5-6": (5, 6), "parts-swapped-4-5": (4, 5)}

KINDS = (
    *T3_CELLS,
    "t3-rows-swapped",
    "t4-group-total",
    "period-year",
    "title-year",
    "fee-unit",
    "fee-decimals",
    "received-count",
    *HEADING_KINDS,
    *SWAP_KINDS,
    "published-late",
)
# Not errors: a seed the rules must let pass (counted apart from the seeded errors).
CONTROLS = ("published-on-deadline",)

# What each kind expects, in words (for the figures and the report).
EXPECTED = {
    "t3-row-total": "IDN finding naming the changed 予以公开 总计 cell",
    "t3-handled-total": "IDN finding naming the changed (七)总计 自然人 cell",
    "t3-balance": "IDN finding naming the changed 本年新收 自然人 cell",
    "t3-rows-swapped": "IDN finding involving either swapped row",
    "t4-group-total": "IDN004 at the changed 表四 总计 cell",
    "period-year": "DAT002 at the period, no DAT004",
    "title-year": "DAT004 at the title, no DAT002",
    "fee-unit": "FEE001 at the fee cell",
    "fee-decimals": "FEE002 at the fee cell",
    "received-count": "TXT001 at the sentence, with the seeded number",
    **{k: f"STR001 or EXT011 naming part {n}, at its place if located" for k, n in HEADING_KINDS.items()},
    **{k: f"STR003 at the heading of part {a}, now after part {b}" for k, (a, b) in SWAP_KINDS.items()},
    "published-late": "DAT003 at the date, with the seeded date",
    "published-on-deadline": "no DAT003 warning or error",
}
# The canonical table 二 has no identity inside one report (in_force ≈ last year's + issued − repealed
# needs last year's report, and IDN006 is a warning): no table 二 kind is seeded.
NOT_SEEDED = {"t2-cell": "表二 has no identity inside one report (IDN006 compares with last year's report)"}


# --- loading ------------------------------------------------------------------------------------


@functools.cache
def engine(select: tuple = ()) -> Engine:
    """Default options, no project config (the answers do not depend on where pytest runs); every rule,
    or the families in ``select`` (rules read the report, never each other's findings)."""
    return Engine(ProjectConfig(), Overrides(select=list(select) or None, timeout=None))


@attrs.frozen
class Loaded:
    base: Base
    doc: Document
    text: str
    report: Report
    findings: tuple
    starts: tuple  # offset of each line's first character in ``text``

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


def _line_starts(text: str) -> list:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def line_col(text: str, offset: int) -> tuple:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse_edited(loaded: Loaded, text: str) -> Report:
    """The report of an edited text, read as the base's reader read the original (same format, so a
    web page's rows of cells stay rows of cells; same origins, the edits keep the number of lines)."""
    lines = tuple(text.split("\n"))
    assert len(lines) == len(loaded.doc.lines), "an edit changed the number of lines"
    doc = attrs.evolve(loaded.doc, lines=lines)
    return parse_document(doc, source=str(FIXTURES / loaded.base.name))


def check(report: Report, name: str, select: tuple = ()) -> tuple:
    return tuple(engine(select).check_report(report, name).findings)


@functools.cache
def load(name: str) -> Loaded:
    """A base read once, parsed once and checked once."""
    base = BASE_BY_NAME[name]
    doc = read_document(FIXTURES / name, default_manager())
    report = parse_document(doc, source=str(FIXTURES / name))
    assert len(report.lines) == len(doc.lines), f"{name}: the parser split the reader's lines"
    text = "\n".join(doc.lines)
    return Loaded(base, doc, text, report, check(report, name), tuple(_line_starts(text)))


def base_errors(name: str) -> tuple:
    """(verified, false): the error findings on the unedited base, told apart by VERIFIED_ERRORS."""
    verified, false = [], []
    known = VERIFIED_ERRORS.get(name, {})
    for f in load(name).findings:
        if f.severity != ERROR:
            continue
        key = (f.code, f.location.table, f.location.row, f.location.col)
        (verified if key in known else false).append(f)
    return tuple(verified), tuple(false)


# --- seeds --------------------------------------------------------------------------------------


@attrs.frozen
class Seed:
    kind: str
    edit: str  # the edit, in words: where, what was there, what it became
    text: str
    judge: Callable  # (findings, report) -> the finding that satisfies the kind, or None
    forbid: tuple = ()  # codes that must not be reported (the wrong culprit)


@attrs.frozen
class Skip:
    reason: str


def splice(text: str, edits: list) -> str:
    """``text`` with each (start, end, new) replaced; the edits must not overlap."""
    out, last = [], len(text)
    for start, end, new in sorted(edits, reverse=True):
        assert end <= last, "overlapping edits"
        out.append(text[end:last])
        out.append(new)
        last = start
    out.append(text[:last])
    return "".join(reversed(out))


def _places(f: Finding) -> list:
    return [f.location, *f.related]


def _at_cell(loc: Location, table: str, row: str, col: str, cell) -> bool:
    return (
        (loc.table, loc.row, loc.col) == (table, row, col)
        and loc.line == cell.line
        and (loc.column is None or loc.column == cell.column)
    )


def _known(cell) -> bool:
    return cell is not None and cell.kind in (NUMBER, BLANK) and cell.confidence >= GUESSED


def _value(cell):
    return cell.as_count()


def _holds(identity, table) -> Optional[bool]:
    """True/False when every cell of the identity is known in the base, else None."""
    cells = [table.cell(r, c) for r, c in identity.cells]
    if not all(_known(c) for c in cells):
        return None
    left = sum(_value(table.cell(r, c)) for r, c in identity.left)
    right = sum(_value(table.cell(r, c)) for r, c in identity.right)
    return abs(left - right) <= spec.TOLERANCE


def _bumped(raw: str) -> Optional[str]:
    """A count changed by one, keeping its number of digits (…9 goes down, the rest up)."""
    if not raw.isdigit():
        return None
    v = int(raw)
    return str(v - 1 if v % 10 == 9 else v + 1)


def _identities(loaded: Loaded, table: str) -> list:
    report = loaded.report
    if table == "t4":
        return t4_identities()
    table_spec = spec.tables_for(report.meta.template_version)["t3"]
    t3 = report.tables["t3"]
    printed = {c for c in spec.T3_CATEGORIES if c in t3.rows and c not in {r.key for r in table_spec.rows}}
    if printed:
        table_spec = spec.with_categories_printed(table_spec, printed)
    return t3_identities(table_spec, t3.present_columns)


def _judgeable(loaded: Loaded, table: str, cells: list) -> Optional[str]:
    """None when some identity through one of ``cells`` is known and holds in the base; else why not."""
    t = loaded.report.tables[table]
    through = [i for i in _identities(loaded, table) if any(c in i.cells for c in cells)]
    verdicts = [_holds(i, t) for i in through]
    if True in verdicts:
        return None
    if False in verdicts:
        return "the identities through the cell already fail in the base"
    return "no identity through the cell can be judged in the base (cells lost or placed by guess)"


def _damaged_rows(loaded: Loaded, table: str) -> dict:
    """{row: problem kind} for the rows the parser read with a number too many or too few."""
    return {
        p.row: p.kind
        for p in loaded.report.problems
        if p.table == table and p.row and p.kind in ("cell-extra", "cell-missing", "row-damaged")
    }


def _cell_edit(loaded: Loaded, table: str, row: str, col: str):
    """(start, end, old, new) for a count changed by one, where the parser read it; or a Skip."""
    t = loaded.report.tables.get(table)
    if t is None or not t.found:
        return Skip(f"no table {table}")
    cell = t.cell(row, col)
    if cell is None or cell.kind != NUMBER or cell.line is None:
        return Skip(f"{table}.{row}.{col} holds no number")
    if cell.confidence < GUESSED:
        return Skip(f"{table}.{row}.{col} was placed by guess")
    new = _bumped(cell.raw)
    if new is None:
        return Skip(f"{table}.{row}.{col} is not a plain count: {cell.raw!r}")
    start = loaded.offset(cell.line, cell.column)
    if loaded.text[start : start + len(cell.raw)] != cell.raw:
        return Skip(f"{table}.{row}.{col}: {cell.raw!r} is not at line {cell.line} column {cell.column}")
    damaged = _damaged_rows(loaded, table)
    if row in damaged:
        return Skip(f"{table}.{row}: the base's row is damaged ({damaged[row]}), where each number stands is a guess")
    why = _judgeable(loaded, table, [(row, col)])
    if why:
        return Skip(why)
    return cell, start, new


def seed_cell(loaded: Loaded, kind: str, table: str, row: str, col: str, codes: tuple = ("IDN",)):
    got = _cell_edit(loaded, table, row, col)
    if isinstance(got, Skip):
        return got
    cell, start, new = got

    def judge(findings, report):
        for f in findings:
            if f.code.startswith(codes) and any(_at_cell(p, table, row, col, cell) for p in _places(f)):
                return f
        return None

    return Seed(
        kind,
        f"line {cell.line} column {cell.column} ({table}.{row}.{col}): {cell.raw} -> {new}",
        splice(loaded.text, [(start, start + len(cell.raw), new)]),
        judge,
    )


def _swap_breaks(loaded: Loaded, a: str, b: str) -> bool:
    """Does swapping the figures of rows a and b break an identity that is known and holds in the base?"""
    t = loaded.report.tables["t3"]
    swapped = {a: b, b: a}
    for identity in _identities(loaded, "t3"):
        if not _holds(identity, t):
            continue
        value = lambda r, c: _value(t.cell(swapped.get(r, r), c))
        left = sum(value(r, c) for r, c in identity.left)
        right = sum(value(r, c) for r, c in identity.right)
        if abs(left - right) > spec.TOLERANCE:
            return True
    return False


def seed_rows_swapped(loaded: Loaded):
    t = loaded.report.tables.get("t3")
    if t is None or not t.found:
        return Skip("no table 三")
    cols = t.present_columns
    damaged = _damaged_rows(loaded, "t3")
    for a, b in SWAP_PAIRS:
        cells = [(r, c, t.cell(r, c)) for r in (a, b) for c in cols]
        if a in damaged or b in damaged or not all(_known(x) and x.kind == NUMBER for _, _, x in cells):
            continue
        if not _swap_breaks(loaded, a, b):
            continue
        edits = []
        for c in cols:
            ca, cb = t.cell(a, c), t.cell(b, c)
            for x in (ca, cb):
                start = loaded.offset(x.line, x.column)
                if loaded.text[start : start + len(x.raw)] != x.raw:
                    return Skip(f"t3 cell {x.raw!r} is not at line {x.line} column {x.column}")
            edits.append((loaded.offset(ca.line, ca.column), loaded.offset(ca.line, ca.column) + len(ca.raw), cb.raw))
            edits.append((loaded.offset(cb.line, cb.column), loaded.offset(cb.line, cb.column) + len(cb.raw), ca.raw))

        def judge(findings, report, rows=(a, b)):
            for f in findings:
                if f.code.startswith("IDN") and any(p.table == "t3" and p.row in rows for p in _places(f)):
                    return f
            return None

        shown = lambda r: " ".join(t.cell(r, c).raw for c in cols)
        return Seed(
            "t3-rows-swapped",
            f"figures of t3 rows {a} (line {t.cell(a, cols[0]).line}: {shown(a)}) and {b} "
            f"(line {t.cell(b, cols[0]).line}: {shown(b)}) swapped",
            splice(loaded.text, edits),
            judge,
        )
    return Skip("no pair of rows whose swap breaks an identity known in the base (equal figures, cells not read)")


def seed_t4(loaded: Loaded):
    t = loaded.report.tables.get("t4")
    if t is None or not t.found:
        return Skip("no table 四")
    for group in spec.T4_GROUPS:
        got = seed_cell(loaded, "t4-group-total", "t4", group, "total", codes=("IDN",))
        if isinstance(got, Seed):
            return got
    return got


def _fee_cell(loaded: Loaded):
    if loaded.report.meta.template_version != "2021":
        return Skip("2019 format: the fee row counts items, it has no amount")
    t2 = loaded.report.tables.get("t2")
    cell = t2.cell("fees", "amount") if t2 is not None and t2.found else None
    if cell is None or cell.kind != NUMBER or cell.line is None:
        return Skip("no fee amount")
    start = loaded.offset(cell.line, cell.column)
    if loaded.text[start : start + len(cell.raw)] != cell.raw:
        return Skip(f"fee {cell.raw!r} is not at line {cell.line} column {cell.column}")
    return cell, start


def _fee_judge(code: str, cell):
    def judge(findings, report):
        for f in findings:
            if f.code == code and _at_cell(f.location, "t2", "fees", "amount", cell):
                return f
        return None

    return judge


def seed_fee_unit(loaded: Loaded):
    got = _fee_cell(loaded)
    if isinstance(got, Skip):
        return got
    cell, start = got
    if "元" in cell.raw:
        return Skip(f"the fee cell already carries a unit: {cell.raw!r}")
    new = cell.raw + "万元"
    return Seed(
        "fee-unit",
        f"line {cell.line} column {cell.column} (t2.fees.amount): {cell.raw} -> {new}",
        splice(loaded.text, [(start, start + len(cell.raw), new)]),
        _fee_judge("FEE001", cell),
    )


def seed_fee_decimals(loaded: Loaded):
    got = _fee_cell(loaded)
    if isinstance(got, Skip):
        return got
    cell, start = got
    digits = re.fullmatch(r"(\d+)(?:\.(\d*))?", cell.raw)
    if digits is None:
        return Skip(f"the fee cell is not a plain amount: {cell.raw!r}")
    decimals = digits.group(2) or ""
    if len(decimals) >= 6:
        return Skip(f"the fee already has six decimals: {cell.raw}")
    new = f"{digits.group(1)}.{decimals}{'123456'[len(decimals) :]}"
    return Seed(
        "fee-decimals",
        f"line {cell.line} column {cell.column} (t2.fees.amount): {cell.raw} -> {new}",
        splice(loaded.text, [(start, start + len(cell.raw), new)]),
        _fee_judge("FEE002", cell),
    )


# The statistics period: 1 January to 31 December, the second year optional ("2025年1月1日至12月31日").
PERIOD = re.compile(
    r"(\d{4})[ \n]?年[ \n]?1[ \n]?月[ \n]?1[ \n]?日[ \n]?起?[ \n]?[至到][ \n]?(?:(\d{4})[ \n]?年[ \n]?)?12[ \n]?月[ \n]?31[ \n]?日"
)


def _matches(text: str, pattern: str, base: str, what: str) -> list:
    found = list(re.finditer(pattern, text))
    assert found, f"{base}: the {what} pattern {pattern!r} no longer matches (fix BASES)"
    return found


def _lines_of(text: str, m, group=0) -> set:
    first = text.count("\n", 0, m.start(group)) + 1
    return set(range(first, first + m.group(group).count("\n") + 1))


def seed_period(loaded: Loaded):
    base = loaded.base
    found = list(PERIOD.finditer(loaded.text))
    if not found or base.year is None:
        return Skip("no statistics period written with 年 and 月")
    m = found[0]
    old = str(base.year)
    if m.group(1) != old or (m.group(2) and m.group(2) != old):
        return Skip(f"the period is not the report's year: {m.group(0)!r}")
    new = str(base.year - 1)
    edits = [(m.start(g), m.end(g), new) for g in (1, 2) if m.group(g)]
    lines = _lines_of(loaded.text, m)

    def judge(findings, report):
        for f in findings:
            if f.code == "DAT002" and f.location.line in lines:
                return f
        return None

    return Seed(
        "period-year",
        f"line {min(lines)}: period {m.group(0)!r}, year {old} -> {new}",
        splice(loaded.text, edits),
        judge,
        forbid=("DAT004",),
    )


def seed_title(loaded: Loaded):
    base = loaded.base
    if base.title is None:
        return Skip("no title")
    found = _matches(loaded.text, base.title, base.name, "title")
    new = str(base.year - 1)
    lines = set()
    for m in found:
        assert m.group(1) == str(base.year), f"{base.name}: title year {m.group(1)}"
        lines |= _lines_of(loaded.text, m, 1)

    def judge(findings, report):
        for f in findings:
            if f.code == "DAT004" and f.location.line in lines:
                return f
        return None

    return Seed(
        "title-year",
        f"title year {base.year} -> {new} on line(s) {', '.join(map(str, sorted(lines)))}",
        splice(loaded.text, [(m.start(1), m.end(1), new) for m in found]),
        judge,
        forbid=("DAT002",),
    )


def seed_received(loaded: Loaded):
    base = loaded.base
    if base.received is None:
        return Skip("the text states no count of requests received")
    m = _matches(loaded.text, base.received, base.name, "received")[0]
    n = int(m.group(1))
    t3 = loaded.report.tables["t3"]
    values = [t3.cell(r, "total") for r in ("new_received", "carried_over", "total_handled")]
    if not all(v is not None and v.kind == NUMBER for v in values):
        return Skip("table 三's totals of 本年新收, 上年结转 and (七)总计 are not all read")
    new_, carried, handled = (v.value for v in values)
    allowed = {new_, new_ + carried, handled}  # what the text may fairly call the requests received
    if n not in allowed:
        return Skip(f"the base's count {n} already differs from table 三")
    seeded = next(k for k in range(n + 1, n + 10) if k not in allowed)
    line, column = line_col(loaded.text, m.start(1))

    def judge(findings, report):
        for f in findings:
            if f.code == "TXT001" and f.location.line == line and f.actual == seeded:
                if f.location.column is None or f.location.column <= column:
                    return f
        return None

    return Seed(
        "received-count",
        f"line {line} column {column}: {m.group(0)!r}, {n} -> {seeded}",
        splice(loaded.text, [(m.start(1), m.end(1), str(seeded))]),
        judge,
    )


def _part_start(loaded: Loaded, part) -> int:
    return loaded.offset(part.line, part.column)


def _heading_span(loaded: Loaded, part):
    """(start, end) of the heading as printed, from its numeral; or a Skip."""
    start = _part_start(loaded, part)
    line_end = loaded.text.find("\n", start)
    line_end = len(loaded.text) if line_end < 0 else line_end
    if not loaded.text.startswith(part.numeral, start):
        return Skip(f"no numeral {part.numeral!r} at the heading of part {part.number}")
    end = loaded.text.find(part.heading, start, line_end)
    if end < 0 or end - start > 4:
        return Skip(f"heading {part.heading!r} is not on line {part.line} after its numeral")
    return start, end + len(part.heading)


def seed_heading_removed(loaded: Loaded, kind: str, n: int):
    parts = loaded.report.parts
    part = next((p for p in parts if p.number == n), None)
    if part is None or sum(p.number == n for p in parts) > 1:
        return Skip(f"the base has no single heading of part {n}")
    span = _heading_span(loaded, part)
    if isinstance(span, Skip):
        return span
    start, end = span
    later = [p for p in parts if (p.line, p.column) > (part.line, part.column)]
    last_line = min((p.line for p in later), default=len(loaded.doc.lines))
    title = spec.PART_TITLES[n]

    numbered = f"第{spec.NUMERALS[n - 1]}部分"

    def judge(findings, report):
        # A heading gone while the part's content (its table, its text) stays is a heading finding,
        # a warning (STR001's or EXT011's), not a missing part: either names the part where it stands.
        for f in findings:
            names = title in str(f.expected) or title in f.message or numbered in f.message
            if f.code in ("STR001", "EXT011") and names:
                if f.location.line is None or part.line <= f.location.line <= last_line:
                    return f
        return None

    return Seed(
        kind,
        f"line {part.line} column {part.column}: heading {loaded.text[start:end]!r} removed",
        splice(loaded.text, [(start, end, "")]),
        judge,
    )


def _block_start(loaded: Loaded, part) -> int:
    """Where a part's block starts: its line's start when only markup stands before the heading."""
    start = _part_start(loaded, part)
    line_start = loaded.starts[part.line - 1]
    return line_start if not loaded.text[line_start:start].strip(" #|\t") else start


def seed_parts_swapped(loaded: Loaded, kind: str, a: int, b: int):
    parts = loaded.report.parts
    numbers = [p.number for p in parts]
    if numbers != sorted(numbers) or a not in numbers or b not in numbers:
        return Skip(f"the base does not have parts {a} and {b} in order")
    pa, pb = (next(p for p in parts if p.number == x) for x in (a, b))
    after = [p for p in parts if p.number > b]
    sa, sb = _block_start(loaded, pa), _block_start(loaded, pb)
    end = _block_start(loaded, after[0]) if after else len(loaded.text)
    text = loaded.text
    block_a, block_b = text[sa:sb], text[sb:end]
    if block_a.endswith("\n") and not block_b.endswith("\n"):  # the last part ends the text
        block_b, block_a = block_b + "\n", block_a[:-1]
    new = text[:sa] + block_b + block_a + text[end:]
    heading = sa + len(block_b) + (_part_start(loaded, pa) - sa)
    line, column = line_col(new, heading)
    assert new.startswith(pa.numeral, heading)

    def judge(findings, report):
        for f in findings:
            if f.code == "STR003" and f.location.line == line:
                if f.location.column is None or f.location.column == column:
                    return f
        return None

    return Seed(
        kind,
        f"part {a} (line {pa.line} column {pa.column}) and part {b} (line {pb.line} column {pb.column}) swapped; "
        f"part {a}'s heading now at line {line} column {column}",
        new,
        judge,
    )


def next_working_day(day: dt.date) -> dt.date:
    for _ in range(20):
        try:
            working = chinese_calendar.is_workday(day)
        except NotImplementedError:
            working = day.weekday() < 5
        if working:
            return day
        day += dt.timedelta(days=1)
    raise AssertionError(day)


def deadline(base: Base) -> Optional[dt.date]:
    if base.kind not in (GOVERNMENT, DEPARTMENT) or base.year is None:
        return None
    month, day = (3, 31) if base.kind == GOVERNMENT else (1, 31)
    return next_working_day(dt.date(base.year + 1, month, day))


def seed_published(loaded: Loaded, kind: str):
    base = loaded.base
    if not base.published:
        return Skip("no date of publication in the text")
    due = deadline(base)
    if due is None:
        return Skip("no statutory deadline for this body")
    date = due + dt.timedelta(days=1) if kind == "published-late" else due
    edits, lines = [], set()
    for pattern in base.published:
        for m in _matches(loaded.text, pattern, base.name, "published"):
            for g, value in (("y", date.year), ("m", date.month), ("d", date.day)):
                width = len(m.group(g))
                edits.append((m.start(g), m.end(g), str(value).zfill(width) if width == 2 else str(value)))
            lines |= _lines_of(loaded.text, m)
    text = splice(loaded.text, edits)

    if kind == "published-late":

        def judge(findings, report):
            for f in findings:
                if f.code == "DAT003" and f.severity != INFO and f.location.line in lines:
                    if f.actual == date.isoformat():
                        return f
            return None

    else:

        def judge(findings, report):
            late = [f for f in findings if f.code == "DAT003" and f.severity != INFO]
            return None if late else "no DAT003"

    return Seed(
        kind,
        f"date(s) of publication on line(s) {', '.join(map(str, sorted(lines)))} -> {date} "
        f"(deadline for a {base.kind}: {due})",
        text,
        judge,
    )


def make_seed(loaded: Loaded, kind: str):
    if kind in T3_CELLS:
        row, col = T3_CELLS[kind]
        return seed_cell(loaded, kind, "t3", row, col)
    if kind == "t3-rows-swapped":
        return seed_rows_swapped(loaded)
    if kind == "t4-group-total":
        return seed_t4(loaded)
    if kind == "period-year":
        return seed_period(loaded)
    if kind == "title-year":
        return seed_title(loaded)
    if kind == "fee-unit":
        return seed_fee_unit(loaded)
    if kind == "fee-decimals":
        return seed_fee_decimals(loaded)
    if kind == "received-count":
        return seed_received(loaded)
    if kind in HEADING_KINDS:
        return seed_heading_removed(loaded, kind, HEADING_KINDS[kind])
    if kind in SWAP_KINDS:
        return seed_parts_swapped(loaded, kind, *SWAP_KINDS[kind])
    if kind in ("published-late", "published-on-deadline"):
        return seed_published(loaded, kind)
    raise KeyError(kind)


# --- outcomes -----------------------------------------------------------------------------------


def describe(f: Finding) -> str:
    loc = f.location
    where = ".".join(x for x in (loc.table, loc.row, loc.col) if x)
    return f"{f.code} {f.severity} {loc.line}:{loc.column} [{where}] {f.message}"


@attrs.frozen
class Outcome:
    base: str
    kind: str
    status: str  # found, missed, skipped
    edit: str = ""
    expected: str = ""
    got: str = ""  # the finding that satisfied the kind, or what was reported of the expected codes
    wrong: tuple = ()  # forbidden findings reported (the wrong culprit)
    collateral: tuple = ()  # new error findings that the edit does not explain

    @property
    def found(self) -> bool:
        return self.status == "found"


# Codes whose findings a kind's edit explains (not counted as collateral errors).
_EXPLAINED = {
    # a changed table cell also makes the text's statement of that figure wrong (TXT)
    **{k: ("IDN", "TXT") for k in (*T3_CELLS, "t3-rows-swapped", "t4-group-total")},
    "period-year": ("DAT002",),
    "title-year": ("DAT004",),
    "fee-unit": ("FEE001",),
    "fee-decimals": ("FEE002",),
    "received-count": ("TXT001",),
    **{k: ("STR001", "EXT011") for k in HEADING_KINDS},
    **{k: ("STR003",) for k in SWAP_KINDS},
    "published-late": ("DAT003",),
    "published-on-deadline": (),
}
# The codes shown when a seed is missed (what ogilint said about the place instead).
_SHOWN = {
    **{k: ("IDN", "EXT") for k in (*T3_CELLS, "t3-rows-swapped", "t4-group-total")},
    "period-year": ("DAT",),
    "title-year": ("DAT",),
    "fee-unit": ("FEE", "DOM"),
    "fee-decimals": ("FEE", "DOM"),
    "received-count": ("TXT",),
    **{k: ("STR", "EXT011") for k in HEADING_KINDS},
    **{k: ("STR",) for k in SWAP_KINDS},
    "published-late": ("DAT003",),
    "published-on-deadline": ("DAT003",),
}


def _key(f: Finding) -> tuple:
    return (f.code, f.location.table, f.location.row, f.location.col)


# The rule families a kind's verdict needs (the test runs only these; the figures run every rule, to
# list the collateral errors).
_FAMILIES = {
    **{k: ("IDN",) for k in (*T3_CELLS, "t3-rows-swapped", "t4-group-total")},
    "period-year": ("DAT",),
    "title-year": ("DAT",),
    "fee-unit": ("FEE",),
    "fee-decimals": ("FEE",),
    "received-count": ("TXT",),
    **{k: ("STR", "EXT011") for k in HEADING_KINDS},
    **{k: ("STR",) for k in SWAP_KINDS},
    "published-late": ("DAT003",),
    "published-on-deadline": ("DAT003",),
}


@functools.cache
def outcome(name: str, kind: str, every_rule: bool = True) -> Outcome:
    """The verdict on one seed. ``every_rule``: run every rule and list the collateral errors (new
    errors the edit does not explain); otherwise only the families the verdict needs (faster)."""
    loaded = load(name)
    seed = make_seed(loaded, kind)
    expected = EXPECTED[kind]
    if isinstance(seed, Skip):
        return Outcome(name, kind, "skipped", expected=expected, got=seed.reason)
    report = parse_edited(loaded, seed.text)
    findings = check(report, name, () if every_rule else _FAMILIES[kind])
    hit = seed.judge(findings, report)
    wrong = tuple(describe(f) for f in findings if f.code in seed.forbid)
    before = {_key(f) for f in loaded.findings if f.severity == ERROR}
    collateral = tuple(
        describe(f)
        for f in findings
        if every_rule and f.severity == ERROR and _key(f) not in before and not f.code.startswith(_EXPLAINED[kind])
    )
    if kind in CONTROLS:
        found = hit is not None
        got = "" if found else "; ".join(describe(f) for f in findings if f.code == "DAT003")
    else:
        found = hit is not None and not wrong
        shown = (describe(f) for f in findings if f.code.startswith(_SHOWN[kind]))
        got = describe(hit) if hit is not None else "; ".join(shown)
    return Outcome(
        name,
        kind,
        "found" if found else "missed",
        edit=seed.edit,
        expected=expected,
        got=got or "(nothing)",
        wrong=wrong,
        collateral=collateral,
    )


def all_outcomes(kinds=KINDS, every_rule: bool = True) -> list:
    return [outcome(b.name, k, every_rule) for b in BASES for k in kinds]
