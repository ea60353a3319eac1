"""The counts a report's narrative states, read with the claims grammar (``grammars/claims.lark``).

Part 一 (or the whole text when part 一 is not found) is joined into one string (a line broken by
the PDF's layout is joined to the next; a heading line, a line ending a sentence and a line before
an enumerator end their sentence), cut into sentences (。！？) and the sentences into clauses (at
，；：, at brackets, and at a 、 that follows a count: "预决算公开197条、“三公”经费27条"). A clause
that holds a count, a percentage or a word of completion is parsed; ``claims_grammar.ClaimReader`` turns the
tree into a :class:`Claim`. What one clause cannot say alone — who the subject is when the clause
names none ("…共受理申请1295件，办结1191件"), whether a bare "答复3050件" counts requests — is
read from the clauses before it in the same sentence.

The claims of a report are read once and shared by the rules of this family (cached on the text).
The grammar and its reader are in ``claims_grammar.py``, imported on the first reading: a rerun
from the result cache loads these rules without loading lark.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Optional

import attrs

from ogilint import spec
from ogilint.plugins.rules.text_tables.common import to_number

# Kinds of claim (what the clause says).
RECEIVED = "received"  # 收到/受理/接收/新收 N 件
HANDLED = "handled"  # 答复/回复/办理/处理 N 件
FINISHED = "finished"  # 办结/办理完毕 N 件
CARRIED_OVER = "carried_over"  # 上年结转 N 件
CARRIED_FORWARD = "carried_forward"  # 结转下年度 N 件
DONE = "done"  # 所有申请均已办结 (no count)
RATE = "rate"  # 办结率 100%
SHARE = "share"  # 占 51.85%
OUTCOME = "outcome"  # 不予公开 N 件: requests by how they were handled (table 三's 本年度办理结果)
VERDICT = "verdict"  # 均获维持: every review or lawsuit the sentence names upheld (no count)
ITEM = "item"  # any other count with its label

_VERB_KIND = {
    "RECEIVED": RECEIVED,
    "HANDLED": HANDLED,
    "FINISHED": FINISHED,
    "CARRIED_OVER": CARRIED_OVER,
    "CARRIED_FORWARD": CARRIED_FORWARD,
}
FLOW_KINDS = frozenset(_VERB_KIND.values())

# The categories of table 三's 本年度办理结果 an outcome names (spec.T3_CATEGORIES and its two rows
# of their own): "予以公开及部分公开" is both.
GRANTED = "granted"
PARTIALLY_GRANTED = "partially_granted"
_CATEGORY = {
    "予以公开": GRANTED,
    "同意公开": GRANTED,
    "部分公开": PARTIALLY_GRANTED,
    "不予公开": "denied",
    "无法提供": "unavailable",
    "不予处理": "not_processed",
    "其他处理": "other",
}
# What may stand between an outcome's category and its count ("无法提供的 10 件", "予以公开的有3件"):
# anything else makes the count another thing's ("予以公开政府文件5件").
_OUTCOME_FILLER = re.compile(r"的|的有|的为|为|有|共|共计|计|合计|总计|了|的共")
# Words that make an outcome's count something other than requests answered in the year: proactive
# disclosure ("主动予以公开"), a part of the requests ("上年结转的申请中…").
_NOT_REQUESTS = re.compile(r"主动|政府文件|信息公开目录")

# Whose count a clause states: the report's own body, or someone else.
SELF = "self"  # 我局, 本机关, 我区
REGION = "region"  # 全区, 全市各部门
NAMED = "named"  # 市政府, 区政府办代表区政府, 县民政局

MAX_CLAUSE = 160  # characters: a longer "clause" is a run of text without punctuation, not a claim
MAX_CLAUSES = 2000  # clauses parsed per report, at most

_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = "，,；;：:"
_OPEN = "（(【[〔"
_CLOSE = "）)】]〕"
_ENUMERATOR = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|#)")
_ENDS_SENTENCE = re.compile(r"[。！？；：:;!?]$")
_COUNT_BEFORE = re.compile(r"(?:\d|[零〇一二两三四五六七八九十百千])\s?(?:余|多)?[件份条个宗起篇项次场期]$")
_HOLDS_CLAIM = re.compile(
    r"[\d零〇一二两三四五六七八九十百千]\s?(?:余|多)?[件份条个宗起篇项次场期%％]|办结|完毕|完成|维持"
)

# A clause whose object names one of these counts something other than information requests.
_FOREIGN = re.compile(r"复议|诉讼|信访|投诉|举报|建议|提案|留言|咨询|来信|来电|诉求|信件|热线|来件|案件")

# Subjects (the words before the verb, time words dropped).
_SELF = re.compile(
    r"^(?:我|本)(?:局|委|办|厅|单位|机关|部门|中心|院|会|署|所|站|队|区|市|县|镇|乡|街道|街办|旗|州|省|盟|苏木|政府)"
)
_REGION = re.compile(r"^全(?:省|市|区|县|州|盟|旗|镇|乡|街道)")
_NAMED = re.compile(
    r"^[\u4e00-\u9fff]{0,20}(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府办|政府|办公室|办公厅|"
    r"管委会|委员会|办事处|街道|局|委|办|厅|中心|院|镇|乡|区|市|县|旗|部门|单位)"
)
# A clause that only opens a list of parts: "其中：予以公开…", "。其中，…".
_LIST_OPENER = re.compile(r"其中(?:包括)?|包括|具体为|分别为|分别是")
_ACTING_FOR = re.compile(r"代表|受委托|委托")
# What may follow a subject before its verb ("市政府共受理", "县民政局已按规定办结").
_ADVERBS = tuple("共计 合计 累计 总共 一共 共 已经 已 均 都 先后 陆续 及时 依法 依规 按规定 按时 按期".split())
_YEAR = re.compile(r"(\d{4})\s?年")
# An earlier year named before the verb ("去年受理…", "上年同期办结…"); 上年结转 is a verb of its own.
_PRIOR = re.compile(r"去年|上一?年|前年|同期|往年")
# A day inside the year ("11月4日"): the clause tells of one event, not of the year. The year's last
# day ("截至12月31日") is no event.
_EVENT_DATE = re.compile(r"(?<![至止到\d])(?:[1-9]|1[01])\s?月\d{1,2}日|(?<![至止到\d])12\s?月(?:[12]?\d|30)日")


@attrs.frozen
class Claim:
    """One clause that states something countable."""

    kind: str
    value: Optional[float]  # the count or the percentage; None for DONE
    unit: str  # 件, 条 …, "%" for a share
    raw: str  # the count or percentage as written ("3119 件", "17.46%")
    approx: bool  # "200余件", "近300个": not an exact count
    arabic: bool  # written in digits (not 两, 十二)
    verb: str  # the verb as written ("受理"), or ""
    label: str  # an item's words, a flow's object ("政府信息公开申请")
    subject: str  # the subject as written ("全市", "区政府办代表区政府"), inherited when the clause names none
    subject_kind: Optional[str]  # SELF, REGION, NAMED or None (none named)
    dated: bool  # the clause opens with a date inside the year ("11月4日"): one event, not the year's count
    year: Optional[int]  # the year the sentence names before the claim ("2024年，全市共受理…"), if any
    prior: bool  # the claim speaks of an earlier year ("去年受理申请83件", "上年同期")
    about_requests: bool  # what is counted is information requests
    opener: str  # "其中", "含", "包括" when the clause opens with one of them, else ""
    in_list: bool  # the clause is one of the parts a "其中" lists (up to a semicolon or the sentence's end)
    text: str  # the clause as written
    line: int  # where the claim is shown: its verb, or the count when the count comes first
    column: int
    count_line: int  # where the count (or percentage) stands
    count_column: int
    sentence: int  # index of the sentence in the narrative
    sentence_text: str = attrs.field(repr=False)  # the whole sentence
    clause: int  # index of the clause in the narrative
    depth: int  # brackets around the clause
    joined: bool = False  # one of counts joined by 、 ("政策法规信息1件、机构设置信息1件、小区备案信息6件")
    categories: tuple = ()  # an outcome's categories of table 三 ("granted", "denied" …), in the order written
    before: str = ""  # the sentence up to the clause ("信息公开类行政复议7件，诉讼9件，" before "均获维持")


def count_number(text: str) -> Optional[float]:
    """A stated count or percentage ("749", "51.85", "七十五", "两"), or None."""
    text = text.strip()
    whole, dot, fraction = text.partition(".")
    if dot and whole.isdigit() and fraction.isdigit():
        return float(text)
    return to_number(text)


def _count_value(token) -> tuple[Optional[float], str, bool]:
    """(value, unit, written in digits) of a COUNT token ("3119 件", "两份")."""
    m = re.match(r"(\d+|[零〇一二两三四五六七八九十百千]+)\s?(?:余|多)?(.)$", token.value)
    if m is None:
        return None, "", False
    return count_number(m.group(1)), m.group(2), m.group(1).isdigit()


def _share_value(token) -> Optional[float]:
    m = re.match(r"(\d+(?:\.\d+)?)", token.value)
    return float(m.group(1)) if m else None


# --- Subjects ----------------------------------------------------------------------------------------


def subject_of(text: str) -> tuple[str, Optional[str]]:
    """(subject as written, SELF/REGION/NAMED) of the words before a verb, or ("", None) when they name
    no one ("及时依法依规", "另有", "共")."""
    text = re.sub(r"\d{4}\s?年度?|全年|本年度|本年|年内|今年|当年|一年来", "", text).strip(" ,，、")
    text = text.split("共", 1)[0] if text.find("共") >= 2 else text  # "全区各部门共完成政府信息…"
    if not text:
        return "", None
    if _ACTING_FOR.search(text):
        return text, NAMED
    m = _SELF.match(text)
    if m:
        return m.group(0), SELF
    m = _REGION.match(text)
    if m:
        return _strip_adverbs(text), REGION
    name = _strip_adverbs(text)
    if len(name) >= 2 and _NAMED.fullmatch(name):
        return name, NAMED
    return "", None


def _strip_adverbs(text: str) -> str:
    """The subject without the adverbs that end it ("全区各单位共" → "全区各单位")."""
    stripped = True
    while stripped and text:
        stripped = False
        for word in _ADVERBS:
            if text.endswith(word) and len(text) > len(word):
                text, stripped = text[: -len(word)], True
                break
    return text


def _normal(name: str) -> str:
    return name.replace("人民政府", "政府").replace("办公室", "办").replace("办公厅", "办")


def is_own_body(claim: Claim, body: Optional[str]) -> bool:
    """Whether the claim's subject is the report's own body: named none, named itself (我局, 本机关),
    its whole region in a government's report (全区), or a department's report naming itself in full.
    A government named in the text (市政府, 区政府办代表区政府) may be the government as one office,
    while its report's tables count the whole region: not taken for the body."""
    kind = claim.subject_kind
    if kind is None or kind == SELF:
        return True
    body_kind = spec.body_kind(body)
    if kind == REGION:
        return body_kind != spec.DEPARTMENT
    if body and body_kind == spec.DEPARTMENT:
        subject, own = _normal(claim.subject), _normal(body)
        return len(subject) >= 4 and own.endswith(subject)
    return False


