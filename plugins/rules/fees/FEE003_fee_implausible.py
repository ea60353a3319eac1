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

    原因: 大多数不收费的机关 —— 科技、统计、信访部门、档案馆 —— 填报 0;一个市科技局填报 12872.06 万元 (约 1.29 亿
    元) 不合常理,通常是单位错误或照抄错误 (见格式说明 §6)。政府填报的是其所有部门的收费: 市或省的汇总数可达数万
    乃至数十万万元 (淮安市 2024 年: 96171.6)。

    限额 (万元) 依次取自: 与机关名称相符的第一个 ``limits`` 模式 (不收费的工作类别);根据名称判断的机关类型和层
    级 (``spec.body_kind``/``spec.body_level``:
    ``government_limits``、``department_limits``、``township_limit``);名称看不出类型和层级时用
    ``default_limit``。超过限额为警告;只有不收费的机关填报了其限额的十倍,或任何机关超过 ``absolute_limit`` (10⁸
    万元,即一万亿元: 没有机关能收到这么多) 时,才是错误。

    不通过的例子: 聊城市科学技术局 "12872.06 万元" (错误);一个县的局填报 80000 万元 (警告)。
    通过的例子: 淮安市人民政府 96171.6 (全市合计);平潭综合实验区 24252.311082。
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
