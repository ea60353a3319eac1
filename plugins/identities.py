"""Arithmetic identities of the tables (勾稽关系, ``../shared/spec/REPORT-FORMAT.md`` §5).

Only identities whose cells are all numbers are checked: a missing or unreadable cell is an
extraction problem (the EXT family), not an arithmetic error of the report. When one cell explains
several failing identities — its row total and its column's identity miss by the same amount — the
cell is reported once as the likely culprit, with the identities as evidence.
"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, Location
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule

COLUMN_NAMES = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
                "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
                "total": "总计", "legal_entity_subtotal": "法人小计"}


def _num(cell):
    return cell.as_count() if cell is not None else None


def _loc(cell, table, row, col):
    return Location(cell.line, cell.column, table, row, col)


def failures(report) -> list[dict]:
    """Every failing identity of tables 三 and 四: its kind, cells, expected and actual value."""
    out = []
    t3 = report.tables.get("t3")
    if t3 is not None and t3.found:
        table_spec = spec.tables_for(report.meta.template_version)["t3"]
        handled = spec.handled_rows(table_spec)
        for c in t3.present_columns:
            cells = {k: t3.rows[k].cells.get(c) for k in t3.rows}
            vals = {k: _num(v) for k, v in cells.items()}
            a, b, t, f = (vals.get(k) for k in ("new_received", "carried_over", "total_handled", "carried_forward"))
            if None not in (a, b, t, f) and abs((a + b) - (t + f)) > 1e-9:
                out.append({"kind": "balance", "col": c, "expected": a + b, "actual": t + f,
                            "cells": [("new_received", c), ("carried_over", c), ("total_handled", c),
                                      ("carried_forward", c)]})
            parts = [vals.get(k) for k in handled]
            if t is not None and None not in parts and abs(sum(parts) - t) > 1e-9:
                out.append({"kind": "handled", "col": c, "expected": sum(parts), "actual": t,
                            "cells": [(k, c) for k in handled] + [("total_handled", c)]})
        if "total" in t3.present_columns:
            parts_cols = [c for c in spec.T3_PARTS if c in t3.present_columns]
            for key, row in t3.rows.items():
                total = _num(row.cells.get("total"))
                parts = [_num(row.cells.get(c)) for c in parts_cols]
                if total is None or None in parts or len(parts_cols) < len(spec.T3_PARTS):
                    continue
                if abs(sum(parts) - total) > 1e-9:
                    out.append({"kind": "row", "row": key, "expected": sum(parts), "actual": total,
                                "cells": [(key, c) for c in parts_cols] + [(key, "total")]})
        if spec.T3_SUBTOTAL in t3.present_columns:
            for key, row in t3.rows.items():
                sub = _num(row.cells.get(spec.T3_SUBTOTAL))
                parts = [_num(row.cells.get(c)) for c in spec.T3_LEGAL_ENTITY]
                if sub is not None and None not in parts and abs(sum(parts) - sub) > 1e-9:
                    out.append({"kind": "subtotal", "row": key, "expected": sum(parts), "actual": sub,
                                "cells": [(key, c) for c in spec.T3_LEGAL_ENTITY] + [(key, spec.T3_SUBTOTAL)]})
    t4 = report.tables.get("t4")
    if t4 is not None and t4.found:
        for g in spec.T4_GROUPS:
            row = t4.rows[g].cells
            vals = [_num(row[c]) for c in spec.T4_COLUMNS]
            if None not in vals and abs(sum(vals[:4]) - vals[4]) > 1e-9:
                out.append({"kind": "t4", "row": g, "expected": sum(vals[:4]), "actual": vals[4],
                            "cells": [(g, c) for c in spec.T4_COLUMNS]})
    return out


def culprits(report, fails: list[dict]) -> dict:
    """{(row, col): [failures]} for cells shared by a failing row total and a failing column identity
    that miss by the same amount."""
    rows = [f for f in fails if f["kind"] in ("row", "subtotal")]
    cols = [f for f in fails if f["kind"] in ("balance", "handled")]
    found: dict = {}
    for r in rows:
        diff = abs(r["expected"] - r["actual"])
        for c in cols:
            if abs(abs(c["expected"] - c["actual"]) - diff) > 1e-9:
                continue
            cell = (r["row"], c["col"])
            if cell in c["cells"]:
                found.setdefault(cell, [r]).append(c)
    return found


class _Identity(Rule):
    groups = ("identities",)
    severity = ERROR
    kind = ""

    def check(self, report, ctx):
        fails = failures(report)
        explained = {id(f) for fs in culprits(report, fails).values() for f in fs}
        for f in fails:
            if f["kind"] == self.kind and id(f) not in explained:
                yield self.make(report, f)

    def make(self, report, f):  # pragma: no cover - overridden
        raise NotImplementedError

    @staticmethod
    def related(report, table, cells):
        t = report.tables[table]
        return [_loc(t.rows[r].cells[c], table, r, c) for r, c in cells if t.rows[r].cells.get(c) is not None]


class Balance(_Identity):
    """表三每一列: 第一项加第二项之和,等于第三项加第四项之和。

    Why: the table's header prints this identity (spec §5): new_received + carried_over =
    total_handled + carried_forward, for every applicant column.

    Fails: 自然人 列 新收 1、结转 0, 总计 1、结转下年 1 (1 ≠ 2).
    Passes: huaian-2024: 3001 + 34 = 2932 + 103.
    """

    code = "IDN001"
    name = "column-balance"
    summary = "表三列平衡: 新收+上年结转 = 办理总计+结转下年"
    kind = "balance"

    def make(self, report, f):
        cell = report.tables["t3"].rows["total_handled"].cells[f["col"]]
        return self.finding(
            f"表三「{COLUMN_NAMES[f['col']]}」列: 新收+上年结转 = {f['expected']:g},但办理总计+结转下年 = {f['actual']:g}",
            line=cell.line, column=cell.column, table="t3", row="total_handled", col=f["col"],
            expected=f["expected"], actual=f["actual"], related=self.related(report, "t3", f["cells"]),
            hint="核对这一列的四个数", extent=4)


class HandledTotal(_Identity):
    """表三每一列: (七)总计 等于 (一) 至 (六) 各项之和。

    Why: the handled total counts every outcome once (spec §5).

    Fails: 予以公开 1, 其他各项 0, (七)总计 2.
    Passes: huaian-2024 自然人列: 1288 + 447 + … = 2932.
    """

    code = "IDN002"
    name = "handled-total"
    summary = "表三办理结果总计 = 各项之和"
    kind = "handled"

    def make(self, report, f):
        cell = report.tables["t3"].rows["total_handled"].cells[f["col"]]
        return self.finding(
            f"表三「{COLUMN_NAMES[f['col']]}」列: 办理结果各项之和 = {f['expected']:g},但(七)总计为 {f['actual']:g}",
            line=cell.line, column=cell.column, table="t3", row="total_handled", col=f["col"],
            expected=f["expected"], actual=f["actual"], related=self.related(report, "t3", f["cells"]),
            hint="核对这一列的各项和总计", extent=len(f["cells"]))


class RowTotal(_Identity):
    """表三每一行: 总计 = 自然人 + 五类法人或其他组织。

    Why: the 总计 column sums the applicant columns (spec §5).

    Fails: 「本年新收」 1, 0, 0, 0, 0, 0, 总计 2.
    Passes: huaian-2024 「本年新收」 3001 + 53 + 0 + 0 + 61 + 4 = 3119.
    """

    code = "IDN003"
    name = "row-total"
    summary = "表三行总计 = 各申请人类型之和"
    kind = "row"

    def make(self, report, f):
        cell = report.tables["t3"].rows[f["row"]].cells["total"]
        return self.finding(
            f"表三「{f['row']}」行: 各类申请人之和 = {f['expected']:g},但总计为 {f['actual']:g}",
            line=cell.line, column=cell.column, table="t3", row=f["row"], col="total",
            expected=f["expected"], actual=f["actual"], related=self.related(report, "t3", f["cells"]),
            hint="核对这一行的各数和总计", extent=len(f["cells"]))


class LegalEntitySubtotal(_Identity):
    """表三增设「法人或其他组织小计」列时: 小计 = 五类法人或其他组织之和。

    Why: the official table has no subtotal column; reports that add one must keep it consistent
    (spec §4: accept it as ``legal_entity_subtotal`` and check it).

    Fails: 商业企业 2、科研机构 1、其余 0, 小计 2. Passes: 小计 3.
    """

    code = "IDN007"
    name = "legal-entity-subtotal"
    summary = "表三法人小计 = 五类法人或其他组织之和"
    kind = "subtotal"

    def make(self, report, f):
        cell = report.tables["t3"].rows[f["row"]].cells[spec.T3_SUBTOTAL]
        return self.finding(
            f"表三「{f['row']}」行: 五类法人或其他组织之和 = {f['expected']:g},但小计为 {f['actual']:g}",
            line=cell.line, column=cell.column, table="t3", row=f["row"], col=spec.T3_SUBTOTAL,
            expected=f["expected"], actual=f["actual"], related=self.related(report, "t3", f["cells"]), extent=6)


class ReviewTotals(_Identity):
    """表四每一组: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。

    Why: spec §5, table 四 per group (行政复议, 未经复议直接起诉, 复议后起诉).

    Fails: 行政复议 1, 0, 0, 0, 总计 2.
    Passes: huaian-2024 行政复议 72 + 64 + 178 + 37 = 351.
    """

    code = "IDN004"
    name = "review-totals"
    summary = "表四各组总计 = 四项之和"
    kind = "t4"

    def make(self, report, f):
        cell = report.tables["t4"].rows[f["row"]].cells["total"]
        group = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
        return self.finding(
            f"表四「{group[f['row']]}」: 四项之和 = {f['expected']:g},但总计为 {f['actual']:g}",
            line=cell.line, column=cell.column, table="t4", row=f["row"], col="total",
            expected=f["expected"], actual=f["actual"], related=self.related(report, "t4", f["cells"]),
            hint="核对这一组的五个数", extent=5)


class LikelyCulprit(Rule):
    """一个单元格同时使所在行和所在列的勾稽关系不成立 (相差同一个数): 很可能就是它错了。

    Why: a single wrong cell breaks its row total and its column's identities by the same amount;
    reporting it once, as the likely culprit with the identities as evidence, tells the reviewer
    where to look instead of a burst of separate errors (spec §5).

    Fails: 「予以公开」自然人 typed 3 instead of 1: row total and the column's handled total both
    miss by 2 through that cell.
    Passes: every identity holds.
    """

    code = "IDN010"
    name = "likely-culprit"
    summary = "一个单元格解释了多个不成立的勾稽关系"
    severity = ERROR
    groups = ("identities",)

    def check(self, report, ctx):
        fails = failures(report)
        t3 = report.tables["t3"]
        for (row, col), evidence in sorted(culprits(report, fails).items()):
            cell = t3.rows[row].cells[col]
            row_f = evidence[0]
            diff = row_f["actual"] - row_f["expected"]
            kinds = "、".join({"row": "行总计", "subtotal": "法人小计", "balance": "列平衡", "handled": "办理总计"}[e["kind"]]
                             for e in evidence)
            yield self.finding(
                f"表三「{row}」行「{COLUMN_NAMES[col]}」列的 {cell.value:g} 很可能有误: {kinds}都相差 {abs(diff):g}",
                line=cell.line, column=cell.column, table="t3", row=row, col=col,
                expected=row_f["expected"] if col in ("total", spec.T3_SUBTOTAL) else cell.value + diff,
                actual=cell.value,
                related=[Location(t3.rows[r].cells[c].line, t3.rows[r].cells[c].column, "t3", r, c)
                         for e in evidence for r, c in e["cells"] if (r, c) != (row, col)],
                hint="先核对这个单元格", extent=sum(len(e["cells"]) for e in evidence), confidence=0.8)


def last_year(report, run_reports):
    """The report of the same body for the previous year, among the reports of the run."""
    m = report.meta
    if not m.body or not m.year:
        return None
    for other in run_reports:
        if other.meta.body == m.body and other.meta.year == m.year - 1:
            return other
    return None


class CarriedOver(Rule):
    """本年「上年结转」应等于上一年报告的「结转下年度继续办理」。

    Why: requests carried into this year are exactly those last year's report carried forward
    (spec §5, across years). Checked when the previous year's report of the same body is in the run.

    Fails: 2024 report 上年结转 总计 34, 2023 report 结转下年度继续办理 总计 30.
    Passes: the two equal, column by column.
    """

    code = "IDN005"
    name = "carried-over-vs-last-year"
    summary = "上年结转与上一年报告的结转下年度不一致"
    severity = ERROR
    groups = ("identities", "cross-year")

    def check(self, report, ctx):
        prev = last_year(report, ctx.run_reports)
        if prev is None:
            return
        now_t3, prev_t3 = report.tables["t3"], prev.tables["t3"]
        for c in spec.T3_COLUMNS:
            now = now_t3.cell("carried_over", c)
            before = prev_t3.cell("carried_forward", c)
            a, b = _num(now), _num(before)
            if a is None or b is None or abs(a - b) < 1e-9:
                continue
            yield self.finding(
                f"表三「{COLUMN_NAMES[c]}」列上年结转为 {a:g},但 {prev.meta.year} 年报告的结转下年度继续办理为 {b:g}",
                line=now.line, column=now.column, table="t3", row="carried_over", col=c, expected=b, actual=a,
                hint=f"核对 {prev.meta.year} 年报告 ({prev.meta.source or ''}) 的结转数")


class InForceVsLastYear(Rule):
    """现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止 (警告)。

    Why: spec §5 (across years); clean-ups and amendments break it, so it is only a warning.

    Fails: 2023 现行有效 12, 2024 制发 2、废止 0、现行有效 20. Passes: 12 + 2 − 0 = 14.
    """

    code = "IDN006"
    name = "in-force-vs-last-year"
    summary = "现行有效件数与上年及本年增减不符"
    severity = "warning"
    groups = ("identities", "cross-year")

    def check(self, report, ctx):
        prev = last_year(report, ctx.run_reports)
        if prev is None or report.meta.template_version != "2021" or prev.meta.template_version != "2021":
            return
        for row in ("regulations", "normative_docs"):
            cells = [report.tables["t2"].cell(row, c) for c in ("issued", "repealed", "in_force")]
            before = _num(prev.tables["t2"].cell(row, "in_force"))
            issued, repealed, in_force = (_num(c) for c in cells)
            if None in (before, issued, repealed, in_force):
                continue
            expected = before + issued - repealed
            if abs(expected - in_force) > 1e-9:
                yield self.finding(f"「{'规章' if row == 'regulations' else '行政规范性文件'}」现行有效 {in_force:g},"
                                   f"而上年 {before:g} + 制发 {issued:g} − 废止 {repealed:g} = {expected:g}",
                                   line=cells[2].line, column=cells[2].column, table="t2", row=row, col="in_force",
                                   expected=expected, actual=in_force, confidence=0.6)


@hookimpl
def ogilint_rules():
    return [Balance, HandledTotal, RowTotal, LegalEntitySubtotal, ReviewTotals, LikelyCulprit, CarriedOver,
            InForceVsLastYear]
