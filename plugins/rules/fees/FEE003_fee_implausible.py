"""FEE003 fee-implausible: 收费金额与机关的类型和层级不相称。"""

from __future__ import annotations

import re

from ogilint.finding import ERROR
from ogilint.plugins.rules.fees.common import _fee_cell
from ogilint.rule import Rule


class FeeImplausible(Rule):
    """收费金额与机关的类型和层级不相称。

    Why: most bodies that charge nothing — science, statistics, petition bureaus, townships —
    report 0; 12872.06 万元 (128 million yuan) from a municipal science bureau is implausible and
    usually a unit or a copy error (spec §6). Whole-city governments do collect large sums.
    Thresholds (万元) are options: the first pattern that matches the body's name applies.

    Fails: 聊城市科学技术局 "12872.06 万元". Passes: 淮安市人民政府 96171.6 (a city's total).
    """

    code = "FEE003"
    name = "fee-implausible"
    summary = "收费金额与机关类型不相称"
    severity = ERROR
    groups = ("fees",)
    options = {
        "limits": {
            "科学技术|科技|统计|信访|档案|地方志|研究室|乡|镇|街道|苏木": 100,
            "人民政府|管委会|管理委员会": None,
        },
        "default_limit": 50000,
    }

    def check(self, report, ctx):
        cell = _fee_cell(report)
        if cell is None or not cell.value:
            return
        body = report.meta.body or report.meta.title or ""
        limit = ctx.options.get("default_limit")
        for pattern, value in ctx.options.get("limits", {}).items():
            if re.search(pattern, body):
                limit = value
                break
        if limit is not None and cell.value > limit:
            yield self.finding(
                f"{body or '本机关'}的行政事业性收费 {cell.value} 万元 (约 {cell.value / 10000:.2f} 亿元)"
                f"与其类型不相称 (上限参考 {limit:g} 万元)",
                line=cell.line,
                column=cell.column,
                table="t2",
                row="fees",
                col="amount",
                expected=f"≤ {limit:g}",
                actual=cell.value,
                hint="核对单位 (元/万元) 和数据来源;不收费的机关应填 0",
                confidence=0.85,
            )
