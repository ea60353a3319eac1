"""EXT013 ocr-doubtful: 扫描件经 OCR 识别的数字置信度低,或格内有字迹却未识别出文字。"""

from __future__ import annotations

from ogilint.finding import WARNING
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class OcrDoubtful(_FromProblems):
    """扫描件经 OCR 识别的数字置信度低,或格内有字迹却未识别出文字。

    原因: 扫描件 (图片、没有文字层的 PDF 页面) 的数字由 OCR 识别;识别引擎没有把握的数字 (把 "3" 认成 "8")
    若当作事实,勾稽关系会因识别错误而指责报告。这样的单元格记为低置信度,勾稽检查不使用它,并在此列出,
    请对照原件核对。若某条勾稽关系的各格都读成了数字且成立、又没有不成立的勾稽关系涉及它,识别错误须恰好被另一处
    错误抵消才会如此,该数字即据此采用,每张表只报告一次采用了多少个这样的数字。

    不通过的例子: 扫描页上表三「一、本年新收政府信息公开申请数量」行「自然人」格的 "8" 识别置信度 0.62。
    通过的例子: 文字版的报告;或扫描页上每个数字的识别置信度都不低于 0.9。
    """

    code = "EXT013"
    name = "ocr-doubtful"
    summary = "OCR 识别的数字置信度低,未用于勾稽检查"
    severity = WARNING
    kinds = (K.OCR_DOUBTFUL,)

    def hint_for(self, p):
        return "对照原件核对该格的数字;可向发布机关索取可复制文字的版本"
