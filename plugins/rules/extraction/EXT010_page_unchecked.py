"""EXT010 page-unchecked: PDF 中有内容无法检查的页面:没有文字层 (扫描页) 或页面已损坏。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class PageUnchecked(_FromProblems):
    """PDF 中有内容无法检查的页面:没有文字层 (扫描页) 或页面已损坏。

    原因: 部分扫描的报告 (签章的最后一页、以图片粘贴的表格) 或损坏的页面,其内容对所有规则都不可见;审核人必须知道
    哪些页面没有检查。完全没有文字层的 PDF 则直接拒绝,提示 "需要先做 OCR" (退出码 2)。

    不通过的例子: 第 3 页是表三图片的 PDF。
    通过的例子: 每一页都有文字层的 PDF。
    """

    code = "EXT010"
    name = "page-unchecked"
    summary = "PDF 页面没有文字层或已损坏,内容未检查"
    severity = WARNING
    kinds = (K.PAGE_NO_TEXT, K.PAGE_UNREADABLE)

    def hint_for(self, p):
        if p.kind == K.PAGE_UNREADABLE:
            return "向发布机关索取完好的文件后重新检查"
        return "对该页做 OCR 后重新检查,或向发布机关索取可复制文字的版本"
