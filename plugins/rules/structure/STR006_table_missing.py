"""STR006 table-missing: 一个部分在,它的统计表却没有任何数字。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.plugins.rules.structure.common import _truncated
from ogilint.rule import Rule


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
        for number, key in ((2, "t2"), (3, "t3"), (4, "t4")):
            name = spec.TABLE_NAMES[key]
            part = report.part(number)
            table = report.tables.get(key)
            if part is not None and table is not None and not table.found:
                yield self.finding(
                    f"第{'一二三四五六'[number - 1]}部分没有{name}的数字 (表格缺失或是图片)",
                    line=part.line,
                    column=part.column,
                    table=key,
                    expected=name,
                    actual="缺失",
                    extent=10,
                    hint="按国家格式补上统计表",
                )
