"""Which observed row is which row of the format: a monotone alignment scored by label similarity,
so a damaged or lost label still lands between its neighbours."""

from __future__ import annotations

from ogilint import spec
from ogilint.parsing.labels import best_similarity, has_label
from ogilint.parsing.tables.rows import ObservedRow

ASSIGN_BONUS = 0.15  # an unlabelled row is still better placed in a gap than thrown away


def align(observed: list[ObservedRow], table: spec.TableSpec) -> tuple[dict, list, dict]:
    """Monotone alignment: {row key: observed row}, unmatched observed rows, {row key: score}."""
    n, m = len(observed), len(table.rows)
    labels = [(r.label,) + r.aliases for r in table.rows]
    sim = [
        [best_similarity(o.label, labels[j]) for j in range(m)] if has_label(o.label) else [0.0] * m for o in observed
    ]
    # best[i][j]: best score aligning observed[:i] with rows[:j]; move: 1 match, 2 skip observed,
    # 3 skip template row.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[3] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        move[i][0] = 2
    for i in range(1, n + 1):
        row_prev, row_cur, sim_i, mv = best[i - 1], best[i], sim[i - 1], move[i]
        for j in range(1, m + 1):
            score, how = row_prev[j - 1] + sim_i[j - 1] + ASSIGN_BONUS, 1
            if row_prev[j] > score:
                score, how = row_prev[j], 2
            if row_cur[j - 1] > score:
                score, how = row_cur[j - 1], 3
            row_cur[j], mv[j] = score, how
    assigned, extra, scores = {}, [], {}
    i, j = n, m
    while i > 0 or j > 0:
        mv = move[i][j]
        if mv == 1:
            assigned[table.rows[j - 1].key] = observed[i - 1]
            scores[table.rows[j - 1].key] = sim[i - 1][j - 1]
            i, j = i - 1, j - 1
        elif mv == 2:
            extra.append(observed[i - 1])
            i -= 1
        else:
            j -= 1
    extra.reverse()
    return assigned, extra, scores
