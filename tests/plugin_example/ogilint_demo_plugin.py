"""An example third-party ogilint plugin: one rule, contributed through the ``ogilint_rules`` hook.

Installed as its own distribution (see pyproject.toml beside this file); ogilint finds it through
the ``ogilint`` entry-point group. Select it with ``--select XYZ`` or ``extend-select = ["XYZ"]``.
"""

from __future__ import annotations

from ogilint.finding import INFO
from ogilint.hookspec import hookimpl
from ogilint.rule import Rule


class PartCount(Rule):
    """报告的正文部分数 (示例规则,总是给出一条提示)。

    Why: an example of a third-party rule; it reports how many numbered parts (一、二、…) the
    parser found, once per report, on the line of the first part.

    Fails: never (it is informational).
    Passes: —
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
