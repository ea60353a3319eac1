"""EXT005 truncated: 文本在报告结束前中断。"""

from __future__ import annotations

from ogilint.finding import ERROR
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class Truncated(_FromProblems):
    """文本在报告结束前中断。

    原因: 被来源截断的报告 (爬虫、只有一页的摘录) 在中断之后无法检查;其缺失的部分在这里报告一次,而不是逐个部分报
    告。定为错误,是为了让对这种文本的检查永远不会像报告已经检查过那样通过默认的门槛: 失败的是检查本身,消息也这样
    说明 (中断可能是来源造成的,不一定是机关的问题)。

    不通过的例子: 一份摘录,最后一行是 "信息内容 | 本年收费金额(单",仍在第二部分之内。
    通过的例子: 第六部分以完整句子结束的报告。
    """

    code = "EXT005"
    name = "truncated"
    summary = "文本不完整(中途中断)"
    severity = ERROR
    kinds = (K.TRUNCATED,)

    def hint_for(self, p) -> str:
        return "报告未能完整检查:请取得完整的报告(原件或完整的网页)后重新检查"
