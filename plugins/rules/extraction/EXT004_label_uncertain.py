"""EXT004 label-uncertain: 行标签缺失、与标准标签只部分相符,或表中多出无法对应的行。"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.plugins.rules.extraction.common import _FromProblems
from ogilint.spec.problems import ProblemKind as K


class LabelUncertain(_FromProblems):
    """行标签缺失、与标准标签只部分相符,或表中多出无法对应的行。

    原因: 文字识别造成的损坏 ("本生F新收") 和地方措辞的差异 ("只计这一情况") 都会接受,并按位置和相似度归行;这条
    提示告诉审核人该行是怎样归入的 (见格式说明 §7、§9)。

    不通过的例子: "2.其他法律法规禁止公开⇥0…" (漏了「行政」二字: 改了措辞的标签)。
    通过的例子: "2.其他法律行政法规禁止公开⇥0…",与格式所印的一致。
    """

    code = "EXT004"
    name = "label-uncertain"
    summary = "行标签缺失或不规范,已按位置/相似度归行"
    severity = INFO
    kinds = (K.LABEL_MISSING, K.LABEL_UNCERTAIN, K.LABEL_DRIFT, K.ROW_EXTRA)
