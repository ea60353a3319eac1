"""Which rules run: ruff's model — codes selected by prefix, the longest matching prefix wins.

``select`` replaces the rule set's selection, ``extend-select`` adds to it, ``ignore`` removes;
"ALL" selects everything. For each rule the longest prefix among all entries decides: a rule that
matches ``FEE`` in select and ``FEE003`` in ignore is off; ``FEE003`` in select beats ``FEE`` in
ignore.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _matches(code: str, prefix: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)


def matches_any(code: str, prefixes: Iterable[str]) -> bool:
    return any(_matches(code, p) for p in prefixes)


def resolve(
    codes: Iterable[str], select: Iterable[str], ignore: Iterable[str], extend_select: Iterable[str] = ()
) -> set[str]:
    chosen: dict[str, tuple[int, bool]] = {}
    entries = [(p, True) for p in list(select) + list(extend_select)] + [(p, False) for p in ignore]
    for code in codes:
        best: tuple[int, bool] | None = None
        for prefix, on in entries:
            if _matches(code, prefix):
                length = 0 if prefix == "ALL" else len(prefix)
                # the longest prefix wins; at equal length ignore beats select
                if best is None or length > best[0] or (length == best[0] and not on):
                    best = (length, on)
        if best is not None:
            chosen[code] = best
    return {c for c, (_, on) in chosen.items() if on}


def unknown_selectors(codes: Iterable[str], selectors: Iterable[str]) -> list[tuple[str, str | None]]:
    """Selectors that match no rule, each with the closest known code as a suggestion."""
    codes = sorted(codes)
    out = []
    for sel in selectors:
        if sel == "ALL" or any(c.startswith(sel) for c in codes):
            continue
        close = difflib.get_close_matches(sel, codes, n=1, cutoff=0.4)
        out.append((sel, close[0] if close else None))
    return out
