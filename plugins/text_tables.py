"""Text against tables: figures stated in the narrative must agree with the tables
(``../shared/spec/REPORT-FORMAT.md`` §5, "Text against tables"). Chinese numerals count too; they
are read with cn2an.
"""

from __future__ import annotations

import re

import cn2an

from ogilint.finding import ERROR, WARNING
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule

NUMBER = r"(\d+|[零〇一二两三四五六七八九十百千万]+)"


def to_number(text: str):
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _narrative(report) -> str:
    """Part 一 (where the figures are stated), or the whole text when part 一 is missing."""
    return report.part_text(1) or "\n".join(report.lines)


def _total(report, table, row, col="total"):
    t = report.tables.get(table)
    cell = t.cell(row, col) if t is not None else None
    return cell if cell is not None and cell.kind == "number" else None


def _where(report, text, m):
    """(line, column) of a match inside part 一's text."""
    part = report.part(1)
    start = m.start()
    before = text[:start]
    line_offset = before.count("\n")
    if part is None:
        return line_offset + 1, len(before) - (before.rfind("\n") + 1) + 1
    column = (len(before) - (before.rfind("\n") + 1) + 1) if line_offset else part.column + len(before)
    return part.line + line_offset, column


class RequestsReceived(Rule):
    """正文所说的收到申请数与表三不符。

    Why: "收到政府信息公开申请N件" in 一、总体情况 must agree with table 三's 本年新收 total (some
    reports count the carried-over requests in: that sum is accepted too) (spec §5).

    Fails: text "共收到政府信息公开申请 5 件", table 三 本年新收 总计 3.
    Passes: huaian-2024 "全市共受理政府信息公开申请 3119 件" and 本年新收 总计 3119.
    """

    code = "TXT001"
    name = "requests-received"
    summary = "正文的收到申请数与表三不符"
    severity = ERROR
    groups = ("text",)

    PATTERN = re.compile(r"(?:收到|受理|接收)[^。,;，；]{0,20}?申请\s*(?:共|合计)?\s*" + NUMBER + r"\s*(?:件|份|条|个)")

    def check(self, report, ctx):
        new = _total(report, "t3", "new_received")
        if new is None:
            return
        carried = _total(report, "t3", "carried_over")
        text = _narrative(report)
        for m in self.PATTERN.finditer(text):
            if "未" in text[max(0, m.start() - 2) : m.start()]:
                continue
            n = to_number(m.group(1))
            accepted = {new.value} | ({new.value + carried.value} if carried is not None else set())
            if n is not None and n not in accepted:
                line, column = _where(report, text, m)
                yield self.finding(f"正文说收到申请{n}件,表三本年新收总计为{new.value:g}件",
                                   line=line, column=column, table="t3", row="new_received", col="total",
                                   expected=new.value, actual=n, confidence=0.8,
                                   related=[self._loc(new, "new_received")])

    @staticmethod
    def _loc(cell, row):
        from ogilint.finding import Location

        return Location(cell.line, cell.column, "t3", row, "total")


class NoneClaims(Rule):
    """正文说「未收到申请」或「未发生行政复议、行政诉讼」,表中却有数。

    Why: a claim of none that the tables contradict is text contradicting its own tables (spec §5, §8).

    Fails: "我局未收到依申请公开的政府信息申请" with 本年新收 总计 2.
    Passes: the same sentence with 本年新收 总计 0.
    """

    code = "TXT002"
    name = "none-claims"
    summary = "正文称「未收到/未发生」,表中却不为 0"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        text = _narrative(report)
        new = _total(report, "t3", "new_received")
        m = re.search(r"未(?:收到|受理|接到)[^。,;，；]{0,16}申请", text)
        if m and new is not None and new.value > 0:
            line, column = _where(report, text, m)
            yield self.finding(f"正文称「{m.group(0)}」,但表三本年新收总计为{new.value:g}", line=line, column=column,
                               table="t3", row="new_received", col="total", expected=0, actual=new.value)
        m = re.search(r"(?:未发生|未出现|没有发生|无)[^。;；]{0,24}?(?:行政复议|行政诉讼)", text)
        if m:
            totals = [_total(report, "t4", g) for g in ("review", "litigation_direct", "litigation_after_review")]
            total = sum(c.value for c in totals if c is not None)
            if total > 0:
                line, column = _where(report, text, m)
                yield self.finding(f"正文称「{m.group(0)}」,但表四的复议、诉讼总计为{total:g}", line=line,
                                   column=column, table="t4", expected=0, actual=total)


class ReviewCounts(Rule):
    """正文所说的行政复议、行政诉讼件数与表四不符。

    Why: the counts stated in the text must match table 四's totals (spec §5).

    Fails: "政府信息公开行政复议 5 件" with 行政复议 总计 3.
    Passes: huaian-2024 "行政复议 351 件" / "行政诉讼 46 件" (26 + 20).
    """

    code = "TXT003"
    name = "review-counts"
    summary = "正文的复议、诉讼件数与表四不符"
    severity = ERROR
    groups = ("text",)

    def check(self, report, ctx):
        text = _narrative(report)
        review = _total(report, "t4", "review")
        direct = _total(report, "t4", "litigation_direct")
        after = _total(report, "t4", "litigation_after_review")
        checks = []
        if review is not None:
            checks.append(("行政复议", review.value, "review"))
        if direct is not None and after is not None:
            checks.append(("行政诉讼", direct.value + after.value, "litigation_direct"))
        for word, value, row in checks:
            for m in re.finditer(word + r"(?:案件)?\s*(?:共)?\s*" + NUMBER + r"\s*(?:件|起)", text):
                n = to_number(m.group(1))
                if n is not None and n != value:
                    line, column = _where(report, text, m)
                    yield self.finding(f"正文说{word}{n}件,表四为{value:g}件", line=line, column=column,
                                       table="t4", row=row, col="total", expected=value, actual=n, confidence=0.8)


class NormativeDocsIssued(Rule):
    """正文所说的制发规范性文件件数与表二不符。

    Why: "制发行政规范性文件N件" must agree with table 二's 本年制发件数 (spec §5).

    Fails: "全年制发行政规范性文件3件" with 本年制发件数 4. Passes: the same number.
    """

    code = "TXT004"
    name = "normative-docs-issued"
    summary = "正文的制发规范性文件数与表二不符"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        t2 = report.tables.get("t2")
        cell = t2.cell("normative_docs", "issued") if t2 is not None else None
        if cell is None or cell.kind != "number":
            return
        text = _narrative(report)
        for m in re.finditer(r"(?:制发|印发|出台|新制定)(?:行政)?规范性文件\s*" + NUMBER + r"\s*(?:件|个|份)", text):
            n = to_number(m.group(1))
            if n is not None and n != cell.value:
                line, column = _where(report, text, m)
                yield self.finding(f"正文说制发规范性文件{n}件,表二本年制发件数为{cell.value:g}", line=line,
                                   column=column, table="t2", row="normative_docs", col="issued",
                                   expected=cell.value, actual=n, confidence=0.7)


@hookimpl
def ogilint_rules():
    return [RequestsReceived, NoneClaims, ReviewCounts, NormativeDocsIssued]
