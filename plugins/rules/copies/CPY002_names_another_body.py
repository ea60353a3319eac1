"""CPY002 names-another-body: 报告以编制者身份写出的机关或地区不是标题中的本机关。"""

from __future__ import annotations

import re
from typing import Optional

import attrs

from ogilint.finding import WARNING
from ogilint.plugins.rules.copies.common import chain_levels, places, same_place
from ogilint.rule import Rule

# Where a report names its author. Each pattern is anchored on words of its own, so a search costs
# little on any line; the name is then read from a few characters beside the anchor.
_BY = re.compile(r"本(?:年度)?报告(?:是)?由")  # 本报告由 X (根据…) 编制
_COMPILED = re.compile(r"(?:负责|组织|汇总)?编制(?:完成|发布)?(?:了)?(?:此|本)(?:年度)?报告")  # X 编制本报告
_CONTACT = re.compile(r"请(?:与|向|联系)")  # 如对本报告有疑问,请与 X 联系
_REPORT_NAME = re.compile(
    r"(?:(?:19|20)\d{2}[ \t]*年度?[ \t]*)?(?:人民)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)"
)  # X 2023年政府信息公开工作年度报告 (the report named by its title, outside 《》)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]+")
_STOP_AFTER = re.compile(r"根据|按照|依据|依照|结合|汇总|负责|组织|会同|牵头|统一|编制|编写|制作|联系|咨询|对|在|于")
# Words before a name in "现将X2023年…报告公布如下" and the like: dropped from the front of the name.
_LEAD = re.compile(
    r"^(?:现将|现予以公布|现予公布|现公布|现予|现|特将|特向社会公布|特|兹将|兹|将|向社会公布|向社会公开|社会公布|社会公开"
    r"|公布|公开|发布|印发|关于|由|是|为|系|向|和|与|及|的)"
)
# The words that present the report itself by its name ("现将X2023年…报告公布如下"); a report's name
# without them may be a link to another report (crawled pages list them beside the text).
_PRESENTING = re.compile(r"现将|现予以公布|现予公布|现公布|特将|兹将|向社会公布|向社会公开|社会公布|公布|发布")
# What an author's name ends with: a government, its office, a department, or a place alone.
_BODY_END = re.compile(r"(?:人民政府|政府|办公室|办公厅|管委会|管理委员会|委员会|委|局|厅|办|中心|署)$")
# A government, its office, or one of its organs for disclosure (政府信息公开工作领导小组办公室, 政务公开办).
_GOVERNMENT = re.compile(r"^(?:人民政府|政府|管委会|管理委员会)?(?:办公室|办公厅|办)?$|政府|政务|公开")
# Words only a city with counties or districts below it uses of itself (各区 is not one: 昆山市 has 区镇).
_COUNTIES_BELOW = re.compile(r"县区|区县|各县|县\(市、区\)|县（市、区）|县市区")
_WINDOW = 40
_TITLE_MARKS_REACH = 200  # how far back a 《 may open the document name a report's name stands in
_COUNTIES_REACH = 20_000  # characters read for the report's own 县区


@attrs.frozen
class Named:
    name: str  # the author's name as written
    line: int
    column: int
    how: str  # how the statement names it, for the message


def _before(line: str, end: int) -> tuple[str, int, str]:
    """The name that ends at ``end``: the run of Chinese characters before it, its start, and the
    words dropped from the run's front."""
    start = max(0, end - _WINDOW)
    runs = list(_NAME_CHARS.finditer(line, start, end))
    if not runs or runs[-1].end() != end:
        return "", end, ""
    name, at = runs[-1].group(0), runs[-1].start()
    dropped = ""
    for _ in range(3):
        lead = _LEAD.match(name)
        if lead is None or lead.end() == len(name):
            break
        dropped += lead.group(0)
        name, at = name[lead.end() :], at + lead.end()
    return name, at, dropped


def _after(line: str, start: int) -> str:
    """The name that starts at ``start``: Chinese characters up to a word that ends it."""
    m = _NAME_CHARS.match(line, start, start + _WINDOW)
    if m is None:
        return ""
    stop = _STOP_AFTER.search(m.group(0), 2)  # a name may open with such words: 会同县, 于都县
    return m.group(0)[: stop.start()] if stop else m.group(0)


def _inside_title_marks(line: str, at: int) -> bool:
    """``at`` stands inside 《…》 (the name of a document cited, not the report's own)."""
    start = max(0, at - _TITLE_MARKS_REACH)
    opened = line.rfind("《", start, at)
    return opened >= 0 and line.rfind("》", start, at) < opened


def named_authors(report) -> list[Named]:
    """Every name the report gives itself as author, outside its title line."""
    out: list[Named] = []
    title_line = report.meta.title_line
    for idx, line in enumerate(report.lines):
        number = idx + 1
        if number == title_line or ("报告" not in line and "请" not in line):
            continue
        for m in _BY.finditer(line):
            name = _after(line, m.end())
            if _BODY_END.search(name):
                out.append(Named(name, number, m.end() + 1, "报告写明由「{}」编制"))
        for m in _COMPILED.finditer(line):
            name, at, _ = _before(line, m.start())
            if _BODY_END.search(name):
                out.append(Named(name, number, at + 1, "报告写明由「{}」编制"))
        for m in _CONTACT.finditer(line):
            name = _after(line, m.end())
            if _BODY_END.search(name) and "报告" in line[max(0, m.start() - _WINDOW) : m.start()]:
                out.append(Named(name, number, m.end() + 1, "报告的联系机关为「{}」"))
        for m in _REPORT_NAME.finditer(line):
            name, at, dropped = _before(line, m.start())
            if (
                _PRESENTING.search(dropped)
                and (_BODY_END.search(name) or places(name))
                and not _inside_title_marks(line, m.start())
            ):
                out.append(Named(name, number, at + 1, "报告称本报告为「{}」的年度报告"))
    return out


