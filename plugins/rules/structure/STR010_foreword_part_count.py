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

    原因: 前言告诉读者报告包含什么 ("本报告由总体情况、主动公开政府信息情况、…其他需要报告的事项共六部分组成",见
    格式说明 §3);前言宣称的部分比正文多或少,或者列举部分时漏掉了正文有的一部分,就与它所开启的报告相矛盾: 读者被
    告知有并不存在的部分,或者没有被告知确实存在的部分 (从别的报告沿用前言就会这样,见格式说明 §8 内容雷同)。

    有数字时以数字为准 (汉字或阿拉伯数字: "共六部分"、"共分6个部分");没有数字时,把前言按名称列举的部分与正文的部
    分比较。前言宣称格式的六个部分而正文缺了一部分的,是 STR001 的错误 (它会指出是哪一部分): 这里不重复。前言在第
    一个标题之前读取,也在第一部分的开头读取 (有的报告把前言放在那里)。中途中断或从报告中间开始的文本不检查。

    不通过的例子: 正文六个部分俱全,前面却写着 "本报告共分五个部分"。
    通过的例子: 六个部分之前写着 "本报告由总体情况、…、其他需要报告的事项共六部分组成"。
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
