"""Structure: the six parts and the template version (``../shared/spec/REPORT-FORMAT.md`` §2–3)."""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, INFO, WARNING
from ogilint.hookspec import hookimpl
from ogilint.parse.labels import clean
from ogilint.rule import Rule


def _truncated(report) -> bool:
    return any(p.kind == "truncated" for p in report.problems)


class PartMissing(Rule):
    """缺少规定的部分。

    Why: 条例第五十条 and the national format fix six parts (spec §3); evaluators flag missing
    parts (spec §8). Parts after the point where a truncated text breaks off are not reported.

    Fails: a report without "五、存在的主要问题及改进情况". Passes: all six headings present.
    """

    code = "STR001"
    name = "part-missing"
    summary = "缺少规定的部分"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        present = {p.number for p in report.parts}
        if not present:
            return
        last = max(present)
        for n in range(1, 7):
            if n in present or (_truncated(report) and n > last):
                continue
            yield self.finding(f"缺少第{'一二三四五六'[n - 1]}部分「{spec.PART_TITLES[n]}」",
                               expected=spec.PART_TITLES[n], actual="缺失", extent=3)


class PartDuplicated(Rule):
    """同一部分出现了两次。

    Why: a duplicated heading usually means pasted text or a merged report (spec §8).

    Fails: "五、存在的主要问题及改进情况" twice. Passes: each of the six headings once.
    """

    code = "STR002"
    name = "part-duplicated"
    summary = "部分重复"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        seen = {}
        for p in report.parts:
            if p.number in seen:
                yield self.finding(f"第{'一二三四五六'[p.number - 1]}部分重复出现 (第{seen[p.number]}行已有)",
                                   line=p.line, column=p.column)
            else:
                seen[p.number] = p.line


class PartOrder(Rule):
    """部分的顺序与国家格式不同。

    Why: the national format fixes the order 一 … 六 (spec §3).

    Fails: 六 before 五. Passes: 一、二、三、四、五、六.
    """

    code = "STR003"
    name = "part-order"
    summary = "部分顺序有误"
    severity = WARNING
    groups = ("structure",)

    def check(self, report, ctx):
        numbers = [p.number for p in report.parts]
        for prev, part in zip(report.parts, report.parts[1:]):
            if part.number < prev.number:
                yield self.finding(f"第{'一二三四五六'[part.number - 1]}部分出现在第{'一二三四五六'[prev.number - 1]}部分之后",
                                   line=part.line, column=part.column, expected=sorted(numbers), actual=numbers)
                return


class HeadingVariant(Rule):
    """部分标题与 2021 年版格式的措辞不同 (提示)。

    Why: accepted variants exist (spec §3: Shanghai follows the 条例 wording); the note tells the
    reviewer which wording was used. Wordings listed in the option ``accept`` are not noted.

    Fails (info): "四、政府信息公开行政复议和行政诉讼情况". Passes: "四、政府信息公开行政复议、行政诉讼情况".
    """

    code = "STR004"
    name = "heading-variant"
    summary = "部分标题措辞与国家格式不同"
    severity = INFO
    groups = ("structure",)
    options = {"accept": []}

    def check(self, report, ctx):
        accepted = {clean(a) for a in ctx.options.get("accept", [])}
        for p in report.parts:
            standard = spec.PART_TITLES[p.number]
            if clean(p.heading) not in (clean(standard), *accepted):
                yield self.finding(f"第{'一二三四五六'[p.number - 1]}部分标题为「{p.heading}」,国家格式为「{standard}」",
                                   line=p.line, column=p.column, expected=standard, actual=p.heading)


class TemplateYearMismatch(Rule):
    """报告所用的表格格式与报告年度不符。

    Why: reports for 2021 onward use the 2021 format (国办公开办函〔2021〕30号); 2019 and 2020 use
    the 2019 trial format (spec §2). A mismatch is itself a finding.

    Fails: a 2022 report whose table 二 has 本年新制作数量/本年新公开数量. Passes: 本年制发件数.
    """

    code = "STR005"
    name = "template-year-mismatch"
    summary = "表格格式版本与报告年度不符"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        m = report.meta
        if not m.template_detected or m.year is None:
            return
        expected = spec.TEMPLATE_2021 if m.year >= 2021 else spec.TEMPLATE_2019
        if m.template_version != expected:
            t2 = report.tables.get("t2")
            yield self.finding(f"{m.year}年度报告使用了{m.template_version}年版表格格式 (应为{expected}年版)",
                               line=t2.line if t2 is not None else None, expected=expected,
                               actual=m.template_version, extent=10,
                               hint="依据: " + "、".join(m.template_evidence[:3]))


class TableMissing(Rule):
    """一个部分在,它的统计表却没有任何数字。

    Why: parts 二/三/四 are the three tables of the national format (spec §3–4); a part with its
    heading but no table (deleted, or pasted as an image) leaves the figures unchecked.

    Fails: "三、收到和处理政府信息公开申请情况" followed directly by "四、…". Passes: the table follows.
    """

    code = "STR006"
    name = "table-missing"
    summary = "部分存在但其统计表缺失"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        if _truncated(report):
            return
        for number, key, name in ((2, "t2", "表二"), (3, "t3", "表三"), (4, "t4", "表四")):
            part = report.part(number)
            table = report.tables.get(key)
            if part is not None and table is not None and not table.found:
                yield self.finding(f"第{'一二三四五六'[number - 1]}部分没有{name}的数字 (表格缺失或是图片)",
                                   line=part.line, column=part.column, table=key, expected=name, actual="缺失",
                                   extent=10, hint="按国家格式补上统计表")


@hookimpl
def ogilint_rules():
    return [PartMissing, PartDuplicated, PartOrder, HeadingVariant, TemplateYearMismatch, TableMissing]
