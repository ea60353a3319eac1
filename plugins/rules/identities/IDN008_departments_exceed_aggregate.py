"""IDN008 departments-exceed-aggregate: 汇总全地区的政府报告,其数字不应小于同年本级各部门报告之和 (警告)。"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.copies.common import places, same_place, stem
from ogilint.plugins.rules.identities.common import _num
from ogilint.rule import Rule, others_where

# The counts a government's aggregate covers for every department: (table, row, column, name).
COUNTS = (
    ("t3", "new_received", "total", "表三「本年新收政府信息公开申请数量」总计"),
    ("t3", "total_handled", "total", "表三「本年度办理结果」总计"),
    ("t4", "review", "total", "表四「行政复议」总计"),
    ("t4", "litigation_direct", "total", "表四「未经复议直接起诉」总计"),
    ("t4", "litigation_after_review", "total", "表四「复议后起诉」总计"),
)
# What stands after the places in a government's own name; a department's name has anything else.
_GOVERNMENT = re.compile(r"^(?:人民政府|政府|管委会|管理委员会)?$")
_OFFICE = re.compile(r"^(?:人民政府|政府|管委会|管理委员会)(?:办公室|办公厅|办)$")
# How aggregate reports say that they are ("汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成",
# "报告汇总全市数据", "在…省政府各部门政府信息公开工作年度报告基础上编制"), in the foreword; and the
# whole region's count of requests in part 一 ("全市共受理政府信息公开申请 3119 件", "全区共收到70件申请").
_AGGREGATE = re.compile(
    r"汇总[^。;；]{0,16}?(?:全(?:省|市|区|县|旗|州|盟)|各[^。;；,，]{0,8}?(?:单位|部门|县|区|地))"
    r"|各[^。;；]{0,30}?报告(?:的)?基础上"
    r"|包括[^。;；]{0,16}?各(?:部门|单位)"
)
_WHOLE_COUNT = re.compile(
    r"全(?P<unit>省|市|区|县|旗|州|盟)(?:各[^\s。;；,，]{0,6})?(?:全年)?共?(?:受理|收到|接收|新收)[^。;；,，]{0,16}?申请"
)
_FOREWORD_LINES = 40


class Counts(NamedTuple):
    """A report's note (``Rule.note``): the figures of :data:`COUNTS` (None where unread or doubtful),
    and for a government's report that says it covers its region, where it says so — (line, column,
    words) — and the (line, column) of each figure."""

    values: tuple
    said: Optional[tuple] = None
    cells: Optional[tuple] = None


def place_year(report) -> Optional[tuple]:
    """The run index key of a report by its most specific place and its year."""
    chain = places(report.meta.body)
    return (stem(chain[-1]) or chain[-1], report.meta.year) if chain and report.meta.year else None


def _after_places(name: str, chain: tuple) -> str:
    return name[sum(len(p) for p in chain) :]


def aggregate_statement(report, unit: str) -> Optional[tuple]:
    """(line, column, words) where the report says it covers its whole region, or None."""
    first = report.part(1)
    end = first.line if first is not None else min(len(report.lines), _FOREWORD_LINES)
    for idx in range(min(end, len(report.lines))):
        line = report.lines[idx]
        stop = first.column - 1 if first is not None and idx + 1 == first.line else len(line)
        m = _AGGREGATE.search(line, 0, stop)
        if m:
            return idx + 1, m.start() + 1, m.group(0)
    if first is None:
        return None
    text_end = first.end_line
    for idx in range(first.line - 1, min(text_end, len(report.lines))):
        line = report.lines[idx]
        start = first.column - 1 if idx + 1 == first.line else 0
        for m in _WHOLE_COUNT.finditer(line, start):
            if unit.endswith(m.group("unit")):
                return idx + 1, m.start() + 1, m.group(0)
    return None


def _departments(report, chain: tuple, run_reports) -> list:
    """The reports of the run, same year, of departments of the government whose places are
    ``chain`` (one report per body, the first in run order)."""
    out, seen = [], set()
    for other in others_where(run_reports, place_year, place_year(report)):
        theirs = places(other.meta.body)
        if any(not same_place(a, b) for a, b in zip(reversed(theirs), reversed(chain))):
            continue  # 南京市鼓楼区 and 福州市鼓楼区 share a name, not a government
        rest = _after_places(other.meta.body, theirs)
        if _GOVERNMENT.match(rest) or _OFFICE.match(rest) or other.meta.body in seen:
            continue  # the government itself, or its office (whose report may be the government's)
        seen.add(other.meta.body)
        out.append(other)
    return out


class DepartmentsExceedAggregate(Rule):
    """汇总全地区的政府报告,其数字不应小于同年本级各部门报告之和 (警告)。

    原因: 汇总本地区的政府报告 (全市/全区汇总) 涵盖该政府的所有部门;汇总数可以与其各部门报告之和相对照 (见格式说
    明 §7),而汇总不全属于评估中会指出的问题 (见格式说明 §8)。运行中有一份政府报告 (淮安市人民政府、平潭综合实验
    区、天津市北辰区) 和其同年的部门报告 (按地方和年度查找) 时才检查 —— 而且只在政府报告自称是汇总时: 在前言中
    ("汇总…各有关单位…"、"报告汇总全市数据"、"在…各部门…报告基础上编制"),或在第一部分中带着本地区的数字 ("全区共
    收到70件申请"、"全市共受理政府信息公开申请3119件")。没有这样的字样,政府报告可能只涵盖其办公室本身,不作比较。

    比较的数字是表三 本年新收 和 办理结果 的总计,以及表四三行的总计。政府的办公室不计入部门之和 (它的报告有时就
    是政府本身的报告),下级政府 (市辖区、乡镇) 也不计入: 只算同一地方的部门。定为警告而非错误: 是否汇总是从报告的
    字句读出的;以地方命名的部门可能是垂直管理的,不在汇总之内;也无法判断哪一份报告错了。

    不通过的例子: 平潭综合实验区 2021 年报告 ("本年度全区共收到70件申请",表三 本年新收 总计 70),同年平潭综合实验
    区财政金融局的报告 本年新收 为 80。
    通过的例子: 真实的财政金融局报告,本年新收 0。
    """

    code = "IDN008"
    name = "departments-exceed-aggregate"
    summary = "汇总报告的数字小于本级部门报告之和"
    severity = WARNING
    groups = ("identities", "cross-report")
    across_reports = True  # the departments of the region and year

    def note(self, report):
        """What the check needs of any report of the run: the figures of :data:`COUNTS` (those of a
        department go into the sum), and, for a government's report, where it says it covers its whole
        region and where its figures are; None where there is nothing of the kind."""
        cells = [report.tables[t].cell(r, c) for t, r, c, _ in COUNTS]
        values = tuple(_num(cell) for cell in cells)
        chain = places(report.meta.body)
        if not chain or not report.meta.year or not _GOVERNMENT.match(_after_places(report.meta.body, chain)):
            return Counts(values) if any(v is not None for v in values) else None
        said = aggregate_statement(report, chain[-1])
        if said is None:
            return None  # a government's report that does not say it covers the region: not compared
        return Counts(values, said, tuple((c.line, c.column) if c is not None else (None, None) for c in cells))

    def check(self, report, ctx):
        m = report.meta
        chain = places(m.body)
        if not chain or not m.year or not _GOVERNMENT.match(_after_places(m.body, chain)):
            return
        departments = _departments(report, chain, ctx.run_reports)  # first: by the meta, through the run's index
        if not departments:
            return
        mine = self.noted(report)
        if mine is None or mine.said is None:
            return
        # The departments' figures from their notes: in a large run their models stay on disk.
        theirs = [(d, note) for d in departments if (note := self.noted(d)) is not None]
        said = mine.said
        for i, (table, row, col, label) in enumerate(COUNTS):
            whole = mine.values[i]
            if whole is None:
                continue
            parts = [(d, note.values[i]) for d, note in theirs if note.values[i] is not None]
            total = sum(v for _, v in parts)
            if not parts or total <= whole + spec.TOLERANCE:
                continue
            shown = "、".join(f"{d.meta.body} {v:g}" for d, v in parts if v)
            line, column = mine.cells[i]
            yield self.finding(
                f"{label}为 {whole:g},但同年本级部门的报告合计 {total:g}({shown});"
                f"本报告称汇总全地区(第{said[0]}行「{said[2]}」),部门的数字应已计入",
                line=line,
                column=column,
                table=table,
                row=row,
                col=col,
                expected=total,
                actual=whole,
                confidence=0.7,
                hint="核对汇总报告是否涵盖全部部门,或部门报告的数字是否有误",
            )
