"""STR006 table-missing: 一个部分在,它的统计表却没有任何数字。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import ERROR
from ogilint.plugins.rules.structure.common import _truncated
from ogilint.rule import Rule


class TableMissing(Rule):
    """一个部分在,它的统计表却没有任何数字。

    原因: 第二、三、四部分是国家格式的三张表 (见格式说明 §3–4);有标题而没有表的部分 (表被删去,或以图片粘贴),其数
    字无法检查。

    不通过的例子: "三、收到和处理政府信息公开申请情况" 之后直接是 "四、…"。
    通过的例子: 标题之后有表。
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
