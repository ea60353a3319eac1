"""The report grammar and the Transformer that turns its tree into the report's sections.

The grammar of a template version is ``grammars/template_<version>.lark``, a small delta of
``grammars/report.lark``; lark's LALR parser runs it over the lexer's tokens (``lexer.py``).
:class:`Sections` walks the tree bottom-up and hands back, for the front matter and each part, the
part's place and the segments the table builders read.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import attrs
from lark import Lark, Token, Transformer

from ogilint import spec
from ogilint.model import Part
from ogilint.parsing.lexer import ReportLexer


@functools.cache
def grammar(version: str) -> Lark:
    """The LALR parser of a template version (grammars/template_<version>.lark)."""
    path = resources.files("ogilint.grammars").joinpath(f"template_{version}.lark")
    with resources.as_file(path) as real:
        return Lark.open(
            str(real), parser="lalr", lexer=ReportLexer, propagate_positions=False, maybe_placeholders=False
        )


@attrs.frozen
class Section:
    """The front matter (``part`` None) or one part: its tokens in reading order."""

    name: str  # "front" or a part's canonical name
    part: Part | None
    tokens: tuple

    @property
    def segments(self) -> list:
        """(text, atoms) of the segments holding text or table values, for the table builders."""
        return [(t.value, t.atoms) for t in self.tokens if t.type in ("ROW", "TEXT")]


@attrs.frozen
class Parsed:
    parts: tuple  # Part, in the order they appear
    sections: dict  # name -> the first Section of that name
    foreign_items: tuple  # item head tokens of table 二 that belong to the other template


_HEADING_PREFIX = re.compile(r"^\s*[一二三四五六七八九十]\s*[、.]\s*")


class Sections(Transformer):
    """Tree → :class:`Parsed`. Item subtrees flatten into their tokens; a part becomes a Section."""

    def __init__(self):
        super().__init__(visit_tokens=False)  # tokens pass through as they are
        self.foreign: list = []

    def native_item(self, children):
        return children

    def stray_item(self, children):
        return children

    def foreign_item(self, children):
        self.foreign.append(children[0])
        return children

    def front(self, children):
        return Section("front", None, _flat(children))

    def _part(self, name: str, children) -> Section:
        tokens = _flat(children)
        heading: Token = tokens[0]
        number = spec.PART_BY_NAME[name].number
        part = Part(
            number=number,
            name=name,
            heading=_HEADING_PREFIX.sub("", heading.value).strip(),
            line=heading.line,
            column=heading.column,
            end_line=max(t.line for t in tokens),
            numeral=heading.value.strip()[:1],
        )
        return Section(name, part, tokens)

    def start(self, children):
        parts, sections = [], {}
        for section in children:
            if section.part is not None:
                parts.append(section.part)
            sections.setdefault(section.name, section)
        return Parsed(tuple(parts), sections, tuple(self.foreign))


for _part in spec.PARTS:  # one transformer method per part rule of the grammar
    setattr(Sections, _part.name, functools.partialmethod(Sections._part, _part.name))


def _flat(children) -> tuple:
    out: list = []
    for child in children:
        if isinstance(child, list):
            out.extend(child)
        else:
            out.append(child)
    return tuple(out)


def parse_tokens(version: str, tokens: list):
    """(the lark tree, :class:`Parsed`) of the lexer's tokens under a template's grammar."""
    tree = grammar(version).parse(tokens)
    return tree, Sections().transform(tree)
