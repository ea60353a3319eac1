"""TXT007 narrative-arithmetic: 正文所列「其中」各项之和或百分比与其总数不符。"""

from __future__ import annotations

import re
from typing import Optional

import attrs

from ogilint.finding import ERROR, INFO, WARNING, Location
from ogilint.plugins.rules.text_tables.claims import FLOW_KINDS, SHARE, Claim, read_claims
from ogilint.rule import Rule

# Table 三's categories: a list of them is a partition by the format's own definition (spec §4).
_T3_PART = re.compile(
    r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|自然人|法人|商业企业|科研机构|社会公益组织|法律服务机构"
)
# What a list's last part says when it claims to hold everything the others do not.
_REST = re.compile(r"^[、“”\"]?(?:其他|其余|其它|剩余)(?!处理)")
_LISTS = ("其中", "包括")
# Counts of table 四 after a list of requests ("…其他处理2件;因政府信息公开引起的行政复议案件2件"): not its parts.
_OTHER_TABLE = re.compile(r"复议|诉讼")


@attrs.frozen
class Part:
    claim: Claim
    share: Optional[Claim] = None


@attrs.frozen
class Breakdown:
    total: Claim
    parts: tuple  # Part


def breakdowns(claims) -> list[Breakdown]:
    """Each stated total with the parts its "其中"/"包括" list gives: parts of the same unit, in
    digits, up to the end of the sentence or the bracket, a new list or the total of one, a count of
    requests with its verb, or a clause that holds no count."""
    out = []
    for i, first in enumerate(claims):
        if first.opener not in _LISTS or first.kind == SHARE:
            continue
        total = _total_of(claims, i)
        if total is None:
            continue
        parts = _parts(claims, i, total)
        if len(parts) >= 2:
            out.append(Breakdown(total, tuple(parts)))
    return out


def _countable(c: Claim) -> bool:
    return c.kind != SHARE and c.opener != "含" and not c.approx and c.arabic and c.value is not None


def _total_of(claims, i) -> Optional[Claim]:
    first = claims[i]
    before = [c for c in claims[:i] if c.sentence == first.sentence and c.depth <= first.depth and _countable(c)]
    if before:
        return before[-1]
    if first.clause != min(c.clause for c in claims if c.sentence == first.sentence):
        return None
    # A list opening its sentence ("。其中，同意公开3件…") parts the previous sentence's total, not one of
    # the counts that sentence joins with 、 ("共计8件，涉及政策法规信息1件、机构设置信息1件、小区备案信息6件").
    previous = [
        c
        for c in claims[:i]
        if c.sentence == first.sentence - 1 and c.depth == 0 and _countable(c) and not c.opener and not c.joined
    ]
    return previous[-1] if previous else None


def _parts(claims, i, total) -> list[Part]:
    first = claims[i]
    parts: list[Part] = []
    last_clause = first.clause - 1
    for j in range(i, len(claims)):
        c = claims[j]
        if c.sentence != first.sentence or c.depth < first.depth or c.clause > last_clause + 1:
            break
        last_clause = c.clause
        if c.kind == SHARE:
            if parts and parts[-1].share is None and c.depth <= first.depth + 1:
                parts[-1] = Part(parts[-1].claim, c)
            continue
        if c.depth > first.depth or c.opener == "含":
            continue  # a detail of the last part ("其他处理 319 件（含申请人主动撤回 157 件）")
        if c is not first and (c.opener in _LISTS or (c.kind in FLOW_KINDS and c.about_requests)):
            break
        if (
            not _countable(c)
            or c.unit != total.unit
            or (_OTHER_TABLE.search(c.label) and not _OTHER_TABLE.search(total.label))
        ):
            break
        if c is not first and _opens_list(claims, j):
            break  # the total of the next list ("…；政府信息公开行政诉讼46件，其中…")
        parts.append(Part(c))
    return _complete_prefix(parts, total)


def _opens_list(claims, j) -> bool:
    after = claims[j + 1] if j + 1 < len(claims) else None
    return after is not None and after.sentence == claims[j].sentence and after.opener in _LISTS


def _complete_prefix(parts: list[Part], total: Claim) -> list[Part]:
    """The parts, or the first of them when they add up to the total exactly and the rest go beyond
    it ("局长信箱268条、咨询交流1379条,公开答复数量1061条" of 1647 留言): what follows is another
    count. Not when every part carries its percentage: then they are one list."""
    if sum(p.claim.value for p in parts) <= total.value or all(p.share is not None for p in parts):
        return parts
    running = 0
    for k, p in enumerate(parts):
        running += p.claim.value
        if running == total.value:
            return parts[: k + 1]
    return parts


def _name(claim: Claim) -> str:
    label = re.sub(r"^(?:其中|包括|[、，,:：“”\"\s])+", "", claim.label).strip()
    return label[:16] + ("…" if len(label) > 16 else "")


def _decimals(share: Claim) -> int:
    """How many decimals a percentage is written with ("17.46%": 2)."""
    m = re.search(r"\.(\d+)", share.raw)
    return len(m.group(1)) if m else 0


