"""FEE003 fee-implausible: 收费金额与机关的类型和层级不相称。"""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.finding import ERROR, WARNING
from ogilint.plugins.rules.fees.common import _fee_cell
from ogilint.rule import Rule

_LEVEL_LABELS = {spec.PROVINCE: "省级", spec.CITY: "市级", spec.COUNTY: "县级", spec.TOWNSHIP: "乡镇级"}
_KIND_LABELS = {spec.GOVERNMENT: "政府 (含其汇总的部门)", spec.DEPARTMENT: "部门", spec.TOWNSHIP: "乡镇"}
_IN_YUAN = re.compile(r"(?<!万)元")
_ERROR_FACTOR = 10  # a body that levies no fees reporting ten times its limit: a unit or copy error


class FeeImplausible(Rule):
    """收费金额与机关的类型和层级不相称。

    Why: most bodies that levy no fees — science, statistics, petition bureaus, archives — report 0;
    12872.06 万元 (128 million yuan) from a municipal science bureau is implausible and usually a
    unit or a copy error (spec §6). Governments report the fees of all their departments: a city's
    or a province's aggregate can run to hundreds of thousands of 万元 (淮安市 2024: 96171.6).

    The limit (万元) comes from, in this order: the first ``limits`` pattern matching the body's
    name (kinds of work that levy no fees); the body's kind and level read from its name
    (``spec.body_kind``/``spec.body_level``: ``government_limits``, ``department_limits``,
    ``township_limit``); ``default_limit`` when the name tells neither. Above the limit is a
    warning; an error only when a body that levies no fees reports ten times its limit, or when any
    body passes ``absolute_limit`` (10⁸ 万元, a trillion yuan: no body collects that).

    Fails: 聊城市科学技术局 "12872.06 万元" (error); a county bureau with 80000 万元 (warning).
    Passes: 淮安市人民政府 96171.6 (a city's total); 平潭综合实验区 24252.311082.
    """

    code = "FEE003"
    name = "fee-implausible"
    summary = "收费金额与机关类型和层级不相称"
    severity = ERROR
    groups = ("fees",)
    options = {
        "limits": {"科学技术|科技|统计|信访|档案|地方志|研究室|参事室": 100},
        "government_limits": {spec.PROVINCE: 20_000_000, spec.CITY: 5_000_000, spec.COUNTY: 1_000_000},
        "department_limits": {spec.PROVINCE: 1_000_000, spec.CITY: 200_000, spec.COUNTY: 50_000},
        "township_limit": 1000,
        "default_limit": 1_000_000,
        "absolute_limit": 100_000_000,
    }

    def check(self, report, ctx):
        cell = _fee_cell(report)
        if cell is None or not cell.value or _IN_YUAN.search(cell.raw):
            return  # a figure typed in 元 is not in the 万元 of the header: FEE001's finding
        o = ctx.options
        body = report.meta.body or ""
        limit, why, levies_none = self._limit(body, o)
        absolute = o.get("absolute_limit")
        if absolute is not None and cell.value > absolute:
            limit, why, severity = absolute, "任何机关都不可能收取这么多", ERROR
        elif limit is None or cell.value <= limit:
            return
        else:
            severity = ERROR if levies_none and cell.value > _ERROR_FACTOR * limit else WARNING
        yield self.finding(
            f"{body or '本机关'}的行政事业性收费 {cell.value} 万元 (约 {cell.value / 10000:.2f} 亿元)"
            f"与其类型不相称 (上限参考 {limit:.12g} 万元:{why})",
            severity=severity,
            line=cell.line,
            column=cell.column,
            table="t2",
            row="fees",
            col="amount",
            expected=f"≤ {limit:.12g}",
            actual=cell.value,
            hint="核对单位 (元/万元) 和数据来源;不收费的机关应填 0",
            confidence=0.85 if severity == ERROR else 0.6,
        )

    @staticmethod
    def _limit(body: str, o: dict):
        """(limit in 万元 or None, why in Chinese, whether the body is of a kind that levies no fees)."""
        for pattern, value in (o.get("limits") or {}).items():
            if m := re.search(pattern, body):
                return value, f"名称含「{m.group(0)}」", True
        kind, level = spec.body_kind(body), spec.body_level(body)
        if kind == spec.TOWNSHIP:
            return o.get("township_limit"), "乡镇", True
        table = {spec.GOVERNMENT: o.get("government_limits"), spec.DEPARTMENT: o.get("department_limits")}.get(kind)
        if table and level in table:
            return table[level], f"{_LEVEL_LABELS[level]}{_KIND_LABELS[kind]}", False
        return o.get("default_limit"), "机关类型或层级未能识别", False
