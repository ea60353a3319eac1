"""The typed report model: what the parser hands to the rules.

Frozen attrs classes. Every table cell keeps the text it was read from, where that text stands in
the source (1-based line, 1-based column in Unicode code points) and how sure extraction is. Nothing
here is corrected: a wrong total stays wrong, a lost cell is ``missing``.

Read-only all the way down: every rule of a run gets the same report, so one rule that changed a
cell, dropped a table or emptied the parts would change what the next rule sees. The sequences are
tuples and the mappings :class:`FrozenDict` (converters make sure of it, also through
``attrs.evolve``); a rule that tries to change the model gets a ``TypeError`` (attrs:
``FrozenInstanceError``), which the runner reports as that rule's ``OGI001``. Chosen over a fresh
copy of the report per rule by measurement: a deep copy costs about 6 ms a report for each of the
43 rules, a copy of the dicts alone about 0.2 ms per rule, while read-only dicts cost about 0.3 ms a
report in all (made once by the parser; lookups in a dict subclass are a little slower). Not
defended: a rule that goes round on purpose (``object.__setattr__``, ``dict.clear(d)``).
"""

from __future__ import annotations

from typing import Optional, Union

import attrs

from ogilint.document import cell_index

Number = Union[int, float]


class FrozenDict(dict):
    """A dict that refuses every change. A ``dict`` subclass rather than ``MappingProxyType`` so that
    ``json.dumps``, ``{**d}``, ``dict(d)``, equality with plain dicts and pickling work as before
    (``ogilint parse`` prints the model's dicts as they are). ``dict(d)`` or ``{**d, k: v}`` give a
    mutable copy, which is how tests build edited reports with ``attrs.evolve``."""

    __slots__ = ()

    def _read_only(self, *args, **kwargs):
        raise TypeError("报告模型是只读的,规则不能修改它")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self):
        return (type(self), (dict(self),))


def frozen_dict(value) -> FrozenDict:
    """Converter: the mapping as a :class:`FrozenDict` (the same object when it already is one)."""
    return value if type(value) is FrozenDict else FrozenDict(value)


def frozen_tuple(value) -> tuple:
    """Converter: the sequence as a tuple (``tuple(t)`` of a tuple is ``t`` itself: no copy)."""
    return tuple(value)


# Cell kinds (tests/golden/README.md explains when each applies).
NUMBER = "number"
BLANK = "blank"
NOT_APPLICABLE = "not_applicable"
UNREADABLE = "unreadable"
MISSING = "missing"
CELL_KINDS = (NUMBER, BLANK, NOT_APPLICABLE, UNREADABLE, MISSING)


@attrs.frozen
class Cell:
    value: Optional[Number]
    raw: str
    kind: str
    line: Optional[int]
    column: Optional[int]
    confidence: float = 1.0

    @property
    def is_number(self) -> bool:
        return self.kind == NUMBER

    def as_count(self) -> Optional[Number]:
        """The value used in arithmetic: a number, 0 for a blank cell, None otherwise."""
        if self.kind == NUMBER:
            return self.value
        if self.kind == BLANK:
            return 0
        return None


@attrs.frozen
class Row:
    key: str
    label: str  # label text as read (may be damaged, may be empty)
    label_confidence: float
    line: Optional[int]
    cells: dict = attrs.field(converter=frozen_dict)  # column key -> Cell


@attrs.frozen
class Table:
    key: str  # t2, t3, t4
    columns: tuple = attrs.field(converter=frozen_tuple)  # the canonical column keys of this table
    present_columns: tuple = attrs.field(converter=frozen_tuple)  # the columns the report's table actually has
    # row key -> Row (every canonical row, absent ones with missing cells)
    rows: dict = attrs.field(converter=frozen_dict)
    line: Optional[int]  # first line of the table's text, None when absent
    found: bool

    def cell(self, row: str, column: str) -> Optional[Cell]:
        r = self.rows.get(row)
        return None if r is None else r.cells.get(column)

    def __getitem__(self, row: str) -> dict:
        return self.rows[row].cells


