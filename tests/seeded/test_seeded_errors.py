"""Seeded errors found at the right place, and no false error on the unedited reports.

One test per (base, kind) of ``tests/seeded/seeds.py``: the base report edited in one place (a table
cell, two rows, a year, the fee cell, the text's count, a heading, two parts, the date of
publication), and the finding that edit must produce, where it must be. A kind the base has nothing
for is skipped. Misses known today are marked ``xfail(strict=True)`` with their cause, so that a fix
shows up as an unexpected pass and the mark is removed with it. ``python -m
tests.benchmarks.bench_seeded`` prints the figures.
"""

from __future__ import annotations

import pytest

from tests.seeded import seeds

_T4_RUN_TOGETHER = (
    "table 四's fifteen figures run together in crawler text: with a group total off by one no full reading "
    "fits the identities, the parser falls back to readings with a lost cell and warns EXT003, no IDN004"
)
_TITLE_NO_PERIOD = (
    "no readable statistics period, no date of publication, and part 一 names the year too seldom to count: "
    "nothing holds the title's year to account (DAT004 needs one source at least)"
)

# (base, kind) -> why ogilint misses it today.
KNOWN_MISSES = {
    **{(base, "t4-group-total"): _T4_RUN_TOGETHER for base in ("real/pingtan-2025.txt",)},
    **{(base, "title-year"): _TITLE_NO_PERIOD for base in ("seeds/003_10421f3e08d9eefa.txt",)},
    ("real/sh-bgt-2025.md", "period-year"): (
        "no date of publication and part 一 names 2025 once: nothing decides between title and period, so "
        "DAT004 (an error, at the title) says 请核对哪一个有误 instead of DAT002 at the period"
    ),
}


def _params():
    for base in seeds.BASES:
        for kind in (*seeds.KINDS, *seeds.CONTROLS):
            why = KNOWN_MISSES.get((base.name, kind))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(base.name, kind, id=f"{base.name}::{kind}", marks=marks)


@pytest.mark.parametrize("base,kind", list(_params()))
def test_seeded_error_found_at_its_place(base, kind):
    result = seeds.outcome(base, kind, every_rule=False)
    if result.status == "skipped":
        pytest.skip(result.got)
    shown = f"edit: {result.edit}\nexpected: {result.expected}\nogilint: {result.got}"
    if result.wrong:
        shown += "\nwrong culprit: " + "; ".join(result.wrong)
    assert result.found, shown


@pytest.mark.parametrize("base", [b.name for b in seeds.BASES])
def test_no_false_error_on_the_unedited_report(base):
    verified, false = seeds.base_errors(base)
    assert not false, "\n".join(seeds.describe(f) for f in false)
    reported = {(f.code, f.location.table, f.location.row, f.location.col) for f in verified}
    missing = set(seeds.VERIFIED_ERRORS.get(base, {})) - reported
    assert not missing, f"true errors no longer reported: {sorted(missing, key=str)}"


def test_known_misses_name_real_seeds():
    kinds = {*seeds.KINDS, *seeds.CONTROLS}
    assert all(base in seeds.BASE_BY_NAME and kind in kinds for base, kind in KNOWN_MISSES)
