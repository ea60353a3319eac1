"""Text against tables on the real reports and on edited copies of them."""

from __future__ import annotations

import time

import pytest

from ogilint import parse_file, parse_text
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.plugins.rules.text_tables import claims, claims_grammar
from ogilint.plugins.rules.text_tables.claims import read_claims
from ogilint.plugins.rules.text_tables.TXT009_all_upheld import groups_named
from tests.conftest import CLEAN_REAL_TEXTS, FIXTURES, SEEDS

HUAIAN = FIXTURES / "real" / "huaian-2024.txt"
SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


def _txt(report):
    return Engine(ProjectConfig(), Overrides(select=["TXT"])).check_report(report).findings


def _edit(path, *pairs):
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return parse_text(text)


def test_reports_whose_text_agrees(corpus):
    for path in list(SEED.values()) + [corpus / "real" / name for name in CLEAN_REAL_TEXTS]:
        findings = _txt(parse_file(path))
        if path.name == "pingtan-2019.txt":  # its list of information adds up short (test below)
            findings = [f for f in findings if (f.code, f.severity) != ("TXT007", "info")]
        assert findings == [], path.name


def test_list_of_information_adds_up_short(corpus):
    """pingtan-2019 line 10: "共公布政府信息2599条，(其中…25条，…68条，…28条，…69条，…90条，…175条，…67条，…983条，…48条，…124条，
    其他应主动公开政府信息856条)" — read by hand, the eleven parts add up to 2533."""
    [f] = _txt(parse_file(corpus / "real" / "pingtan-2019.txt"))
    assert (f.code, f.severity, f.expected, f.actual, f.location.line) == ("TXT007", "info", 2599, 2533, 10)


def test_every_fixture_gives_only_the_findings_read_by_hand(corpus):
    """Every text in tests/fixtures: the text rules find only what was checked by reading the report
    (pingtan-2019's list above; frag-057's "共受理政府信息公开申请2件" against 本年新收 3, a warning because
    the fragment lost (七)总计)."""
    expected = {
        "pingtan-2019.txt": [("TXT007", "info", 10)],
        "frag-057.txt": [("TXT001", "warning", 3)],
    }
    paths = [p for d in ("real", "seeds", "fragments") for p in sorted((corpus / d).iterdir())]
    for path in paths:
        if path.suffix not in (".txt", ".md", ".html", ".pdf", ".docx"):
            continue
        got = [(f.code, f.severity, f.location.line) for f in _txt(parse_file(path))]
        assert got == expected.get(path.name, []), path.name


def test_requests_received_differs(corpus):
    [f] = _txt(_edit(HUAIAN, ("政府信息公开申请 3119 件", "政府信息公开申请 3120 件")))
    assert (f.code, f.expected, f.actual, f.location.line) == ("TXT001", 3119, 3120, 28)


def test_chinese_numeral_in_text():
    [f] = _txt(_edit(SEED["000"], ("信息公开申请1份", "信息公开申请两份")))
    assert (f.code, f.actual, f.location.line) == ("TXT001", 2, 17)


def test_claim_of_no_requests_contradicted():
    report = _edit(
        SEED["004"],
        (
            "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
            "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
        ),
    )
    codes = [(f.code, f.actual) for f in _txt(report)]
    assert ("TXT002", 2) in codes


def test_review_count_differs():
    [f] = _txt(_edit(HUAIAN, ("政府信息公开行政复议 351", "政府信息公开行政复议 352")))
    assert (f.code, f.expected, f.actual) == ("TXT003", 351, 352)


def test_normative_docs_issued_differs():
    [f] = _txt(_edit(SEED["002"], ("含行政规范性文件4件", "制发行政规范性文件3件")))
    assert (f.code, f.expected, f.actual) == ("TXT004", 4, 3)


# --- The claims grammar ------------------------------------------------------------------------------


def _claims(text):
    return read_claims(parse_text("一、总体情况\n" + text))


