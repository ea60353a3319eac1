"""IDN006 in-force-vs-last-year: 现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止 (警告)。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.plugins.rules.identities.common import _num
from ogilint.rule import Rule, last_year


class InForceVsLastYear(Rule):
    """现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止 (警告)。

    原因: 见格式说明 §5 (跨年度);清理和修订会打破这一关系,所以只给警告。

    不通过的例子: 2023 年 现行有效 12,2024 年 制发 2、废止 0、现行有效 20。
    通过的例子: 12 + 2 − 0 = 14。
    """

    code = "IDN006"
    name = "in-force-vs-last-year"
    summary = "现行有效件数与上年及本年增减不符"
    severity = WARNING
    groups = ("identities", "cross-year")
    across_reports = True  # last year's report of the same body

    def check(self, report, ctx):
        prev = last_year(report, ctx.run_reports)
        if (
            prev is None
            or report.meta.template_version != spec.TEMPLATE_2021
            or prev.meta.template_version != spec.TEMPLATE_2021
        ):
            return
        for row in ("regulations", "normative_docs"):
            cells = [report.tables["t2"].cell(row, c) for c in ("issued", "repealed", "in_force")]
            before = _num(prev.tables["t2"].cell(row, "in_force"))
            issued, repealed, in_force = (_num(c) for c in cells)
            if None in (before, issued, repealed, in_force):
                continue
            expected = before + issued - repealed
            if abs(expected - in_force) > spec.TOLERANCE:
                yield self.finding(
                    f"「{'规章' if row == 'regulations' else '行政规范性文件'}」现行有效 {in_force:g},"
                    f"而上年 {before:g} + 制发 {issued:g} − 废止 {repealed:g} = {expected:g}",
                    line=cells[2].line,
                    column=cells[2].column,
                    table="t2",
                    row=row,
                    col="in_force",
                    expected=expected,
                    actual=in_force,
                    confidence=0.6,
                )
