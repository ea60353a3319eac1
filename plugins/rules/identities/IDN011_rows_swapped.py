"""IDN011 rows-swapped: 表三两行的数字很可能填反了 (互换位置后勾稽关系全部成立)。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR, WARNING, Location
from ogilint.plugins.rules.identities.common import (
    IDENTITY_NAMES,
    _num,
    failures,
    new_and_carried_swapped,
    row_name,
    swapped_in,
)
from ogilint.plugins.rules.text_tables.claims import RECEIVED, is_own_body, read_claims
from ogilint.rule import Rule, last_year


class RowsSwapped(Rule):
    """表三两行的数字很可能填反了 (互换位置后勾稽关系全部成立)。

    原因: 一行的数字填到了另一行的位置,会在两行不同的每一列打破纵向的勾稽关系 (见格式说明 §5);这时逐个的不成立
    (IDN001/IDN002) 指向的是 (七)总计 行,而不是原因所在。恰好交换一对行就能使表三所有勾稽关系成立时,改为指出这两
    行,只报告一次。

    在所有勾稽关系中处于相同位置的两行 —— 本年新收与上年结转,或两个办理结果行 —— 互换后表内的关系都不会被打破。
    以下情况会指出本年新收与上年结转: 运行中有上一年的报告,且其结转下年度继续办理等于本年的本年新收,而不是本年的
    上年结转 (跨年度的关系,见格式说明 §5);或者 (作为警告) 正文所说的收到申请数等于本年上年结转的总计,而不是本年
    新收的总计。两个办理结果行互换则无法发现。

    不通过的例子: pingtan-2021 中 (七)总计 (63 0 0 2 0 4 69) 和 结转下年度继续办理 (1 0 0 0 0 0 1) 的数字互换:
    各办理结果加起来是 63 … 69,(七)总计 却是 1 … 1;换回来后所有勾稽关系都成立。
    通过的例子: 按原样发布的 pingtan-2021。
    """

    code = "IDN011"
    name = "rows-swapped"
    summary = "表三两行数字很可能互换了位置"
    severity = ERROR
    groups = ("identities",)
    # check() looks at this report; with_others() at last year's report of the same body, where the run has it.

    def check(self, report, ctx):
        t3 = report.tables.get("t3")
        if t3 is None or not t3.found:
            return
        fails = failures(report)
        pair = swapped_in(report)
        if pair is not None:
            yield self._in_table(report, pair, fails)
            return
        found = self._by_text(report)
        if found is not None:
            yield found

    def with_others(self, report, ctx, found):
        """Last year's carried-forward row settles which of 本年新收 and 上年结转 was meant: that evidence
        wins over the text's (a warning). A pair found inside the table stands as it is."""
        if last_year(report, ctx.run_reports) is None:
            return found  # read first: no model is loaded for a report with no last year in the run
        t3 = report.tables.get("t3")
        if t3 is None or not t3.found or swapped_in(report) is not None:
            return found
        across = self._across_years(report, ctx)
        return [across] if across is not None else found

    # --- the evidence -------------------------------------------------------------------------------
    def _in_table(self, report, pair, fails):
        a, b = pair
        by_kind: dict = {}
        for f in fails:
            if f["kind"] in ("balance", "handled"):
                by_kind.setdefault(f["kind"], []).append(spec.COLUMN_LABELS[f["col"]])
        kinds_of: dict = {}  # the same columns missing in both identities are named once
        for kind, cols in by_kind.items():
            kinds_of.setdefault(tuple(cols), []).append(IDENTITY_NAMES[kind])
        misses = "、".join(
            f"{''.join(f'「{c}」' for c in cols)}列的{'和'.join(kinds)}" for cols, kinds in kinds_of.items()
        )
        return self._named(
            report,
            pair,
            f"表三「{row_name(report, a)}」与「{row_name(report, b)}」两行的数字很可能填反了: 按原样,{misses}不成立;"
            "两行互换后,表三的勾稽关系全部成立",
            ERROR,
            0.8,
        )

    def _across_years(self, report, ctx):
        prev = last_year(report, ctx.run_reports)
        swap = new_and_carried_swapped(report, prev)
        if swap is None:
            return None
        cols, forward, carried = swap
        total = cols.index("total") if "total" in cols else -1
        return self._named(
            report,
            ("new_received", "carried_over"),
            f"表三「本年新收」与「上年结转」两行的数字很可能填反了: 上年结转应等于 {prev.meta.year} 年报告的结转下年度继续办理"
            f"(总计 {forward[total]:g}),本年上年结转总计却为 {carried[total]:g},而本年新收各列正与之相同",
            ERROR,
            0.8,
        )

    def _by_text(self, report):
        now = report.tables["t3"]
        new, carried = _num(now.cell("new_received", "total")), _num(now.cell("carried_over", "total"))
        if new is None or carried is None or carried <= new:
            return None
        for c in read_claims(report):
            if (
                c.kind != RECEIVED
                or not c.about_requests
                or c.opener
                or c.approx
                or c.dated
                or "结转" in c.text  # "收到…N件(含上年结转…)": the carried-over requests counted in
                or not is_own_body(c, report.meta.body)
                or c.value != carried
            ):
                continue
            return self._named(
                report,
                ("new_received", "carried_over"),
                f"表三「本年新收」与「上年结转」两行的数字可能填反了: 正文说收到申请 {carried:g} 件,正是表三上年结转的总计,"
                f"而本年新收总计为 {new:g}",
                WARNING,
                0.6,
                also=Location(c.line, c.column, None, None, None),
            )
        return None

    # --- the finding --------------------------------------------------------------------------------
    def _named(self, report, pair, message, severity, confidence, also=None):
        t3 = report.tables["t3"]
        a, b = pair
        first = next((c for c in t3.rows[a].cells.values() if c.line is not None), None)
        related = [
            Location(cell.line, cell.column, "t3", r, c)
            for r in pair
            for c, cell in t3.rows[r].cells.items()
            if cell.line is not None and cell is not first
        ]
        if also is not None:
            related.append(also)
        return self.finding(
            message,
            line=first.line if first is not None else t3.rows[a].line,
            column=first.column if first is not None else None,
            table="t3",
            row=a,
            related=related,
            hint=f"核对「{row_name(report, a)}」与「{row_name(report, b)}」两行",
            extent=2 * len(t3.present_columns),
            confidence=confidence,
            severity=severity,
        )
