"""Cells read by OCR carry the engine's confidence; a doubtful one is never a silent fact.

The OCR reader gives each cell of a line its confidence (``Origin.confidences``). A table cell
whose figure the engine read with less than DOUBTFUL confidence — or a ruled cell with ink in it
that the engine read nothing from — is kept as it was read, but its confidence falls below what
the identity rules trust (they treat it as unknown, as a cell placed by guess), and an
``ocr-doubtful`` problem (EXT013) names it: a wrong "8" for "3" never accuses the body.

The identities may settle a doubtful figure, as they settle run-together digits: when an identity
(勾稽关系) the cell takes part in has all its cells read as numbers and holds, and none fails, a
misread would have had to be undone exactly by another, so the figure is taken (its confidence is
SETTLED), and one problem per table says how many figures were settled so.
"""

from __future__ import annotations

import attrs

from ogilint import spec
from ogilint.document import cell_index
from ogilint.model import BLANK, NUMBER, Problem
from ogilint.spec.identities import TOLERANCE, sums, t3_identities, t4_identities
from ogilint.spec.problems import ProblemKind as K

# Engine confidence below which a figure is doubtful. Measured (tests/benchmarks/bench_ocr.py, the
# seed reports rendered and OCR'd): no wrong cell passes unmarked, and after the identities settle
# what they can, 8% (300 DPI) to 10% (150 DPI) of the right cells are still left to check by hand.
DOUBTFUL = 0.9
DOUBTFUL_CELL = 0.4  # the cell's confidence then: below the identity rules' trust (0.5)
SETTLED = 0.6  # a doubtful figure every identity it takes part in confirms


def with_ocr_confidence(tables: dict, lines, origins, version: str | None) -> tuple[dict, list]:
    """``tables`` with the OCR confidence of every cell read by OCR, and the problems of the doubtful ones."""
    if not origins or not any(o is not None and o.confidences for o in origins):
        return tables, []
    problems: list[Problem] = []
    out = dict(tables)
    for key, table in tables.items():
        confirmed = _confirmed(key, table, version)
        rows = dict(table.rows)
        changed = False
        settled = []
        for row_key, row in table.rows.items():
            cells = dict(row.cells)
            for col, cell in row.cells.items():
                read = _read(cell, lines, origins)
                if read is None:
                    continue
                box, confidence = read
                if confidence >= DOUBTFUL:
                    cells[col] = attrs.evolve(cell, confidence=min(cell.confidence, round(confidence, 3)))
                elif cell.kind == NUMBER and (row_key, col) in confirmed:
                    cells[col] = attrs.evolve(cell, confidence=min(cell.confidence, SETTLED))
                    settled.append((row_key, col, cell, confidence))
                else:
                    cells[col] = attrs.evolve(cell, confidence=min(cell.confidence, DOUBTFUL_CELL))
                    problems.append(_problem(key, row, col, cell, box, confidence, version))
            if cells != dict(row.cells):
                rows[row_key] = attrs.evolve(row, cells=cells)
                changed = True
        if changed:
            out[key] = attrs.evolve(table, rows=rows)
        if settled:
            problems.append(_settled(key, settled))
    return out, problems


def _confirmed(key: str, table, version) -> set:
    """Cells (row, col) that an identity read wholly as numbers confirms and none refutes."""
    if not table.found or key not in ("t3", "t4"):
        return set()
    if key == "t3":
        identities = t3_identities(spec.tables_for(version)["t3"], table.present_columns)
    else:
        identities = t4_identities()

    def value(row, col):
        cell = table.cell(row, col)
        return None if cell is None else cell.as_count()

    holding, failing = set(), set()
    for identity in identities:
        left, right, left_open, right_open = sums(identity, value)
        if left_open or right_open:
            continue  # a cell not read as a number: this identity neither confirms nor refutes
        (holding if abs(left - right) <= TOLERANCE else failing).update(identity.cells)
    return holding - failing


def _settled(key: str, settled: list) -> Problem:
    row, col, cell, confidence = settled[0]
    lowest = min(c for _, _, _, c in settled)
    return Problem(
        K.OCR_DOUBTFUL,
        f"{spec.TABLE_NAMES[key]}有 {len(settled)} 个数字由 OCR 识别的置信度偏低 (最低 {lowest:.2f}),"
        "但核对它们的勾稽关系都成立,已据此采用;如有疑问请对照原件核对",
        line=cell.line,
        column=cell.column,
        table=key,
        confidence=0.3,
        detail={"settled": [f"{r}.{c}" for r, c, _, _ in settled], "lowest": round(lowest, 3)},
    )


def _read(cell, lines, origins):
    """(box, confidence) of the OCR'd cell, or None for a cell not read by OCR."""
    if cell.kind not in (NUMBER, BLANK) or cell.line is None or not 1 <= cell.line <= len(origins):
        return None
    origin = origins[cell.line - 1]
    if origin is None or not origin.confidences:
        return None
    line = lines[cell.line - 1] if cell.line <= len(lines) else ""
    index = cell_index(line, cell.column) if "\t" in line else None
    return origin.ocr_cell(index)


def _problem(key, row, col, cell, box, confidence: float, version) -> Problem:
    label = row.label or _spec_label(key, row.key, version)
    where = f"{spec.TABLE_NAMES[key]}「{label}」行「{spec.column_label(version or '', key, col)}」"
    what = f"数字「{cell.raw}」" if cell.kind == NUMBER else "空白(格内有字迹,但未识别出文字)"
    return Problem(
        K.OCR_DOUBTFUL,
        f"{where}的{what}由 OCR 识别,置信度 {confidence:.2f} 偏低,未作为确定的数字用于勾稽检查;请对照原件核对",
        line=cell.line,
        column=cell.column,
        table=key,
        row=row.key,
        col=col,
        confidence=0.7,
        detail={"ocr_confidence": round(confidence, 3), "box": list(box), "read": cell.raw},
    )


def _spec_label(key: str, row: str, version) -> str:
    try:
        return spec.tables_for(version)[key].row(row).label
    except (KeyError, AttributeError, LookupError):
        return row
