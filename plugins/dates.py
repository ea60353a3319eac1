"""Dates and years: the statistics period, the title year, publication deadlines
(``../shared/spec/REPORT-FORMAT.md`` §1; 《政府信息公开条例》第四十九条)."""

from __future__ import annotations

import datetime as dt
import re

from ogilint.finding import ERROR, WARNING
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule


class PeriodMalformed(Rule):
    """统计期限写法有误,读不出起止日期。

    Why: the period must read "统计期限为YYYY年1月1日至YYYY年12月31日" (spec §1); a garbled one
    ("202311日至20231231日") is a visible error of the report.

    Fails: "统计期限自202311日至20231231日". Passes: "统计期限自2024年1月1日至2024年12月31日".
    """

    code = "DAT001"
    name = "period-malformed"
    summary = "统计期限写法有误"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        p = report.meta.period
        if p is not None and (p.start is None or p.end is None):
            year = report.meta.year
            expected = f"{year}年1月1日至{year}年12月31日" if year else "YYYY年1月1日至YYYY年12月31日"
            yield self.finding(f"统计期限写法有误:「{p.raw}」", line=p.line, column=p.column, expected=expected,
                               actual=p.raw, hint=f"改为「{expected}」")


class PeriodWrongYear(Rule):
    """统计期限不是报告年度的整个自然年。

    Why: the statistics period is the calendar year of the report (spec §1); another year or a
    partial year means the wrong data or a copied report.

    Fails: a 2023 report "统计期限为2022年1月1日至2022年12月31日". Passes: the report year's 1 Jan–31 Dec.
    """

    code = "DAT002"
    name = "period-wrong-year"
    summary = "统计期限不是报告年度的自然年"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        p, year = report.meta.period, report.meta.year
        if p is None or p.start is None or p.end is None or year is None:
            return
        want = (f"{year}-01-01", f"{year}-12-31")
        if (p.start, p.end) != want:
            yield self.finding(f"统计期限「{p.raw}」不是{year}年的自然年", line=p.line, column=p.column,
                               expected=f"{want[0]} 至 {want[1]}", actual=f"{p.start} 至 {p.end}")


class PublishedLate(Rule):
    """报告发布晚于法定期限。

    Why: 条例第四十九条: departments of governments at county level and above publish the previous
    year's report by 31 January; a government office publishes the government's own report by
    31 March. Townships have no statutory date (local notices set one) and are not checked.

    Fails: a bureau's 2022 report dated 2023年2月15日. Passes: 2023年1月17日.
    """

    code = "DAT003"
    name = "published-late"
    summary = "发布日期晚于法定期限"
    severity = WARNING
    groups = ("dates",)
    options = {"department_deadline": "01-31", "government_deadline": "03-31",
               "government_pattern": "人民政府(办公室|办公厅)?$|管委会$|管理委员会$|综合实验区$",
               "skip_pattern": "乡|镇|街道|苏木"}

    def check(self, report, ctx):
        m = report.meta
        if not m.published or not m.year or not m.body or re.search(ctx.options["skip_pattern"], m.body):
            return
        is_government = bool(re.search(ctx.options["government_pattern"], m.body))
        key = "government_deadline" if is_government else "department_deadline"
        month, day = (int(x) for x in ctx.options[key].split("-"))
        deadline = dt.date(m.year + 1, month, day)
        published = dt.date.fromisoformat(m.published)
        if published > deadline:
            kind = "本级政府" if is_government else "政府部门"
            yield self.finding(f"报告发布于 {published},晚于{kind}的法定期限 {deadline}",
                               line=m.published_line, expected=f"≤ {deadline}", actual=str(published),
                               confidence=0.8 if is_government else 0.7)


class TitleYearMismatch(Rule):
    """标题年度与统计期限的年度不一致。

    Why: a wrong year in the title or the period is among what evaluators flag (spec §8).

    Fails: title "2023年…年度报告" with period 2022年1月1日至2022年12月31日. Passes: both 2023.
    """

    code = "DAT004"
    name = "title-year-mismatch"
    summary = "标题年度与统计期限不一致"
    severity = ERROR
    groups = ("dates",)

    def check(self, report, ctx):
        m = report.meta
        if m.title is None or m.period is None or m.period.start is None:
            return
        title_year = re.search(r"((?:19|20)\d{2})\s*年", m.title)
        if title_year and int(title_year.group(1)) != int(m.period.start[:4]):
            yield self.finding(f"标题年度 {title_year.group(1)} 与统计期限 {m.period.start[:4]} 不一致",
                               line=m.title_line, expected=m.period.start[:4], actual=title_year.group(1))


class OtherYearFigures(Rule):
    """「总体情况」里用上一年的年份陈述本年的数字。

    Why: a report that reuses last year's text keeps last year's year in sentences like
    "2022年，共收到申请…件" (spec §8: wrong year in the text, copied reports). Part 五 legitimately
    speaks of last year's problems and is not checked; a year after the report year (plans) is fine.
    Conservative: only a previous year directly followed by a statement of figures is reported.

    Fails: in a 2023 report, "2022年,我局共收到政府信息公开申请3件". Passes: "2023年,我局共收到…".
    """

    code = "DAT005"
    name = "other-year-figures"
    summary = "总体情况中以其他年份陈述本年数字"
    severity = WARNING
    groups = ("dates",)
    options = {"window": 30}

    def check(self, report, ctx):
        year = report.meta.year
        part = report.part(1)
        if year is None or part is None:
            return
        text = report.part_text(1)
        pattern = re.compile(r"(?<!\d)(" + str(year - 1) + r")\s*年(?:度)?[,，]?[^。;；]{0,%d}?"
                             r"(?:共|全年|累计)[^。;；]{0,12}?(?:收到|受理|发布|公开|制发|办理)[^。;；]{0,20}?\d+\s*(?:件|条|份)"
                             % ctx.options.get("window", 30))
        for m in pattern.finditer(text):
            before = text[: m.start()]
            line = part.line + before.count("\n")
            column = (len(before) - before.rfind("\n")) if "\n" in before else part.column + len(before)
            yield self.finding(f"总体情况中「{m.group(0)[:40]}」用的是{year - 1}年,本报告是{year}年度",
                               line=line, column=column, expected=f"{year}年", actual=f"{year - 1}年",
                               confidence=0.6, hint="核对是否沿用了上一年报告的文字")
            return


@hookimpl
def ogilint_rules():
    return [PeriodMalformed, PeriodWrongYear, PublishedLate, TitleYearMismatch, OtherYearFigures]