@attrs.frozen
class Part:
    number: int  # 1..6
    name: str  # general, proactive, …
    heading: str  # heading text as printed
    line: int
    column: int
    end_line: int  # last line that belongs to the part
    numeral: str  # the numeral the report printed before the heading ("四")


@attrs.frozen
class Period:
    raw: str
    start: Optional[str]  # ISO date or None when malformed
    end: Optional[str]
    line: int
    column: int


@attrs.frozen
class Meta:
    title: Optional[str] = None
    title_line: Optional[int] = None
    body: Optional[str] = None
    region: Optional[str] = None
    year: Optional[int] = None
    period: Optional[Period] = None
    published: Optional[str] = None
    published_line: Optional[int] = None
    template_version: Optional[str] = None
    template_evidence: tuple = attrs.field(default=(), converter=frozen_tuple)
    template_detected: bool = False
    source: Optional[str] = None
    source_format: str = "text"
    encoding: Optional[str] = None


@attrs.frozen
class Problem:
    """Something extraction could not read cleanly; rules turn these into findings."""

    kind: str  # stable identifier: truncated, cell-missing, split-ambiguous, …
    message: str  # Chinese, for the reader
    line: Optional[int] = None
    column: Optional[int] = None
    table: Optional[str] = None
    row: Optional[str] = None
    col: Optional[str] = None
    confidence: float = 1.0
    detail: dict = attrs.field(factory=dict, converter=frozen_dict)


@attrs.frozen
class Report:
    meta: Meta
    parts: tuple = attrs.field(converter=frozen_tuple)  # Part, in the order they appear
    tables: dict = attrs.field(converter=frozen_dict)  # t2/t3/t4 -> Table
    problems: tuple = attrs.field(converter=frozen_tuple)  # Problem
    lines: tuple = attrs.field(converter=frozen_tuple)  # the source text's lines, as read (for carets in output)
    tree: object = attrs.field(default=None, eq=False, repr=False)  # the lark parse tree
    # Origin (framework/document.py) of each line in the original file; empty for plain text.
    origins: tuple = attrs.field(default=(), eq=False, repr=False, converter=frozen_tuple)

    def part(self, number: int) -> Optional[Part]:
        for p in self.parts:
            if p.number == number:
                return p
        return None

    def part_text(self, number: int) -> str:
        """The text of a part, from its heading to the next part's heading (crawler texts put
        several parts on one line, so this cuts by column too)."""
        part = self.part(number)
        if part is None:
            return ""
        later = [p for p in self.parts if (p.line, p.column) > (part.line, part.column)]
        end = min(later, key=lambda p: (p.line, p.column)) if later else None
        end_line, end_column = (end.line, end.column) if end else (len(self.lines), None)
        lines = list(self.lines[part.line - 1 : end_line])
        if not lines:
            return ""
        if end_column is not None:  # the next heading's line: keep what stands before it
            lines[-1] = lines[-1][: end_column - 1]
        # The heading's own line starts at the heading (after a cut above when both are one line).
        lines[0] = (
            lines[0][part.column - 1 :]
            if len(lines) > 1 or end_column is None
            else self.lines[part.line - 1][part.column - 1 : end_column - 1]
        )
        return "\n".join(lines)

    def origin(self, line: Optional[int]):
        if line is None or not self.origins or not 1 <= line <= len(self.origins):
            return None
        return self.origins[line - 1]

    def where(self, line: Optional[int], column: Optional[int] = None) -> str:
        """The place in the original file (PDF page and line, DOCX table/row/cell), or ""."""
        origin = self.origin(line)
        if origin is None:
            # A web page's lines are not the HTML file's lines: name the extracted text's line.
            return f"网页正文第{line}行" if line and self.meta.source_format == "html" else ""
        return origin.describe(cell_index(self.source_line(line), column))

    def where_json(self, line: Optional[int], column: Optional[int] = None) -> Optional[dict]:
        origin = self.origin(line)
        if origin is None:
            return {"text_line": line} if line and self.meta.source_format == "html" else None
        return origin.as_json(cell_index(self.source_line(line), column))

    def source_line(self, line: Optional[int]) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]
