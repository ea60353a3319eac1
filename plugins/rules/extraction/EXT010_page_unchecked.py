"""EXT010 page-unchecked: PDF 中有内容无法检查的页面:没有文字层 (扫描页) 或页面已损坏。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class PageUnchecked(_FromProblems):
    """PDF 中有内容无法检查的页面:没有文字层 (扫描页) 或页面已损坏。

    Why: a report scanned in part (a signed last page, a table pasted as an image) or a damaged
    page hides what it says from every rule; the reviewer must know which pages went unchecked. A
    PDF with no text layer at all is refused with "需要先做 OCR" instead (exit 2).

    Fails: a PDF whose page 3 is an image of table 三.
    Passes: a PDF whose every page has a text layer.
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
