"""Rules that only some provinces require (``docs/report-format.md`` §7).

They are selected by the regional rule sets (``rules/shandong.toml`` …), not by the national ones.
"""

from __future__ import annotations

import re

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.regional.REG001_shandong_part_six_items import ShandongPartSixItems


@hookimpl
def ogilint_rules():
    return [ShandongPartSixItems]


@hookimpl
def ogilint_validate_options(code, options):
    if code == ShandongPartSixItems.code:
        items = options.get("items")
        if not isinstance(items, dict) or not items:
            return ["items 应是 {正则: 分项名称} 的非空表"]
        bad = []
        for pattern in items:
            try:
                re.compile(pattern)
            except re.error as exc:
                bad.append(f"items 的正则 {pattern!r} 无效: {exc}")
        return bad
    return []