@pytest.mark.parametrize(
    "sentence, kind, value",
    [
        ("2024年，全市共受理政府信息公开申请3119件。", claims.RECEIVED, 3119),
        ("本年度全区共收到70件申请。", claims.RECEIVED, 70),
        ("2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件。", claims.RECEIVED, 81),
        ("全年新收政府信息公开申请数量0件。", claims.RECEIVED, 0),
        ("我局收到市政府办转至我单位的信息公开申请两份。", claims.RECEIVED, 2),
        ("2022年全市共收到政府信息申请公开件658件。", claims.RECEIVED, 658),
        ("全年共受理依申请公开215件。", claims.RECEIVED, 215),
        ("2024年，我区已按规定办结政府信息公开申请144件。", claims.FINISHED, 144),
        ("全年办理答复政府信息公开申请 7 件。", claims.HANDLED, 7),
        ("2021年合计共办理依申请公开0件。", claims.HANDLED, 0),
        ("上年结转政府信息公开申请数量0件。", claims.CARRIED_OVER, 0),
        ("全年共受理申请5件，结转下年度继续办理2件。", claims.CARRIED_FORWARD, 2),
        ("全年收到申请34件，其他处理14件，转下一年度办理答复的有1件。", claims.CARRIED_FORWARD, 1),
        ("全年收到申请6件，转至下一年度办理2件。", claims.CARRIED_FORWARD, 2),
    ],
)
def test_phrasings_of_real_reports_are_claims(sentence, kind, value):
    found = [c for c in _claims(sentence) if c.kind == kind]
    assert [(c.value, c.about_requests) for c in found] == [(value, True)], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度共处理群众留言92条。",  # messages
        "2022年，区政府办公室共收到市人大代表建议 1 件。",  # proposals
        "全年办理因政府信息公开申请引发的行政复议36起。",  # review cases
        "坚持第一时间登记受理、第一时间回复申请的“三个一”工作机制。",  # 三个一 is no count
        "2023年，未收到政府信息公开申请。",  # none (TXT002's)
    ],
)
def test_other_counts_are_no_request_claims(sentence):
    flows = [c for c in _claims(sentence) if c.kind in claims.FLOW_KINDS and c.about_requests]
    assert flows == [], sentence


def test_a_bare_count_belongs_to_its_sentence():
    """ "答复3050件" names nothing: it counts requests in a sentence about requests, and the subject
    named first ("市政府") holds for the clauses after it."""
    found = _claims(
        "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件）。全年共处理留言9件，答复8件。"
    )
    said = [(c.kind, c.value, c.about_requests, c.subject, c.opener) for c in found]
    assert said == [
        (claims.RECEIVED, 1295, True, "市政府", ""),
        (claims.FINISHED, 1191, True, "市政府", ""),
        (claims.CARRIED_OVER, 189, True, "市政府", "含"),
        (claims.HANDLED, 9, False, "", ""),
        (claims.HANDLED, 8, False, "", ""),
    ]


def test_counts_joined_by_a_dunhao():
    """Counts joined by 、 are marked (a "其中" opening the next sentence parts the sentence's total, not them)."""
    found = _claims("我局收到申请共计8件，涉及政策法规信息1件、机构设置信息1件、小区备案信息6件。")
    assert [(c.value, c.joined) for c in found] == [(8, False), (1, True), (1, True), (6, True)]


@pytest.mark.parametrize(
    "sentence, categories, value",
    [
        ("予以公开及部分公开258件，占33.9%。", ("granted", "partially_granted"), 258),
        ("其中，予以公开和部分公开42件。", ("granted", "partially_granted"), 42),
        ("因本机关不掌握等原因无法提供265件。", ("unavailable",), 265),
        ("属信访、重复申请等不予处理 80 件。", ("not_processed",), 80),
        ("所有办结的信息公开申请中同意公开答复 9 件。", ("granted",), 9),
        ("无法提供的 10 件。", ("unavailable",), 10),
        ("其他处理0件。", ("other",), 0),
        ("有3件申请予以公开。", ("granted",), 3),
    ],
)
def test_phrasings_of_outcomes(sentence, categories, value):
    found = [(c.categories, c.value) for c in _claims(sentence) if c.kind == claims.OUTCOME]
    assert found == [(categories, value)], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "全年主动予以公开政府信息 1234 件。",  # proactive disclosure
        "予以公开政府文件5件。",  # documents, not requests
        "自然人申请中予以公开200件。",  # a part of the requests
        "不予受理2件。",  # no outcome of table 三
        "予以公开比上年增加10件。",  # a change, not a count
    ],
)
def test_other_counts_are_no_outcomes(sentence):
    assert [c for c in _claims(sentence) if c.kind == claims.OUTCOME] == [], sentence


