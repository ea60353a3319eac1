"""Lines → report model. The one place that knows the order of the steps; each step is a module:

normalise (``normalize.py``) → metadata (``metadata.py``) → template version (``template.py``) →
lex (``lexer.py``) → grammar and sections (``grammar.py``) → truncation (``truncation.py``) → tables
(``tables/``) → :class:`~ogilint.model.Report`.
"""

from __future__ import annotations

import os
import re
from typing import Optional

from ogilint.document import Document
from ogilint.errors import UnusableInput
from ogilint.model import Meta, Problem, Report
from ogilint.parsing import metadata
from ogilint.parsing.grammar import parse_tokens
from ogilint.parsing.lexer import lex_lines
from ogilint.parsing.normalize import normalize_lines
from ogilint.parsing.ocr_cells import with_ocr_confidence
from ogilint.parsing.tables.assemble import build_tables
from ogilint.parsing.template import detect_template
from ogilint.parsing.truncation import truncated_at, truncated_start
from ogilint.reading.decode import decode_bytes
from ogilint.reading.guard import read_document
from ogilint.spec.problems import ProblemKind as K
from ogilint.text import split_lines

CELL_FORMATS = ("html", "docx")  # readers whose table lines are rows of cells, one TAB per cell
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_file(path: str | os.PathLike, manager, version: Optional[str] = None) -> Report:
    """Read any supported file through the reader plugins of ``manager`` and parse it."""
    return parse_document(read_document(path, manager), source=str(path), version=version)


def parse_bytes(data: bytes, source: Optional[str] = None, version: Optional[str] = None) -> Report:
    text, encoding = decode_bytes(data)
    return parse_text(text, source=source, encoding=encoding, version=version)


def parse_text(
    text: str, source: Optional[str] = None, encoding: Optional[str] = None, version: Optional[str] = None
) -> Report:
    return parse_lines(split_lines(text), source=source, encoding=encoding, version=version)


def parse_document(doc: Document, source: Optional[str] = None, version: Optional[str] = None) -> Report:
    """Parse what a reader produced. A lone UTF-16 surrogate (a damaged PDF's text layer) cannot
    be encoded; it becomes U+FFFD, one character for one, so columns stay where they were."""
    lines = [part for line in doc.lines for part in split_lines(_SURROGATE.sub("\ufffd", line))]
    notes = tuple(Problem(kind, message) for kind, message in doc.notes)
    return parse_lines(
        lines,
        source=source,
        encoding=doc.encoding,
        version=version,
        source_format=doc.format,
        origins=tuple(doc.origins),
        notes=notes,
    )


def parse_lines(
    lines: list[str],
    source: Optional[str] = None,
    encoding: Optional[str] = None,
    version: Optional[str] = None,
    source_format: str = "text",
    origins: tuple = (),
    notes: tuple = (),
) -> Report:
    """The report model of ``lines`` (no line breaks inside). ``notes``: problems a reader met."""
    if not any(line.strip() for line in lines):
        raise UnusableInput("文件是空的")
    norm = normalize_lines(lines)
    found = metadata.read_metadata(norm)
    detected_version, evidence, detected = detect_template(norm, found.year)
    version = version or detected_version
    tokens = lex_lines(norm)
    tree, parsed = parse_tokens(version, tokens)
    truncated = truncated_at(parsed.parts, tokens)
    tables, problems = build_tables(
        version, parsed.sections, truncated=bool(truncated), cells=source_format in CELL_FORMATS
    )
    tables, doubtful = with_ocr_confidence(tables, lines, origins, version)
    problems += doubtful
    if found.title is None and not parsed.parts and not any(t.found for t in tables.values()):
        raise UnusableInput("不是政府信息公开工作年度报告:找不到报告标题、章节标题或统计表")
    problems[:0] = truncated_start(parsed.parts, tokens, found.title_line) + list(parsed.problems)
    if truncated:
        last = max((p.number for p in parsed.parts), default=0)
        problems.insert(
            0,
            Problem(
                K.TRUNCATED,
                f"文本在第{truncated}行中断,所给文本不是完整的报告"
                + (f"(只到第{last}部分)" if last else "")
                + ";其后的内容未检查,也不逐项报告为缺失",
                line=truncated,
                confidence=0.8,
                detail={"last_part": last},
            ),
        )
    for tok in parsed.foreign_items:
        problems.append(
            Problem(
                K.FOREIGN_ITEM,
                f"表二出现{version}年版格式没有的栏目「{tok.value}」",
                line=tok.line,
                column=tok.column,
                table="t2",
                confidence=0.9,
                detail={"item": tok.value},
            )
        )
    meta = Meta(
        title=found.title,
        title_line=found.title_line,
        body=found.body,
        region=metadata.region_of(found.body),
        year=found.year,
        period=found.period,
        published=found.published,
        published_line=found.published_line,
        template_version=version,
        template_evidence=evidence,
        template_detected=detected,
        source=source,
        source_format=source_format,
        encoding=encoding,
    )
    return Report(
        meta=meta,
        parts=parsed.parts,
        tables=tables,
        problems=notes + tuple(problems),
        lines=tuple(lines),
        tree=tree,
        origins=origins,
    )
