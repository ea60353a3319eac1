"""TXT006 all-requests-finished: 正文称申请均已办结,表三却有结转下年度继续办理的申请。"""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.finding import WARNING, Location
from ogilint.plugins.rules.text_tables.claims import (
    DONE,
    FINISHED,
    HANDLED,
    RATE,
    read_claims,
)
from ogilint.plugins.rules.text_tables.common import _total, of_other_year
from ogilint.rule import Rule

# A sentence that speaks of requests left for next year itself ("另有103件顺延到下年度答复").
_MENTIONS_CARRY = re.compile(r"结转|转结|顺延|下一?年度?|延期")


class AllRequestsFinished(Rule):
    """正文称申请均已办结,表三却有结转下年度继续办理的申请。

    原因: "所有申请均已办理完成"、"均已按期办结"、"办结率100%" 说的是没有未办完的申请,而表三的 四、结转下年度继
    续办理 统计的正是年底仍未办完的申请 (见格式说明 §5、§8: 正文与其自己的表格相矛盾)。用 claims 语法读取
    (grammars/claims.lark)。

    只比较关于全部申请的说法: 跟在办结件数之后的说法 ("办结69件,均已按期办结") 说的是已办结的那些;句子本身就讲到
    结转申请的,也不算矛盾。办结率 100% 是关于全部申请的说法。"均按时答复" / "均在法定期限内予以答复" 不读作已全
    部办结: 结转的申请可能仍在期限之内。定为警告: 正文可能说得不严谨。

    不通过的例子: pingtan-2021 "本年度全区共收到70件申请，所有申请均已办理完成",而 结转下年度继续办理 为 1。
    通过的例子: 按原样发布的 pingtan-2021: "…办结69件，1件结转下年度继续办理"。
    """

    code = "TXT006"
    name = "all-requests-finished"
    summary = "正文称申请均已办结,表三却有结转下年度的申请"
    severity = WARNING
    groups = ("text",)

    def check(self, report, ctx):
        forward = _total(report, "t3", "carried_forward")
        if forward is None or forward.value <= 0:
            return
        claims = read_claims(report)
        for c in claims:
            if c.kind not in (DONE, RATE) or not c.about_requests or c.opener:
                continue
            if (c.kind == RATE and c.value != 100) or of_other_year(c, report):
                continue
            before = [x for x in claims if x.sentence == c.sentence and x.clause < c.clause]
            if c.kind == DONE and any(x.kind in (FINISHED, HANDLED) and x.about_requests for x in before):
                continue  # "办结1191件,均在法定期限内答复": all of those handled
            if _MENTIONS_CARRY.search(c.sentence_text):
                continue
            label = spec.T3_2021.row("carried_forward").label
            yield self.finding(
                f"正文称「{c.text.strip()}」,但表三「{label}」总计为{forward.value:g}件",
                line=c.line,
                column=c.column,
                table="t3",
                row="carried_forward",
                col="total",
                expected=0,
                actual=forward.value,
                confidence=0.7,
                related=[Location(forward.line, forward.column, "t3", "carried_forward", "total")],
            )
