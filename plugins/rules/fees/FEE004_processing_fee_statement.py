"""FEE004 processing-fee-statement: 第六部分没有说明信息处理费的收取情况,或以万元表述。"""

from __future__ import annotations

import re

from ogilint.finding import WARNING
from ogilint.rule import Rule
from ogilint.text import clean

FIRST_YEAR = 2021  # 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) took effect on 2021-01-01
# "未发生收费情况", "未收取任何费用", "没有收取费用": no fee of any kind, so no 信息处理费 either.
# "信息处理费0.394万元", "信息处理费共计三万元": an amount in 万元, in figures or in Chinese numerals.
IN_WAN_YUAN = re.compile(r"处理费[^。]{0,30}?(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千点]{1,12})\s*万元")
NO_FEE_AT_ALL = re.compile(r"(?:未|没有|无|不存在)[^。；;\n]{0,10}?(?:收费|收取[^。；;\n]{0,6}?费)")


class ProcessingFeeStatement(Rule):
    """第六部分没有说明信息处理费的收取情况,或以万元表述。

    原因: 向申请人收取的信息处理费 (国办函〔2020〕109号) 在第六部分报告,以元为单位;把它与表二以万元计的数字混淆
    是常见错误 (见格式说明 §6),无论金额是用数字 ("0.394万元") 还是汉字 ("三万元") 写的。

    只要求 2021 年及以后的报告: 这项收费自 2021 年 1 月 1 日《办法》施行起才有。说明未收取任何费用的 ("未发生收
    费情况"、"未收取任何费用"),也算作了说明。

    不通过的例子: "六、其他需要报告的事项 / 无"。
    通过的例子: 第六部分写有 "本年度未收取信息处理费" 或 "政府信息公开未发生收费情况";2019 年的报告。
    """

    code = "FEE004"
    name = "processing-fee-statement"
    summary = "第六部分未说明信息处理费或单位用万元"
    severity = WARNING
    groups = ("fees",)

    def check(self, report, ctx):
        part = report.part(6)
        if part is None or (report.meta.year or FIRST_YEAR) < FIRST_YEAR:
            return
        text = report.part_text(6)
        if "处理费" not in clean(text) and not NO_FEE_AT_ALL.search(text):
            yield self.finding(
                "第六部分没有说明信息处理费的收取情况",
                line=part.line,
                column=part.column,
                expected="信息处理费收取情况 (元)",
                actual="未提及",
                hint="写明本年度收取信息处理费的金额 (元),未收取的写明未收取",
            )
        elif IN_WAN_YUAN.search(text):
            yield self.finding(
                "信息处理费以万元表述;该费用按元计算并报告",
                line=part.line,
                column=part.column,
                expected="元",
                actual="万元",
            )