class NarrativeArithmetic(Rule):
    """正文所列「其中」各项之和或百分比与其总数不符。

    原因: 第一部分会列出总数及其各项 —— "共公布政府信息2599条,(其中机构职能类信息25条,…)"、"办结依申请公开81件,
    其中:予以公开及部分公开42件,占51.85%;…" —— 加不上的数字即使还没有与表格对照,也是数据失准 (见格式说明 §5、
    §8)。用 claims 语法读取 (grammars/claims.lark)。

    句首的 "其中",分解的是前一句中最后一个数 (由 、 连接的一串数中的数除外) ("共计8件，涉及政策法规信息1件、…、
    小区备案信息6件。其中，同意公开3件…" 分解的是 8)。从严认定,因为 "其中" 常常只列出一部分: 少于两项的列举、有
    一项不小于总数的、另一单位或约数 ("260余条") 的,都不处理;列举在以下位置结束: 不带数字的分句、另一单位的数、
    带动词的申请件数、在其他内容之后出现的行政复议/诉讼,或下一个列举的总数;各项超出总数时,以恰好加到总数的前几项
    为这个列举 (后面是另一个数: 总数 1647 之下的 "局长信箱268条、咨询交流1379条,公开答复数量1061条"),除非每一项
    都带有百分比。各项加起来超过总数的,不可能都是它的组成部分: 这些项是表三的分类 (申请人类型、办理结果: 按格式
    的定义是一种划分) 时为错误,否则为警告 (其他列举可能互相重叠,"主动公开70条,动态信息50条")。各项加起来小于总数
    的不算发现,除非最后一项是 "其他/其余" (列举自称完整),此时为提示。各项加起来等于总数时,所写的每个百分比都必须
    是该项占总数的比例 (精确到所写的最后一位);同一列举的百分比加起来超过 100% 的,无论如何都是警告。

    不通过的例子: pingtan-2023 把 "其他处理2件" 改成 "其他处理5件": 42+5+31+1+5 = 84 > 81 (办结81件)。
    通过的例子: sh-bgt-2025 "其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），…",办结 1191
    件: 208+20+564+80+319 = 1191,208/1191 = 17.46%。
    """

    code = "TXT007"
    name = "narrative-arithmetic"
    summary = "正文所列「其中」各项之和或百分比与总数不符"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        for b in breakdowns(read_claims(report)):
            total, unit = b.total, b.total.unit
            values = [p.claim.value for p in b.parts]
            if any(v >= total.value for v in values):
                continue  # a part as large as the total: the list is not a partition of it
            s = sum(values)
            n = len(values)
            if s > total.value:
                partition = all(_T3_PART.search(p.claim.label) for p in b.parts) and total.about_requests
                yield self._at(
                    total,
                    f"正文说共{total.value:g}{unit},其中所列{n}项之和为{s:g}{unit},比总数多{s - total.value:g}{unit}",
                    severity=ERROR if partition else WARNING,
                    confidence=0.8 if partition else 0.6,
                    expected=total.value,
                    actual=s,
                    parts=b.parts,
                )
            elif s < total.value:
                if _REST.match(_name(b.parts[-1].claim)):
                    yield self._at(
                        total,
                        f"正文说共{total.value:g}{unit},其中所列{n}项(末项为「{_name(b.parts[-1].claim)}」)之和为"
                        f"{s:g}{unit},比总数少{total.value - s:g}{unit}",
                        severity=INFO,
                        confidence=0.5,
                        expected=total.value,
                        actual=s,
                        parts=b.parts,
                    )
            else:
                yield from self._shares(b)
            if s != total.value:
                yield from self._share_sum(b)

    def _shares(self, b: Breakdown):
        """The parts add up to the total: each stated percentage is its part's share."""
        total = b.total.value
        for p in b.parts:
            if p.share is None:
                continue
            exact = 100 * p.claim.value / total
            places = _decimals(p.share)
            if abs(p.share.value - exact) > 10**-places + 1e-9:
                yield self.finding(
                    f"「{_name(p.claim)}」{p.claim.value:g}{p.claim.unit}占总数{total:g}{b.total.unit}的"
                    f"{exact:.{places}f}%,正文写{p.share.value:g}%",
                    line=p.share.count_line,
                    column=p.share.count_column,
                    expected=round(exact, places),
                    actual=p.share.value,
                    confidence=0.7,
                    related=[Location(b.total.count_line, b.total.count_column)],
                )

    def _share_sum(self, b: Breakdown):
        shares = [p.share for p in b.parts if p.share is not None]
        if len(shares) < 2:
            return
        places = max(_decimals(x) for x in shares)
        s = sum(x.value for x in shares)
        if s > 100 + len(shares) * 0.5 * 10**-places + 1e-9:
            yield self.finding(
                f"正文所列{len(shares)}项的百分比之和为{s:.{places}f}%,超过100%",
                line=shares[0].count_line,
                column=shares[0].count_column,
                expected=100,
                actual=round(s, places),
                confidence=0.6,
            )

    def _at(self, total: Claim, message: str, *, severity, confidence, expected, actual, parts):
        return self.finding(
            message,
            line=total.count_line,
            column=total.count_column,
            severity=severity,
            confidence=confidence,
            expected=expected,
            actual=actual,
            related=[Location(p.claim.count_line, p.claim.count_column) for p in parts],
        )
