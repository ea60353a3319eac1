"""Two rows of table 三 exchanged (IDN011): named, instead of the column identities they break, when
they stand in different places of those identities; unseen (and nothing reported) when they do not.

huaian-2024 prints each row of table 三 on one line ("（一）予以公开 1288 21 0 0 50 3 1362"): the numbers of
two lines are exchanged in the text, and the report parsed again.
"""

from __future__ import annotations

import itertools

from ogilint import parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from tests.conftest import FIXTURES

HUAIAN = FIXTURES / "real" / "huaian-2024.txt"
ENGINE = Engine(ProjectConfig(), Overrides(select=["IDN"]))

# Where each row stands in the column identities (balance: 本年新收 + 上年结转 = (七)总计 + 结转下年度;
# handled: the outcomes add up to (七)总计). Rows of one place exchange unseen.
TAKEN_IN = {"new_received", "carried_over"}
OWN_PLACE = {"total_handled", "carried_forward"}


def _place(row: str) -> str:
    return "taken-in" if row in TAKEN_IN else row if row in OWN_PLACE else "outcome"


def _rows_on_one_line(report) -> dict:
    out = {}
    for key, row in report.tables["t3"].rows.items():
        cells = list(row.cells.values())
        if all(c.line is not None for c in cells) and len({c.line for c in cells}) == 1:
            out[key] = (cells[0].line, " ".join(c.raw for c in cells))
    return out


def test_exchanged_rows_are_named_or_unseen():
    text = HUAIAN.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = _rows_on_one_line(parse_text(text))
    assert len(rows) == 25
    order = list(rows)
    for n, (a, b) in enumerate(itertools.combinations(order, 2)):
        (la, va), (lb, vb) = rows[a], rows[b]
        seen = _place(a) != _place(b)
        # A sample: every exchange among the four rows that are no outcome, every second of an outcome
        # with one of them, every tenth of two outcome rows.
        step = 1 if "outcome" not in (_place(a), _place(b)) else 2 if seen else 10
        if va == vb or n % step:
            continue
        edited = list(lines)
        assert edited[la - 1].endswith(va) and edited[lb - 1].endswith(vb)
        edited[la - 1] = edited[la - 1][: -len(va)] + vb
        edited[lb - 1] = edited[lb - 1][: -len(vb)] + va
        findings = ENGINE.check_report(parse_text("\n".join(edited))).findings
        if (a, b) == ("new_received", "carried_over"):
            # Unseen by the table; but the narrative says 受理…申请 3119 件 (line 28): 上年结转's total now.
            assert [(f.code, f.severity, f.location.row) for f in findings] == [("IDN011", "warning", a)]
            continue
        if not seen:
            assert findings == [], (a, b, [f.message for f in findings])
            continue
        assert [f.code for f in findings] == ["IDN011"], (a, b, [f.message for f in findings])
        [f] = findings
        assert f.location.row == a and f.location.line == la
        assert {p.row for p in f.related} == {a, b}
        assert f.severity == "error"
