"""An example third-party ogilint plugin: one rule, contributed through the ``ogilint_rules`` hook.

Installed as its own distribution (see pyproject.toml beside this file); ogilint finds it through
the ``ogilint`` entry-point group. Installed, it runs beside the rule set's rules (``--ignore XYZ``
turns it off; a rule with ``opt_in = True`` would run only when selected).
"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule


class PartCount(Rule):
    """报告的正文部分数 (示例规则,总是给出一条提示)。

    原因: 第三方规则的示例;每份报告给出一次解析出的编号部分 (一、二、…) 的个数,位置是第一个部分所在的行。

    不通过的例子: 无 (只是提示)。
    通过的例子: —
    """

    code = "XYZ001"
    name = "demo-part-count"
    summary = "示例: 报告的正文部分数"
    severity = INFO
    groups = ("demo",)
    options = {"label": "部分"}

    def check(self, report, ctx):
        parts = list(report.parts)
        line = parts[0].line if parts else None
        yield self.finding(
            f"示例插件: 共 {len(parts)} 个{ctx.options['label']}", line=line, expected=None, actual=len(parts)
        )


@hookimpl
def ogilint_rules():
    return [PartCount]
