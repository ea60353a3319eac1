"""Which observed row is which row of the format: a monotone alignment scored by label similarity,
so a damaged or lost label still lands between its neighbours."""

from __future__ import annotations

from ogilint import spec
from ogilint.parsing.labels import best_similarity, has_label
from ogilint.parsing.tables.rows import ObservedRow

ASSIGN_BONUS = 0.15  # an unlabelled row is still better placed in a gap than thrown away
BLANK_MATCH = 0.5  # how well a row of empty cells must name a row of the format to stand for it
NEVER = -1e9
WEAK_LABEL = 0.5  # a label that names its row this weakly (header text before the first row) places nothing


def align(observed: list[ObservedRow], table: spec.TableSpec) -> tuple[dict, list, dict]:
    """Monotone alignment: {row key: observed row}, unmatched observed rows, {row key: score}."""
    n, m = len(observed), len(table.rows)
    labels = [(r.label,) + r.aliases for r in table.rows]
    sim = [
        [best_similarity(o.label, labels[j]) for j in range(m)] if has_label(o.label) else [0.0] * m for o in observed
    ]
    for o, row_sim in zip(observed, sim):
        if o.blank:  # a row of empty cells holds nothing to place: it takes a row only by its label
            row_sim[:] = [s if s >= BLANK_MATCH else NEVER for s in row_sim]
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


def unplaceable(assigned: dict, scores: dict, table: spec.TableSpec) -> tuple[list[ObservedRow], set]:
    """Rows without a label (or with one that hardly names a row) whose place is a guess: a run of
    them between two labelled rows (or the table's ends) with more rows of the format in that gap
    than rows in the run. Their numbers could stand in any of those rows, so they are taken out of
    ``assigned`` (and returned): a wrong row stated as fact is worse than a row reported unread. A
    run that fills its gap exactly is placed, one row for one. Also returns the keys of the rows of
    those gaps (not missing: unread)."""
    span = {r.key: (i, i) for i, r in enumerate(table.rows)}  # key -> (first, last) row of the format
    for i, r in enumerate(table.rows):  # a category printed as one row stands for all its sub-rows
        if "." in r.key:
            category = r.key.partition(".")[0]
            span[category] = (span.get(category, (i, i))[0], i)
    placed = sorted(((span[k], o, k) for k, o in assigned.items()), key=lambda t: t[0])
    out: list[ObservedRow] = []
    gaps: set = set()
    run: list[str] = []
    lower = -1  # last row of the format taken by the last labelled row placed
    for (first, last), obs, key in placed + [((len(table.rows), len(table.rows)), None, None)]:
        if obs is not None and (not has_label(obs.label) or scores.get(key, 0.0) < WEAK_LABEL):
            run.append(key)
            continue
        if run and (first - lower - 1) != len(run):
            for k in run:
                out.append(assigned.pop(k))
            gaps.update(r.key for r in table.rows[lower + 1 : first])
        run, lower = [], last
    return out, gaps
