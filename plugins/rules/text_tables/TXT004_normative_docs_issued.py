"""TXT004 normative-docs-issued: 正文所说的制发规范性文件件数与表二不符。"""

from __future__ import annotations

from ogilint import model
from ogilint.finding import WARNING
from ogilint.plugins.rules.text_tables.common import _narrative, _where, to_number
from ogilint.rule import Rule
from ogilint.spec.narrative import NORMATIVE_DOCS_ISSUED


class NormativeDocsIssued(Rule):
    """正文所说的制发规范性文件件数与表二不符。

    原因: "制发行政规范性文件N件" ("本年度制发的规范性文件N件") 必须与表二的 本年制发件数 一致 (见格式说明 §5);
    措辞按 ``spec.narrative`` 的规定读取,与解析器的读法相同。

    不通过的例子: "全年制发行政规范性文件3件",本年制发件数 4。
    通过的例子: 同一个数。
    """

    code = "TXT004"
    name = "normative-docs-issued"
    summary = "正文的制发规范性文件数与表二不符"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        t2 = report.tables.get("t2")
        cell = t2.cell("normative_docs", "issued") if t2 is not None else None
        if cell is None or cell.kind != model.NUMBER:
            return
        text = _narrative(report)
        for m in NORMATIVE_DOCS_ISSUED.finditer(text):
            n = to_number(m.group(1))
            if n is not None and n != cell.value:
                line, column = _where(report, text, m)
                yield self.finding(
                    f"正文说制发规范性文件{n}件,表二本年制发件数为{cell.value:g}",
                    line=line,
                    column=column,
                    table="t2",
                    row="normative_docs",
                    col="issued",
                    expected=cell.value,
                    actual=n,
                    confidence=0.7,
                )
