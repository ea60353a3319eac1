"""DAT003 published-late: 报告发布晚于法定期限。"""

from __future__ import annotations

import datetime as dt
import re

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.rule import Rule


class PublishedLate(Rule):
    """报告发布晚于法定期限。

    Why: 条例第四十九条: departments of governments at county level and above publish the previous
    year's report by 31 January; a government office publishes the government's own report by
    31 March. Townships have no statutory date (local notices set one) and are not checked.

    Fails: a bureau's 2022 report dated 2023年2月15日. Passes: 2023年1月17日.
    """

    code = "DAT003"
    name = "published-late"
    summary = "发布日期晚于法定期限"
    severity = WARNING
    groups = ("dates",)
    options = {
        "department_deadline": spec.month_day(spec.DEPARTMENT_DEADLINE),
        "government_deadline": spec.month_day(spec.GOVERNMENT_DEADLINE),
        "government_pattern": "人民政府(办公室|办公厅)?$|管委会$|管理委员会$|综合实验区$",
        "skip_pattern": "乡|镇|街道|苏木",
    }

    def check(self, report, ctx):
        m = report.meta
        if not m.published or not m.year or not m.body or re.search(ctx.options["skip_pattern"], m.body):
            return
        is_government = bool(re.search(ctx.options["government_pattern"], m.body))
        key = "government_deadline" if is_government else "department_deadline"
        month, day = (int(x) for x in ctx.options[key].split("-"))
        deadline = dt.date(m.year + 1, month, day)
        published = dt.date.fromisoformat(m.published)
        if published > deadline:
            kind = "本级政府" if is_government else "政府部门"
            yield self.finding(
                f"报告发布于 {published},晚于{kind}的法定期限 {deadline}",
                line=m.published_line,
                expected=f"≤ {deadline}",
                actual=str(published),
                confidence=0.8 if is_government else 0.7,
            )
