"""The three tables of a report from the sections the grammar found: table 二 from part 二, table 三
from part 三 (or from the front of a fragment that starts inside it), table 四 from part 四 — or,
when a part's heading is lost, from wherever the table's content stands (``locate.py``)."""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.model import Problem
from ogilint.parsing.tables import t3
from ogilint.parsing.tables.builder import TableBuilder
from ogilint.parsing.tables.locate import OWN_PART, PART_NUMBER, Region, locate
from ogilint.parsing.tables.rows import observe
from ogilint.parsing.tables.t4 import Table4Builder
from ogilint.spec.narrative import NORMATIVE_DOCS_ISSUED
from ogilint.spec.problems import ProblemKind as K

_T3_ROW_WORDS = re.compile(r"结转下年度|本年新收|予以公开|上年结转")


def _segments(sections: dict, name: str) -> list:
    section = sections.get(name)
    return section.segments if section is not None else []


def _heading_lost(table: str, region: Region, sections: dict) -> Problem:
    """The table stands where its part's heading should have opened the part: the heading is lost
    (deleted, an image, damaged past recognition) or stands elsewhere; the table is read all the same."""
    number = PART_NUMBER[table]
    numeral = spec.NUMERALS[number - 1]
    own = sections.get(OWN_PART[table])
    where = (
        f"第{numeral}部分的标题(第{own.part.line}行)之下没有{spec.TABLE_NAMES[table]}"
        if own is not None and own.part is not None
        else f"没有找到第{numeral}部分「{spec.PART_TITLES[number]}」的标题"
    )
    return Problem(
        K.HEADING_DAMAGED,
        f"{where};{spec.TABLE_NAMES[table]}按内容在第{region.line}行找到,照常读取",
        line=region.line,
        table=table,
        confidence=0.7,
        detail={"part": number, "damage": ["missing"], "found_in": region.found_in},
    )


def _stated_in_part_one(sections: dict) -> dict:
    """{(row, column): (value, words)}: table 二 figures part 一 states in figures (spec.narrative),
    when it states each once."""
    text = " ".join(value for value, _ in _segments(sections, "general"))
    found = [m for m in NORMATIVE_DOCS_ISSUED.finditer(text) if m.group(1).isdigit()]
    if len({m.group(1) for m in found}) != 1:
        return {}
    return {("normative_docs", "issued"): (int(found[0].group(1)), found[0].group(0))}


def build_tables(version: str, sections: dict, truncated: bool, cells: bool = False) -> tuple[dict, list]:
    """({t2, t3, t4: Table}, the problems met on the way, in table order). ``cells``: the text was
    read from tables of cells (Word, web pages), where every empty cell is a position."""
    specs = spec.tables_for(version)
    tables, problems = {}, []
    regions = locate(sections)
    for table, region in regions.items():
        fragment_start = region.found_in == "front" and "proactive" not in sections
        if region.found_in is not None and not fragment_start:
            problems.append(_heading_lost(table, region, sections))

    t2_rows, _ = observe(regions["t2"].segments, cells)
    builder = TableBuilder(specs["t2"], stated=_stated_in_part_one(sections))
    tables["t2"] = builder.build(t2_rows, found=bool(t2_rows), truncated=truncated)
    problems += builder.problems

    t3_rows, header = observe(regions["t3"].segments, cells)
    starts_inside = regions["t3"].found_in == "front" and "proactive" not in sections
    if not t3_rows and "requests" not in sections and "front" in sections and "proactive" not in sections:
        front = _segments(sections, "front")
        if any(_T3_ROW_WORDS.search(text) for text, _ in front):
            t3_rows, header = observe(front, cells)
            starts_inside = bool(t3_rows)
    present = t3.present_columns(header, t3_rows)
    t3_spec = spec.with_subtotal(specs["t3"]) if spec.T3_SUBTOTAL in present else specs["t3"]
    builder = t3.Table3Builder(t3_spec, present)
    tables["t3"] = builder.build(
        t3_rows,
        found=bool(t3_rows),
        truncated=truncated or starts_inside,
        column_check=t3.column_score(t3_spec, present),
    )
    missing = [c for c in spec.T3_COLUMNS if c not in present] if t3_rows else []
    if missing:  # the subtotal column is optional: its absence is no problem
        line, column = t3.header_place(regions["t3"].segments, tables["t3"].line)
        for c in missing:
            problems.append(
                Problem(
                    K.COLUMN_MISSING,
                    f"表三缺少「{spec.COLUMN_LABELS.get(c, c)}」列(表头没有此列,各行也少一个数)",
                    line=line,
                    column=column,
                    table="t3",
                    col=c,
                    confidence=0.9,
                    detail={"header": header[-80:]},
                )
            )
    problems += builder.problems

    t4_rows, t4_header = observe(regions["t4"].segments, cells)
    builder = Table4Builder()
    # A Word or web table of only its header rows: its empty data row was a row of empty cells.
    unfilled = cells and not t4_rows and all(w in t4_header for w in ("结果维持", "尚未审结"))
    tables["t4"] = builder.build(t4_rows, found=bool(t4_rows) or unfilled, truncated=truncated)
    problems += builder.problems
    return tables, problems
