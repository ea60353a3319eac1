"""Text → report model: normalise, lex, parse with the template's grammar, build parts and tables.

This is the only place that knows the order of the steps; every step lives in its own module.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from typing import Iterable, Optional

import attrs
from lark import Lark, Token, Tree

from ogilint.parsing import metadata

from ogilint import spec
from ogilint.reading.decode import decode_bytes
from ogilint.document import Document
from ogilint.errors import UnusableInput
from ogilint.parsing.labels import clean
from ogilint.parsing.lexer import PART_TOKEN, LexedText, ReportLexer, lex_lines
from ogilint.model import Meta, Part, Problem, Report
from ogilint.parsing.normalize import normalize_lines
from ogilint.reading.guard import read_document
from ogilint.parsing.tables.rows import observe
from ogilint.parsing.tables.builder import TableBuilder, t3_column_score, t3_columns, t3_row_identity, t4_table

_PART_BY_TOKEN = {v: k for k, v in PART_TOKEN.items()}
_SECTION_RULES = {"general": 1, "proactive": 2, "requests": 3, "review": 4, "problems": 5, "other": 6}


@functools.lru_cache(maxsize=None)
def grammar(version: str) -> Lark:
    """The LALR parser of a template version (grammars/template_<version>.lark)."""
    name = f"template_{version}.lark"
    path = resources.files("ogilint.grammars").joinpath(name)
    with resources.as_file(path) as real:
        return Lark.open(str(real), parser="lalr", lexer=ReportLexer, propagate_positions=False,
                         maybe_placeholders=False)


def detect_template(norm_lines: list[str], year: Optional[int]) -> tuple[str, tuple, bool]:
    """(version, evidence words, detected?) from the words only one template prints (spec §2)."""
    text = clean("".join(norm_lines))
    hits = {v: tuple(w for w in words if clean(w) in text) for v, words in spec.TEMPLATE_SIGNS.items()}
    n19, n21 = len(hits[spec.TEMPLATE_2019]), len(hits[spec.TEMPLATE_2021])
    if n19 > n21:
        return spec.TEMPLATE_2019, hits[spec.TEMPLATE_2019], True
    if n21 > n19:
        return spec.TEMPLATE_2021, hits[spec.TEMPLATE_2021], True
    if year is not None and year <= 2020:
        return spec.TEMPLATE_2019, (), False
    return spec.TEMPLATE_2021, (), False


def split_lines(text: str) -> list[str]:
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def parse_file(path: str | os.PathLike, version: Optional[str] = None, manager=None) -> Report:
    """Read any supported file (text, PDF, DOCX, HTML) through the reader plugins and parse it."""
    doc = read_document(path, manager)
    return parse_document(doc, source=str(path), version=version)


def parse_bytes(data: bytes, source: Optional[str] = None, version: Optional[str] = None) -> Report:
    text, encoding = decode_bytes(data)
    return parse_text(text, source=source, encoding=encoding, version=version)


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_document(doc: Document, source: Optional[str] = None, version: Optional[str] = None) -> Report:
    """Parse what a reader produced. A lone UTF-16 surrogate (a damaged PDF's text layer) cannot
    be encoded; it becomes U+FFFD, one character for one, so columns stay where they were."""
    text = _SURROGATE.sub("\ufffd", doc.text)
    report = parse_text(text, source=source, encoding=doc.encoding, version=version,
                        source_format=doc.format)
    if doc.origins or doc.notes:
        notes = tuple(Problem(kind, message, None, None, None, None, None, 1.0, {})
                      for kind, message in doc.notes)
        report = attrs.evolve(report, origins=tuple(doc.origins), problems=notes + report.problems)
    return report


def parse_text(text: str, source: Optional[str] = None, encoding: Optional[str] = None,
               version: Optional[str] = None, source_format: str = "text") -> Report:
    if not text.strip():
        raise UnusableInput("文件是空的")
    lines = split_lines(text)
    norm = normalize_lines(lines)
    title, body, year, title_line = metadata.find_title(norm)
    period = metadata.find_period(norm)
    if year is None and period is not None and period.start:
        year = int(period.start[:4])
    detected_version, evidence, detected = detect_template(norm, year)
    version = version or detected_version
    lexed = lex_lines(norm)
    tree = grammar(version).parse(lexed)
    parts, sections = _parts(tree)
    problems: list[Problem] = []
    truncated = _truncated(parts, lexed)
    tables = _tables(version, sections, lexed, truncated, problems)
    if title is None and not parts and not any(t.found for t in tables.values()):
        raise UnusableInput("不是政府信息公开工作年度报告:找不到报告标题、章节标题或统计表")
    if truncated:
        last = max((p.number for p in parts), default=0)
        problems.insert(0, Problem(
            "truncated",
            f"文本在第{truncated}行中断,报告不完整" + (f"(只到第{last}部分)" if last else "")
            + ";其后缺少的内容不逐项报告",
            truncated, None, None, None, None, 0.8, {"last_part": last}))
    for item in tree.find_data("foreign_item"):
        tok = item.children[0]
        problems.append(Problem("foreign-item", f"表二出现{version}年版格式没有的栏目「{tok.value}」",
                                tok.line, tok.column, "t2", None, None, 0.9, {"item": tok.value}))
    published, published_line = metadata.find_published(norm)
    meta = Meta(title=title, title_line=title_line, body=body, region=metadata.region_of(body), year=year,
                period=period, published=published, published_line=published_line,
                template_version=version, template_evidence=evidence, template_detected=detected,
                source=source, source_format=source_format, encoding=encoding)
    return Report(meta=meta, parts=tuple(parts), tables=tables, problems=tuple(problems),
                  lines=tuple(lines), tree=tree)


def _tokens(node) -> list[Token]:
    if isinstance(node, Token):
        return [node]
    out: list[Token] = []
    for child in node.children:
        out.extend(_tokens(child))
    return out


def _parts(tree: Tree) -> tuple[list[Part], dict]:
    parts, sections = [], {}
    for section in tree.children:
        if not isinstance(section, Tree) or section.data not in _SECTION_RULES:
            if isinstance(section, Tree) and section.data == "front":
                sections.setdefault("front", section)
            continue
        number = _SECTION_RULES[section.data]
        heading: Token = section.children[0]
        toks = _tokens(section)
        numeral = heading.value.strip()[:1]
        title = re.sub(r"^\s*[一二三四五六七八九十]\s*[、.]\s*", "", heading.value).strip()
        parts.append(Part(number=number, name=section.data, heading=title, line=heading.line,
                          column=heading.column, end_line=max(t.line for t in toks), numeral=numeral))
        sections.setdefault(section.data, section)
    return parts, sections


def _segments(section: Optional[Tree], lexed: LexedText) -> Iterable:
    if section is None:
        return []
    return [(t.value, lexed.atoms[t.start_pos]) for t in _tokens(section)
            if t.type in ("ROW", "TEXT") and t.start_pos in lexed.atoms]


def _tables(version: str, sections: dict, lexed: LexedText, truncated, problems: list) -> dict:
    specs = spec.tables_for(version)
    out = {}
    # Table 二
    t2_rows, _ = observe(_segments(sections.get("proactive"), lexed))
    builder = TableBuilder(specs["t2"])
    out["t2"] = builder.build(t2_rows, found=bool(t2_rows), truncated=bool(truncated))
    problems.extend(builder.problems)
    # Table 三 (a fragment may start inside it, before any heading)
    t3_section = sections.get("requests")
    t3_rows, header = observe(_segments(t3_section, lexed))
    starts_inside = False
    if t3_section is None and "front" in sections and "proactive" not in sections:
        front = _segments(sections["front"], lexed)
        if any(re.search(r"结转下年度|本年新收|予以公开|上年结转", text) for text, _ in front):
            t3_rows, header = observe(front)
            starts_inside = bool(t3_rows)  # the text begins inside table 三
    present = _t3_present(header, t3_rows)
    if spec.T3_SUBTOTAL in present:
        specs["t3"] = spec.with_subtotal(specs["t3"])
    builder = TableBuilder(specs["t3"], present=present, row_identity=t3_row_identity)
    out["t3"] = builder.build(t3_rows, found=bool(t3_rows), truncated=bool(truncated) or starts_inside,
                              column_check=t3_column_score(specs["t3"], present))
    missing = [c for c in spec.T3_COLUMNS if c not in present] if t3_rows else []
    if missing:  # the subtotal column is optional: its absence is no problem
        line, column = _t3_header_place(_segments(t3_section, lexed), out["t3"].line)
        for c in missing:
            problems.append(Problem("column-missing", f"表三缺少「{_column_name(c)}」列(表头没有此列,各行也少一个数)",
                                    line, column, "t3", None, c, 0.9, {"header": header[-80:]}))
    problems.extend(builder.problems)
    # Table 四
    t4_rows, _ = observe(_segments(sections.get("review"), lexed))
    t4, t4_problems = t4_table(t4_rows, found=bool(t4_rows), truncated=bool(truncated))
    out["t4"] = t4
    problems.extend(t4_problems)
    return out


def _t3_present(header: str, rows: list) -> tuple:
    """Columns of table 三: a column counts as absent only when the header lacks it *and* the rows
    are one number short (a garbled header alone proves nothing)."""
    named = t3_columns(header)
    if named is None or named == spec.T3_COLUMNS:
        return spec.T3_COLUMNS
    widths = [len(r.values) for r in rows if not r.may_cut]
    if not widths:
        return spec.T3_COLUMNS
    modal = max(set(widths), key=lambda w: (widths.count(w), w))
    return named if modal == len(named) else spec.T3_COLUMNS


def _t3_header_place(segments, fallback: Optional[int]) -> tuple:
    """Where table 三's header names the legal-entity columns (the line a missing column is
    missing from); the table's first line when the header cannot be found."""
    for text, atoms in segments:
        if atoms and atoms[0].line and fallback and atoms[0].line > fallback:
            break
        m = re.search(r"商业|科研|社会公益|法律服务", text)
        if m and atoms:
            return atoms[0].line, None
    return fallback, None


def _column_name(c: str) -> str:
    from ogilint.parsing.tables.builder import COLUMN_NAMES

    return COLUMN_NAMES.get(c, c)


def _truncated(parts: list[Part], lexed: LexedText) -> Optional[int]:
    """Line where the text breaks off, when the report visibly does not end."""
    last_part = max((p.number for p in parts), default=0)
    content = [t for t in lexed.tokens if t.type != "CHROME"]
    if not content:
        return None
    last = content[-1]
    text = last.value.rstrip()
    ends_closed = bool(re.search(r"[。!?!?”\")）]$|日$|\d{4}[-年]\d{1,2}[-月]\d{1,2}日?$|^无$", text))
    if last_part < 6 and not ends_closed:
        return last.line
    if last_part < 6 and last.type == "ROW":
        return last.line
    return None
