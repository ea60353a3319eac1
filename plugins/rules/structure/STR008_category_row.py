"""STR008 category-row: 表三的一个类别只印了一行合计,没有分列其下各小项。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.rule import ProblemRule
from ogilint.spec.problems import ProblemKind as K


class CategoryRow(ProblemRule):
    """表三的一个类别只印了一行合计,没有分列其下各小项。

    Why: the 2021 format splits (三)不予公开, (四)无法提供, (五)不予处理 and (六)其他处理 into sub-rows
    (spec §4); a report that prints such a category as one row leaves its reasons unstated. The
    parser keeps the row as printed, under the category's key (``other`` for (六)), and the
    identities run over it, so the table's arithmetic is still checked.

    Fails: huaian-2024 with its three (六) sub-rows replaced by one row "（六）其他处理 181 5 0 0 1 0 187".
    Passes: huaian-2024 as published, (六) in its three sub-rows.
    """

    code = "STR008"
    name = "category-row"
    summary = "表三类别只有一行合计,缺少其下各小项"
    severity = WARNING
    groups = ("structure",)

    kinds = (K.CATEGORY_ROW,)

    def hint_for(self, p):
        return "按国家格式分列该类别下的各小项"
