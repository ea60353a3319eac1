"""STR010 foreword-part-count: 前言所说的部分与正文的部分不符。"""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.structure.common import _truncated, headless_part, numeral, opening, present_parts
from ogilint.rule import Rule
from ogilint.text import clean

# "共六部分", "等六个部分", "共分6个部分", "分为六个部分", "…事项六个部分组成". Not "第六部分", nor a part of
# something else ("一部分单位"): a count word before the numeral, or 组成/构成 after 部分.
_COUNT = re.compile(
    r"(?:共|等|分为|分成|包括|包含)\s?(?:分\s?)?([一二三四五六七八九十]|\d{1,2})\s?个?\s?部分"
    r"|(?<![第一二三四五六七八九十\d])([一二三四五六七八九十]|\d{1,2})\s?个?\s?部分\s?(?:组成|构成)"
)
# The words that name each part in a foreword's list ("本报告包括总体情况、主动公开政府信息情况、…").
_NAMES = {
    1: re.compile(r"总体情况"),
    2: re.compile(r"主动公开政府信息|主动公开情况"),
    3: re.compile(r"收到和处理"),
    4: re.compile(r"行政复议|行政诉讼"),
    5: re.compile(r"存在的主要问题|存在问题|改进情况|改进措施"),
    6: re.compile(r"其他需要报告|其他报告的事项|其他事项|需要报告的事项"),
}
_SENTENCE = re.compile(r"[^。;；!?！？]+")
_LISTING = re.compile(r"包括|包含|由|分为|分成|共分|组成|构成")
# The sentence speaks of the report itself ("本报告由…", "全文包括…", "报告共分…"), not of a part's work.
_SELF = re.compile(r"本(?:年度)?报告|全文|报告(?:由|包括|包含|分为|共)")


def _count(text: str) -> int:
    return int(text) if text.isdigit() else spec.NUMERALS.index(text) + 1


class ForewordPartCount(Rule):
    """前言所说的部分与正文的部分不符。

    Why: the foreword tells the reader what the report holds ("本报告由总体情况、主动公开政府信息情况、
    …其他需要报告的事项共六部分组成", spec §3); a foreword that announces more or fewer parts than the
    body has, or lists the parts and leaves out one the body has, contradicts the report it opens: the
    reader is told of parts that are not there, or not told of one that is (a foreword carried over
    from another report is one way it happens, spec §8 内容雷同).

    The number counts (a numeral or a digit: "共六部分", "共分6个部分"); with no number, the parts the
    foreword lists by name are compared with those of the body. A foreword that announces the
    format's six parts while the body lacks one is STR001's error, which names the part: not
    repeated here. The foreword is read before the first heading and at the start of part 一 (some
    reports put it there). Not checked on a text that breaks off or starts inside the report.

    Fails: "本报告共分五个部分" before a body with all six parts.
    Passes: "本报告由总体情况、…、其他需要报告的事项共六部分组成" before the six parts.
    """

    code = "STR010"
    name = "foreword-part-count"
    summary = "前言所说的部分数与正文不符"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        joined = opening(report)
        if joined is None or _truncated(report):
            return
        present = present_parts(report)
        present |= {n for n in range(1, 7) if n not in present and headless_part(report, n) is not None}
        for sentence in _SENTENCE.finditer(joined.text):
            text = sentence.group(0)
            if not _SELF.search(text):
                continue
            listed = {n for n, words in _NAMES.items() if words.search(clean(text))}
            count = _COUNT.search(text)
            if count:
                announced = _count(count.group(1) or count.group(2))
                if announced < 3:  # "包括一部分…": no count of a report's parts
                    continue
                if announced == len(present) or (announced == 6 and len(present) < 6):
                    return
                line, column = joined.place(sentence.start() + count.start())
                yield self.finding(
                    f"前言称本报告共{_cn(announced)}部分,正文有{_cn(len(present))}部分"
                    f"({'、'.join(numeral(n) for n in sorted(present))})",
                    line=line,
                    column=column,
                    expected=f"{len(present)}个部分",
                    actual=count.group(0),
                    confidence=0.9,
                    extent=len(count.group(0)),
                )
                return
            listing = _LISTING.search(text) if len(listed) >= 3 else None
            if listing is not None:
                unlisted = sorted(present - listed)
                if unlisted:
                    line, column = joined.place(sentence.start() + listing.start())
                    names = "、".join(f"第{numeral(n)}部分「{spec.PART_TITLES[n]}」" for n in unlisted)
                    yield self.finding(
                        f"前言列举本报告的部分时没有{names},正文却有",
                        line=line,
                        column=column,
                        expected="、".join(spec.PART_TITLES[n] for n in sorted(present)),
                        actual="、".join(spec.PART_TITLES[n] for n in sorted(listed)),
                        confidence=0.8,
                    )
                return


def _cn(n: int) -> str:
    return spec.NUMERALS[n - 1] + "个" if 1 <= n <= 10 else f"{n}个"
