"""DAT006 publication-date-missing: 找不到报告的发布日期,无法检查是否按时发布。"""

from __future__ import annotations

from ogilint import spec
from ogilint.finding import INFO
from ogilint.rule import Rule


class PublicationDateMissing(Rule):
    """找不到报告的发布日期,无法检查是否按时发布。

    原因: 是否按时发布 (DAT003) 要看落款日期或网页上的「发布时间」;两者都没有时,这份报告的及时性没有被检查,
    评估人员需要到网站上核对。单独成为一条规则,是为了在统计中不与「发布晚于期限」混在一起:没有日期不等于发布晚了。
    乡镇的报告没有法定期限,不提示。

    不通过的例子: 淮安市人民政府2024年报告的文本,没有「发布时间」,结尾也没有落款日期。
    通过的例子: 平潭综合实验区2023年报告,第2行「发布时间: 2024-03-08」。
    """

    code = "DAT006"
    name = "publication-date-missing"
    summary = "找不到发布日期,未检查是否按时发布"
    severity = INFO
    groups = ("dates",)

    def check(self, report, ctx):
        m = report.meta
        if m.published or not m.year or spec.body_kind(m.body) not in (spec.GOVERNMENT, spec.DEPARTMENT):
            return
        yield self.finding(
            "未找到发布日期 (落款日期或「发布时间」),无法检查是否按时发布",
            line=m.title_line,
            confidence=0.5,
            hint="核对报告在网站上的发布时间",
        )
