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
from ogilint.model import Part, Problem
from ogilint.parsing.lexer import WORDS, ReportLexer, text_segment
from ogilint.spec.problems import ProblemKind as K


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
    sections: dict  # name -> the Section of that name the tables are read from
    foreign_items: tuple  # item head tokens of table 二 that belong to the other template
    problems: tuple = ()  # Problem: part headings damaged or renumbered (HEADING_DAMAGED)


# What the section of a part holds when it holds the part's table: table 二's item heads (tokens) and
# column heads, table 三's row labels, table 四's column heads. Counted only in a label or a row, not
# in a sentence: a sub-topic's narrative says "本年新收申请3件,上年结转0件" too.
_TABLE_WORDS = {
    "proactive": re.compile(r"本年制发件数|现行有效件数|本年处理决定数量|本年收费金额"),
    "requests": re.compile(r"本年新收|上年结转|予以公开|结转下年度|申请人情况"),
    "review": re.compile(r"未经复议|尚未审结|结果维持|结果纠正"),
}
_SENTENCE = re.compile(r"[,。;]")


def _holds_table(section: Section) -> bool:
    if section.name == "proactive" and any(t.type.startswith("T2_ITEM") for t in section.tokens):
        return True
    words = _TABLE_WORDS.get(section.name)
    return words is not None and any(
        t.type in ("ROW", "TEXT") and words.search(t.value) and not _SENTENCE.search(t.value)
        for t in section.tokens[1:]
    )


class Sections(Transformer):
    """Tree → :class:`Parsed`. Item subtrees flatten into their tokens; a part becomes a Section.

    When a part's heading appears more than once, the content decides which section is the part: the
    one that holds the part's table (table 二's item heads, table 三's row labels, table 四's column
    heads), else the one with the format's full wording, else the first. A heading that names its part
    by key words only ("一、主动公开", "二、依申请公开": the sub-topics of 总体情况 numbered as parts in
    reports that number twice) and loses to another section of that part is no part, nor is one
    without the table that stands before the section holding it (a sub-topic worded as the part): its
    heading and text join the section before it; a repeat after the part stays a duplicate part.
    The grammar cannot make this choice: which of two equal heading tokens opens the part depends on
    what follows each, over any distance."""

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
        match = heading.match
        part = Part(
            number=match.number,
            name=name,
            heading=match.title.strip(),
            line=heading.line,
            column=heading.column,
            end_line=max(t.end_line or t.line for t in tokens),
            numeral=match.numeral,
        )
        return Section(name, part, tokens)

    def start(self, children):
        ranked = {}  # name -> sections of that name, best first
        for index, section in enumerate(children[1:]):
            ranked.setdefault(section.name, []).append((_rank(section, index), section))
        demoted = set()
        for entries in ranked.values():
            entries.sort(key=lambda e: e[0], reverse=True)
            (best_holds, best_strength, best_place), _best = entries[0]
            for (holds, strength, place), section in entries[1:]:
                if holds:
                    continue
                before_best = place > best_place  # place is minus the index: greater stands earlier
                if (strength == WORDS and (best_holds or best_strength > strength)) or (best_holds and before_best):
                    demoted.add(id(section))
        kept, origin = [children[0]], [children[0]]  # origin: the section each kept one started as
        untitled = None  # part 一 whose sub-topics are numbered as parts, with no heading of its own
        for section in children[1:]:
            if id(section) in demoted and len(kept) == 1 and "general" not in ranked:
                untitled = section
                kept.append(Section("general", attrs.evolve(section.part, number=1, name="general"), section.tokens))
                origin.append(section)
            elif id(section) in demoted:  # its heading and text belong to the section before it
                kept[-1] = _absorb(kept[-1], section)
            else:
                kept.append(section)
                origin.append(section)
        final = {id(o): k for o, k in zip(origin, kept)}
        sections = {"front": kept[0]}
        for name, entries in ranked.items():
            sections[name] = final[id(entries[0][1])]
        if untitled is not None:
            sections["general"] = final[id(untitled)]
        parts = tuple(k.part for k in kept[1:])
        problems = []
        for o, k in zip(origin[1:], kept[1:]):
            problem = _untitled_problem(k) if o is untitled else _heading_problem(k)
            if problem is not None:
                problems.append(problem)
        return Parsed(parts, sections, tuple(self.foreign), tuple(problems))


def _rank(section: Section, index: int) -> tuple:
    return (_holds_table(section), section.tokens[0].match.strength, -index)


def _absorb(section: Section, other: Section) -> Section:
    """``section`` with ``other``'s tokens after its own, ``other``'s heading taken back as text."""
    tokens = section.tokens + (text_segment(other.tokens[0]),) + other.tokens[1:]
    part = section.part
    if part is not None:
        part = attrs.evolve(part, end_line=max(part.end_line, other.part.end_line))
    return Section(section.name, part, tokens)


_DAMAGE = {
    "ordinal": "序号为「{value}」,国家格式为「{numeral}」",
    "characters": "文字与「{value}」相差个别字(多字、缺字或错字)",
    "prefix": "序号前有多余的字符「{value}」",
    "split": "标题断在两行(下一行为「{value}」)",
}


def _untitled_problem(section: Section) -> Problem:
    """Part 一 without its heading: its sub-topics are numbered as parts, the first of them opens it."""
    heading = section.tokens[0]
    match = heading.match
    return Problem(
        K.HEADING_DAMAGED,
        f"第一部分「总体情况」没有自己的标题,其分项按部分编号(自「{match.numeral}、{match.title.strip()}」起);"
        "已将这些分项认作第一部分",
        line=heading.line,
        column=heading.column,
        confidence=0.7,
        detail={"part": 1, "damage": ["subtopics"], "subtopics": match.title.strip(), "heading": match.title.strip()},
    )


def _heading_problem(section: Section) -> Problem | None:
    """A HEADING_DAMAGED problem for a part whose heading is renumbered, mistyped, prefixed or split."""
    heading = section.tokens[0]
    match = heading.match
    if not match.damage:
        return None
    numeral = spec.NUMERALS[match.number - 1]
    printed = dict(match.damage).get("prefix", "") + f"{match.numeral}、{match.title.strip()}"
    what = ";".join(_DAMAGE[kind].format(value=value, numeral=numeral) for kind, value in match.damage)
    return Problem(
        K.HEADING_DAMAGED,
        f"第{numeral}部分「{spec.PART_TITLES[match.number]}」的标题「{printed}」{what};已按标题文字认作第{numeral}部分",
        line=heading.line,
        column=heading.column,
        confidence=0.8,
        detail={
            "part": match.number,
            "damage": [kind for kind, _ in match.damage],
            **{kind: value for kind, value in match.damage},
            "heading": match.title.strip(),
        },
    )


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
