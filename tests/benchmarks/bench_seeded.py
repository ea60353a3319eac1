"""Seeded errors: found/seeded per kind and overall, every miss with its edit, the collateral errors of
the seeds, and the false errors on the unedited reports (tests/seeded/seeds.py says how seeds are made
and judged). Every rule runs, as ``ogilint check`` runs them.

Run from the repository's root: python -m tests.benchmarks.bench_seeded   — prints figures; asserts
nothing (tests/seeded/test_seeded_errors.py holds the checks).
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.seeded import seeds


def _pct(found: int, total: int) -> str:
    return f"{100 * found / total:5.1f}%" if total else "    -"


def main(verbose: bool = True) -> int:
    start = time.perf_counter()
    outcomes = seeds.all_outcomes((*seeds.KINDS, *seeds.CONTROLS), every_rule=True)
    seconds = time.perf_counter() - start
    by_kind = collections.defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o)

    print(f"seeded errors on {len(seeds.BASES)} complete reports ({seconds:.1f} s, every rule)")
    print(f"{'kind':24} {'found/seeded':>12} {'':>6}  skipped  expected")
    found_all = seeded_all = skipped_all = 0
    for kind in seeds.KINDS:
        rows = by_kind[kind]
        seeded = [o for o in rows if o.status != "skipped"]
        found = sum(o.found for o in seeded)
        skipped = len(rows) - len(seeded)
        found_all, seeded_all, skipped_all = found_all + found, seeded_all + len(seeded), skipped_all + skipped
        print(f"{kind:24} {found:>5}/{len(seeded):<6} {_pct(found, len(seeded))}  {skipped:>7}  {seeds.EXPECTED[kind]}")
    print(f"{'overall':24} {found_all:>5}/{seeded_all:<6} {_pct(found_all, seeded_all)}  {skipped_all:>7}")
    for kind, why in seeds.NOT_SEEDED.items():
        print(f"{kind:24} not seeded: {why}")
    for kind in seeds.CONTROLS:
        rows = [o for o in by_kind[kind] if o.status != "skipped"]
        print(f"control {kind}: {sum(o.found for o in rows)}/{len(rows)} pass ({seeds.EXPECTED[kind]})")

    misses = [o for o in outcomes if o.status == "missed"]
    as_ext011 = [o for o in misses if o.kind in seeds.HEADING_KINDS and "EXT011" in o.got]
    if as_ext011:
        print(
            f"of the misses, {len(as_ext011)} removed headings were reported by EXT011 (heading not found, "
            "table read by content; a warning) instead of STR001"
        )
    collateral = [(o, c) for o in outcomes for c in o.collateral]
    false_on_bases = [(b.name, f) for b in seeds.BASES for f in seeds.base_errors(b.name)[1]]
    verified = [(b.name, f) for b in seeds.BASES for f in seeds.base_errors(b.name)[0]]
    print(
        f"misses: {len(misses)}; collateral errors in seeded reports: {len(collateral)}; "
        f"false errors on the unedited reports: {len(false_on_bases)} (true errors verified by reading: {len(verified)})"
    )
    if not verbose:
        return 0

    print("\n== misses")
    for o in misses:
        print(f"- {o.base} {o.kind}: {o.edit}\n    expected: {o.expected}\n    ogilint: {o.got}")
        for w in o.wrong:
            print(f"    wrong culprit: {w}")
    print("\n== collateral errors (new errors the edit does not explain)")
    for o, c in collateral:
        print(f"- {o.base} {o.kind} ({o.edit}): {c}")
    print("\n== error findings on the unedited reports")
    for name, f in verified:
        why = seeds.VERIFIED_ERRORS[name][(f.code, f.location.table, f.location.row, f.location.col)]
        print(f"- true: {name}: {seeds.describe(f)} — {why}")
    for name, f in false_on_bases:
        print(f"- FALSE: {name}: {seeds.describe(f)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
