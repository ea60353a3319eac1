"""STR008 category-row: 表三的一个类别只印了一行合计,没有分列其下各小项。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import ProblemRule
from ogilint.spec.problems import ProblemKind as K


class CategoryRow(ProblemRule):
    """表三的一个类别只印了一行合计,没有分列其下各小项。

    原因: 2021 年版格式把 (三)不予公开、(四)无法提供、(五)不予处理 和 (六)其他处理 分为若干小项 (见格式说明 §4);
    把这样的类别只印成一行的报告,没有说明理由。解析器按印出的样子保留这一行,记在该类别的键之下 ((六) 为
    ``other``),勾稽关系照常计算,所以表的算术仍然会检查。

    不通过的例子: huaian-2024 中 (六) 的三个小项换成一行 "（六）其他处理 181 5 0 0 1 0 187"。
    通过的例子: 按原样发布的 huaian-2024,(六) 分为三个小项。
    """

    code = "STR008"
    name = "category-row"
    summary = "表三类别只有一行合计,缺少其下各小项"
    severity = WARNING
    groups = ("structure",)

    kinds = (K.CATEGORY_ROW,)

    def hint_for(self, p):
        return "按国家格式分列该类别下的各小项"