# --- The narrative as one string ---------------------------------------------------------------------


@attrs.frozen
class Narrative:
    text: str  # the joined text; "\n" where a sentence ends without punctuation
    starts: tuple  # flat offset where each source piece starts
    places: tuple  # (line, column) of each piece's first character

    def where(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        line, column = self.places[i]
        return line, column + offset - self.starts[i]


def narrative(report) -> Narrative:
    part = report.part(1)
    if part is not None:
        lines = report.part_text(1).split("\n")
        first = (part.line, part.column)
    else:
        lines = list(report.lines)
        first = (1, 1)
    return _join(tuple(lines), first)


@functools.lru_cache(maxsize=16)
def _join(lines: tuple, first: tuple) -> Narrative:
    pieces, starts, places = [], [], []
    at = 0
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if i:
            previous = lines[i - 1].strip()
            if _hard_break(previous, line.strip()):
                pieces.append("\n")
                at += 1
        starts.append(at)
        places.append((first[0] + i, first[1] if i == 0 else 1))
        pieces.append(stripped)
        at += len(stripped)
    return Narrative("".join(pieces), tuple(starts), tuple(places))


def _hard_break(previous: str, line: str) -> bool:
    """Whether a line break ends a sentence: after a sentence's end, an empty line or a heading
    ("（二）依申请公开方面"), before an enumerator; otherwise it is the layout's and the lines join."""
    if not previous or not line or _ENDS_SENTENCE.search(previous):
        return True
    if _ENUMERATOR.match(line):
        return True
    return bool(_ENUMERATOR.match(previous)) and "。" not in previous and len(previous) <= 40


# --- Clauses and claims ------------------------------------------------------------------------------


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _clauses(text: str):
    """(start, end, depth, sentence, the separators before it) of each clause of the text."""
    sentence, depth, start, before = 0, 0, 0, ""
    for i, ch in enumerate(text):
        cut = None
        if ch in _SENTENCE_END:
            cut = "sentence"
        elif ch in _CLAUSE_END:
            cut = "clause"
        elif ch in _OPEN or ch in _CLOSE:
            cut = "bracket"
        elif ch == "、" and _COUNT_BEFORE.search(text[max(start, i - 16) : i].rstrip()):
            cut = "clause"
        if cut is None:
            continue
        if i > start:
            yield start, i, depth, sentence, before
            before = ""
        before = (before + ch)[-4:]
        if cut == "sentence":
            sentence += 1
            depth = 0
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        start = i + 1
    if start < len(text):
        yield start, len(text), depth, sentence, before


def read_claims(report) -> tuple[Claim, ...]:
    """Every claim of the report's narrative, in reading order."""
    return _read(narrative(report))


@functools.lru_cache(maxsize=16)
def _read(story: Narrative) -> tuple[Claim, ...]:
    text = story.text
    spans = _sentence_spans(text)
    claims: list[Claim] = []
    from ogilint.plugins.rules.text_tables import claims_grammar  # lark: loaded when a text is read

    reader = claims_grammar.ClaimReader()
    context = {"sentence": -1}
    for index, (start, end, depth, sentence, before) in enumerate(_clauses(text)):
        if index >= MAX_CLAUSES:
            break
        if sentence != context["sentence"]:
            context = {
                "sentence": sentence,
                "text": text[slice(*spans[sentence])] if sentence < len(spans) else "",
                "start": spans[sentence][0] if sentence < len(spans) else start,
                "subject": ("", None),
                "requests": False,
                "dated": False,
                "year": None,
                "opener": "",
                "in_list": False,
            }
        if "；" in before or ";" in before:
            context["in_list"] = False  # a list of parts ends at a semicolon
        clause = text[start:end]
        if _LIST_OPENER.fullmatch(clause.strip()):
            context["opener"] = "其中"
            context["in_list"] = True
            continue
        if "申请" in clause and not _FOREIGN.search(clause):
            context["requests"] = True
        if _EVENT_DATE.search(clause):
            context["dated"] = True
        if len(clause) <= MAX_CLAUSE and not _HOLDS_CLAIM.search(clause):
            years = _YEAR.findall(clause)
            if years:
                context["year"] = int(years[-1])
        if len(clause) > MAX_CLAUSE or not _HOLDS_CLAIM.search(clause):
            if len(clause) <= 16 and subject_of(clause)[1] is not None:
                context["subject"] = subject_of(clause)
            continue
        said = claims_grammar.parse(clause, reader)
        if said is None:
            continue
        claim = _claim(said, clause, start, depth, sentence, index, story, context)
        if claim is None:
            continue
        if "、" in before and claims and claims[-1].clause == index - 1 and claims[-1].sentence == sentence:
            claims[-1] = attrs.evolve(claims[-1], joined=True)  # a 、 cuts a clause only after a count
            claim = attrs.evolve(claim, joined=True)
        claims.append(claim)
    return tuple(claims)


def _claim(said, clause, start, depth, sentence, index, story, context) -> Optional[Claim]:
    kind = said["kind"]
    words = said.get("words", [])
    from lark import Token  # loaded with the grammar (claims_grammar.py), which made ``said``

    word_text = "".join(t.value for t in words if isinstance(t, Token))
    value, unit, arabic, approx = None, "", True, said.get("approx", False)
    if "count" in said:
        value, unit, arabic = _count_value(said["count"])
        if value is None:
            return None
        number = said["count"]
    elif "share" in said:
        value, unit = _share_value(said["share"]), "%"
        number = said["share"]
    else:
        number = said["anchor"]
    subject_tokens = said.get("subject", [])
    dated = context["dated"]
    before_verb = "".join(t.value for t in subject_tokens if t.type != "DATE")
    years = _YEAR.findall(before_verb)
    year = int(years[-1]) if years else context["year"]
    if years and depth == 0:
        context["year"] = year
    prior = bool(_PRIOR.search(before_verb))
    subject, subject_kind = subject_of(before_verb)
    if subject_kind is not None:
        context["subject"] = (subject, subject_kind)
    else:
        subject, subject_kind = context["subject"]
    opener = said.get("opener", "") or context["opener"]
    context["opener"] = ""
    if opener in ("其中", "包括"):
        context["in_list"] = True
    requests = _about_requests(kind, word_text, clause, context)
    if kind in FLOW_KINDS and requests and not opener:
        context["requests"] = True
    line, column = story.where(start + said["anchor"].start_pos)
    count_line, count_column = story.where(start + number.start_pos)
    return Claim(
        kind=kind,
        value=value,
        unit=unit,
        raw=number.value if "count" in said or "share" in said else "",
        approx=approx,
        arabic=arabic,
        verb=said["verb"].value if "verb" in said else "",
        label=word_text,
        subject=subject,
        subject_kind=subject_kind,
        dated=dated,
        year=year,
        prior=prior,
        about_requests=requests,
        opener=opener,
        in_list=context["in_list"],
        text=clause,
        line=line,
        column=column,
        count_line=count_line,
        count_column=count_column,
        sentence=sentence,
        sentence_text=context["text"],
        clause=index,
        depth=depth,
        categories=said.get("categories", ()),
        before=story.text[context["start"] : start],
    )


def _about_requests(kind: str, words: str, clause: str, context: dict) -> bool:
    """Whether a claim counts information requests: its clause says 申请 (or 依申请公开) and names
    nothing else (复议, 留言, 建议 …); or it names nothing at all ("答复3050件") in a sentence that
    is about requests."""
    if _FOREIGN.search(words):
        return False
    if "申请" in words:
        return True
    if kind == RECEIVED:
        return False
    if kind in (DONE, RATE):
        return context["requests"] or "申请" in clause
    return context["requests"] and not re.search(r"[\u4e00-\u9fff]{2}", _bare(words))


def _bare(words: str) -> str:
    """The words of a clause without the ones every count may carry (共计, 继续办理, 数量 …)."""
    return re.sub(
        r"共计|合计|总计|累计|总数|数量|共|了|已|均|都|按时|按期|依法|依规|及时|继续|办理|答复|处理|下一?年度?|到|至|"
        r"\d{4}年度?|另有|其余|剩余|尚有|予以|的|各类|全部|所有",
        "",
        words,
    )