@pytest.mark.parametrize(
    "sentence, upheld",
    [
        ("信息公开类行政复议7件，诉讼9件，均获维持。", True),
        ("行政复议和行政诉讼案件均维持原行政行为。", True),
        ("复议机关均维持了我局的答复。", True),
        ("行政复议2件，均未获维持。", False),
        ("满意度均维持在99%以上。", False),
        ("网站运行均维持稳定。", False),
    ],
)
def test_phrasings_of_verdicts(sentence, upheld):
    assert any(c.kind == claims.VERDICT for c in _claims(sentence)) == upheld, sentence


@pytest.mark.parametrize(
    "text, groups",
    [
        ("信息公开类行政复议7件，诉讼9件，", ("review", "litigation_direct", "litigation_after_review")),
        ("行政诉讼12件，", ("litigation_direct", "litigation_after_review")),
        ("复议后起诉1件，", ("litigation_after_review",)),
        ("行政复议3件、直接起诉2件，", ("review", "litigation_direct")),
        ("均获维持", ()),
    ],
)
def test_groups_a_verdict_names(text, groups):
    assert groups_named(text) == groups


@pytest.mark.parametrize(
    "subject, kind",
    [
        ("我局", claims.SELF),
        ("我区已按规定", claims.SELF),
        ("全区各单位共", claims.REGION),
        ("全县全年共", claims.REGION),
        ("市政府共", claims.NAMED),
        ("区政府办代表区政府", claims.NAMED),
        ("县民政局已", claims.NAMED),
        ("及时依法依规", None),
        ("另有", None),
    ],
)
def test_subjects(subject, kind):
    assert claims.subject_of(subject)[1] == kind


def test_keywords_are_never_swallowed_by_plain_text():
    """OTHER is a run of characters none of which can start a keyword: every keyword, put between
    plain characters, comes out as its own token."""
    words = {
        "RECEIVED": ["收到", "受理", "接收", "接到", "新收", "收悉"],
        "HANDLED": ["答复", "回复", "办理", "处理"],
        "FINISHED": ["办结", "办理完毕", "办理完成", "处理完毕", "答复完毕", "完成办理", "完成答复"],
        "CARRIED_OVER": ["上年结转", "上年度结转", "上一年度转结", "往年结转", "以前年度结转"],
        "CARRIED_FORWARD": [
            "结转下年度",
            "顺延到下年度",
            "转结下一年",
            "结转至",
            "顺延至",
            "转下一年度",
            "转入下年度",
            "转至下一年度",
        ],
        "CATEGORY": ["予以公开", "同意公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "不予受理"],
        "JOIN": ["及", "和", "与", "以及", "、"],
        "UPHELD": ["均获维持", "均被维持", "均维持", "全部维持", "均予以维持"],
        "APPLICANT": ["自然人", "法人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"],
        "REQUEST": ["申请", "依申请公开"],
        "QIZHONG": ["其中"],
        "INCL": ["含", "包括", "包含"],
        "ALL": ["均", "全部", "所有", "都", "全数"],
        "NEG": ["未", "没有", "暂无", "无"],
        "APPROX": ["余", "多", "近", "超过", "约", "左右", "以上"],
        "PERCENT_OF": ["占", "占比"],
        "TIME": ["全年", "本年度", "年内", "今年", "当年", "一年来"],
        "COUNT": ["3件", "两份", "12 条"],
        "SHARE": ["17.46%", "5％"],
    }
    lark = claims_grammar.parser()
    for kind, samples in words.items():
        for word in samples:
            tokens = [(t.type, t.value) for t in lark.lex(f"甲乙{word}甲乙")]
            assert (kind, word) in tokens, (word, tokens)


def test_reading_is_bounded():
    """Clauses are parsed one at a time, at most MAX_CLAUSES of them, each no longer than MAX_CLAUSE
    characters: a hostile narrative of 10⁵ characters costs bounded time."""
    for text in (
        "全年共受理政府信息公开申请1件，" * 7_000,
        "收到申请" * 25_000 + "1件",
        "1件、" * 33_000,
        "其中" + "（" * 50_000 + "1件" + "）" * 50_000,
        ("受理申请" * 20 + "\n") * 1_200,
    ):
        story = claims._join(tuple(text.split("\n")), (1, 1))
        start = time.process_time()
        claims._read(story)
        assert time.process_time() - start < 5.0
