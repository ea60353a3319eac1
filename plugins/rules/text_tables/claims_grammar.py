"""The claims grammar (``grammars/claims.lark``) and the reader of its trees: what ``claims.py``
parses a clause with. Kept apart so that loading the rules of this family does not load lark; a
run that reads a text imports this module on its first clause."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Optional

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from ogilint.plugins.rules.text_tables.claims import (
    _CATEGORY,
    _NOT_REQUESTS,
    _OUTCOME_FILLER,
    _VERB_KIND,
    DONE,
    ITEM,
    OUTCOME,
    RATE,
    SHARE,
    VERDICT,
)


@functools.cache
def parser() -> Lark:
    """The LALR parser of grammars/claims.lark (every start symbol of it)."""
    return _claims_grammar(parser="lalr")


STARTS = ("flow", "done", "rate", "share", "outcome", "verdict", "item")


@functools.cache
def lexer() -> Lark:
    """The grammar's terminals alone (no parser): a clause is lexed once, here, and its tokens fed
    to the parser for each start (``Lark.lex`` on the parser would build a lexer at every call)."""
    return _claims_grammar(parser=None)


def _claims_grammar(parser) -> Lark:
    path = resources.files("ogilint.grammars").joinpath("claims.lark")
    with resources.as_file(path) as real:
        return Lark.open(str(real), parser=parser, lexer="basic", start=list(STARTS))


@functools.cache
def required_terminals() -> dict[str, frozenset]:
    """{start: the terminals every sentence of it holds} (a share holds a SHARE, a verdict an UPHELD),
    worked out from the grammar's rules: a clause whose tokens lack one of them is not parsed from
    that start, as the parse could only fail. Each symbol's set is the intersection, over its
    alternatives, of the union of what their symbols require; repeated until nothing changes (the
    sets only shrink)."""
    alternatives: dict = {}
    for rule in parser().rules:
        alternatives.setdefault(rule.origin.name, []).append(rule.expansion)
    needs: dict = {}  # a rule not yet in it is not known yet: its alternatives wait

    def of(symbol):
        return frozenset([symbol.name]) if symbol.is_term else needs.get(symbol.name)

    changed = True
    while changed:
        changed = False
        for name, expansions in alternatives.items():
            common = None
            for expansion in expansions:
                parts = [of(symbol) for symbol in expansion]
                if any(p is None for p in parts):
                    continue
                union = frozenset().union(*parts)
                common = union if common is None else common & union
            if common is not None and common != needs.get(name):
                needs[name] = common
                changed = True
    return {start: needs.get(start, frozenset()) for start in STARTS}


class ClaimReader(Transformer):
    """A parsed clause → a dict of what it says (the finder adds place and context)."""

    def verb(self, children):
        return children[0]

    def subject(self, children):
        return ("subject", children)

    def verb_first(self, children):
        return ("verb_first", children)

    def object_first(self, children):
        return ("verb_first", children)

    def count_first(self, children):
        return ("count_first", children)

    def flow(self, children):
        (_, subject), (order, rest) = children
        verb = next(t for t in rest if isinstance(t, Token) and t.type in _VERB_KIND)
        count = next(t for t in rest if isinstance(t, Token) and t.type == "COUNT")
        opener = "".join(t for t in subject if t.type in ("QIZHONG", "INCL"))
        words = [t for t in rest if t is not verb and t is not count]
        # What follows the count of "verb … count" must be the thing counted ("共收到70件申请"), not
        # more of the sentence ("…回复申请的“三个一”工作机制").
        tail = "".join(t.value for t in rest[rest.index(count) + 1 :] if t.type != "REQUEST")
        if order == "verb_first" and re.search(r"[\u4e00-\u9fff]{2}", tail):
            return None
        return {
            "kind": _VERB_KIND[verb.type],
            "verb": verb,
            "count": count,
            "subject": [t for t in subject if t.type not in ("QIZHONG", "INCL")],
            "opener": opener,
            "words": words,
            "approx": _approx(rest, count),
            "anchor": verb if order == "verb_first" else count,
        }

    def done(self, children):
        finished = next(t for t in children if t.type == "FINISHED")
        return {"kind": DONE, "verb": finished, "words": children, "anchor": children[0]}

    def rate(self, children):
        share = next(t for t in children if t.type == "SHARE")
        finished = next(t for t in children if t.type == "FINISHED")
        return {"kind": RATE, "verb": finished, "share": share, "words": children, "anchor": children[0]}

    def share(self, children):
        share = next(t for t in children if t.type == "SHARE")
        return {"kind": SHARE, "share": share, "words": children, "anchor": share}

    def outcomes(self, children):
        return list(children)

    def outcome_first(self, children):
        return self._outcome(children)

    def count_first_outcome(self, children):
        return self._outcome(children)

    @staticmethod
    def _outcome(children):
        """An outcome: its categories (None when one is no outcome of the year: 不予受理) and count.
        Between them only filler; "主动予以公开" counts information, not requests."""
        named = next(c for c in children if isinstance(c, list))
        count = next(t for t in children if isinstance(t, Token) and t.type == "COUNT")
        categories = tuple(_CATEGORY.get(t.value) for t in named if t.type == "CATEGORY")
        if None in categories or len(set(categories)) < len(categories):
            return None
        at, end = children.index(named), children.index(count)
        between = children[min(at, end) + 1 : max(at, end)]
        if any(t.type in ("OTHER", "STRAY") and not _OUTCOME_FILLER.fullmatch(t.value) for t in between):
            return None
        tokens = [t for c in children for t in (c if isinstance(c, list) else [c])]
        if _NOT_REQUESTS.search("".join(t.value for t in tokens)):
            return None
        opener = tokens[0].value if tokens[0].type == "QIZHONG" else ""
        first = tokens.index(count) if end < at else next(i for i, t in enumerate(tokens) if t.type == "CATEGORY")
        return {
            "kind": OUTCOME,
            "count": count,
            "subject": [t for t in tokens[:first] if t.type != "QIZHONG"],  # "市政府办公室代表市政府"
            "opener": opener,
            "categories": categories,
            "words": [t for t in tokens if t is not count],
            "approx": _approx(tokens, count),
            "anchor": next(t for t in named if t.type == "CATEGORY"),
        }

    def verdict(self, children):
        upheld = next(t for t in children if t.type == "UPHELD")
        after = "".join(t.value for t in children[children.index(upheld) + 1 :])
        if after and not after.startswith(("原", "了", "我", "本")):
            return None  # a state kept ("均维持在99%以上", "均维持稳定"), not a judgement upheld
        return {"kind": VERDICT, "verb": upheld, "words": children, "anchor": upheld}

    def label_count(self, children):
        count = next(t for t in children if t.type == "COUNT")
        return self._item(children, count)

    def count_label(self, children):
        return self._item(children, children[0])

    @staticmethod
    def _item(children, count):
        opener = children[0].value if children[0].type in ("QIZHONG", "INCL") else ""
        return {
            "kind": ITEM,
            "count": count,
            "opener": opener,
            "words": [t for t in children if t is not count],
            "approx": _approx(children, count),
            "anchor": count,
        }


def _approx(tokens, count) -> bool:
    if re.search(r"[余多]", count.value):
        return True
    i = tokens.index(count)
    near = tokens[max(0, i - 1) : i + 2]
    return any(isinstance(t, Token) and t.type == "APPROX" for t in near)


def parse(clause: str, reader: ClaimReader) -> Optional[dict]:
    """The first reading of ``clause``, in the order of :data:`STARTS`, that the reader accepts. The
    clause is lexed once: its tokens pass over the starts whose required terminals they lack (most
    clauses are counts: five of the seven starts would fail on them) and are fed to the others."""
    try:
        tokens = list(lexer().lex(clause))
    except LarkError:
        return None  # the parser lexes it the same way: no start could read it
    kinds = {token.type for token in tokens}
    needs = required_terminals()
    lark = parser()
    for start in STARTS:
        if not needs[start] <= kinds:
            continue
        state = lark.parse_interactive(start=start)
        try:
            for token in tokens:
                state.feed_token(token)
            tree = state.feed_eof(tokens[-1] if tokens else None)
        except LarkError:
            continue
        said = reader.transform(tree)
        if said is not None:
            return said
    return None