def speaks_of_counties(report) -> bool:
    """The report speaks of its own 县区 (so its 市 is no county-level city)."""
    seen = 0
    for line in report.lines:
        if _COUNTIES_BELOW.search(line, 0, _COUNTIES_REACH):
            return True
        seen += len(line)
        if seen > _COUNTIES_REACH:
            return False
    return False


def conflict(report, named: Named, has_counties: bool = False) -> Optional[str]:
    """Why ``named`` cannot be the report's own body, or None when it may be (or cannot be told).
    ``has_counties``: the report speaks of its own 县区 (``speaks_of_counties``)."""
    own_body = report.meta.body or ""
    own = places(own_body) or places(report.meta.region)
    theirs = places(named.name)
    if not own or not theirs:
        return None
    if same_place(own[-1], theirs[-1]):
        return _other_department(own_body, named.name, theirs)
    if any(same_place(a, b) for a in own for b in theirs):
        if len(theirs) < len(own) and all(same_place(a, b) for a, b in zip(own, theirs)):
            return None  # a place above the report's own, named as in its chain
        return f"地区「{theirs[-1]}」不是标题中的「{own[-1]}」"
    own_levels = chain_levels(own, has_counties=has_counties)
    # A higher level (the city of a district, the province) may be named: only a place that cannot
    # stand above the report's own is another place.
    if any(a < b for a in chain_levels(theirs)[-1] for b in own_levels[0]):
        return None
    return f"地区「{theirs[-1]}」不是标题中的「{own[-1]}」"


def _other_department(own_body: str, name: str, theirs: tuple) -> Optional[str]:
    """Same place: another department named where the report's own department should stand."""
    mine = own_body[sum(len(p) for p in places(own_body)) :]
    other = name[sum(len(p) for p in theirs) :]
    if not mine or not other or _GOVERNMENT.match(mine) or _GOVERNMENT.search(other):
        return None  # a government's report may be compiled by its office or a department
    if _abbreviates(mine, other) or _abbreviates(other, mine):
        return None
    return f"机关「{name}」不是标题中的「{own_body}」"


def _abbreviates(short: str, long: str) -> bool:
    """``short`` keeps ``long``'s characters in order (科技局 of 科学技术局, 发改局 of 发展和改革局)."""
    it = iter(long)
    return all(ch in it for ch in short)


class NamesAnotherBody(Rule):
    """报告以编制者身份写出的机关或地区不是标题中的本机关 (警告)。

    原因: 照抄别的机关的报告 (在一个省内传阅的模板、邻县上一年的报告),会在报告自称的地方留下那个机关的名称 ——"本
    报告由XX县人民政府办公室编制"、"请与XX县人民政府办公室联系"、"现将XX县2023年政府信息公开工作年度报告公布如
    下"—— 而标题写的是本机关。这样报告就公开声称是别的机关编写的 (见格式说明 §8,评估中会指出的问题;条例第四十九
    条: 各机关公布本机关的报告)。

    从严认定: 只读上述几类表述 (顺带提到的机关 —— 上级部门、市政府办公室的指导、引用的《…》、网页的来源一行 ——
    从不当作编制者);报告名称只在句子介绍它的地方读取 (现将、现公布、向社会公布: 爬取的网页会在正文旁列出其他报告
    的名称)。一个地方只有不可能是本报告所在地的上级时,才算别的地方: 区的报告可以写到所在的市或省。没有地名
    库,"市"可能是县级市,所以只有报告提到本级的县区时,才把一个市与另一个市区分开。同一词干的"县"和"区"、相差一个
    字的词干 (识别错误 —— 这也让泗阳和沭阳这样的邻县得以通过) 以及简称,都算同一个地方。在同一个地方之内,只有两个
    名称互不为简称时 (科技局是科学技术局的简称),才算另一个部门;政府的报告可以写其办公室或任何部门为编制者。定为
    警告而非错误: 报告确实这样写了,但笔误读起来也是一样。

    不通过的例子: 淮安市人民政府的报告 (其中提到本市各县区) 写有 "本报告由宿迁市人民政府办公室根据…编制"。
    通过的例子: 淮安市洪泽区人民政府的报告写有 "本报告由淮安市洪泽区人民政府办公室根据…编制"。
    """

    code = "CPY002"
    name = "names-another-body"
    summary = "报告以编制者身份写出了别的机关或地区"
    severity = WARNING
    groups = ("copies",)

    def check(self, report, ctx):
        seen = set()
        counties = None
        for named in named_authors(report):
            if counties is None:
                counties = speaks_of_counties(report)
            why = conflict(report, named, counties)
            if why is None or named.name in seen:
                continue
            seen.add(named.name)
            yield self.finding(
                f"{named.how.format(named.name)},但{why},可能套用了其他机关的报告",
                line=named.line,
                column=named.column,
                expected=report.meta.body,
                actual=named.name,
                confidence=0.8,
                hint="核对报告中的编制机关、联系机关和报告名称是否为本机关",
                extent=len(named.name),
            )
