"""Choose the rule set that fits a report: the national set of its template version, or a regional
set (``docs/report-format.md`` §7) when the report is from Henan, Shandong or Shanghai."""

from __future__ import annotations

import re

from ogilint import spec
from ogilint.hookspec import hookimpl

# Place names that identify a province in a body's name or a report's title (cities of the corpus
# and the provincial capitals; the list is a heuristic, the command line's --region overrides it).
REGIONS = {
    "henan": (
        "河南",
        "郑州",
        "开封",
        "洛阳",
        "平顶山",
        "安阳",
        "鹤壁",
        "新乡",
        "焦作",
        "濮阳",
        "许昌",
        "漯河",
        "三门峡",
        "南阳",
        "商丘",
        "信阳",
        "周口",
        "驻马店",
        "济源",
        "温县",
    ),
    "shandong": (
        "山东",
        "济南",
        "青岛",
        "淄博",
        "枣庄",
        "东营",
        "烟台",
        "潍坊",
        "济宁",
        "泰安",
        "威海",
        "日照",
        "临沂",
        "德州",
        "聊城",
        "滨州",
        "菏泽",
        "兰山",
        "文登",
        "荣成",
    ),
    "shanghai": ("上海",),
}


def detect_region(report) -> str | None:
    m = report.meta
    text = "".join(x for x in (m.body, m.title, m.region) if x)
    for name, places in REGIONS.items():
        if any(p in text for p in places):
            return name
    head = "\n".join(report.lines[:15])
    if re.search(r"上海市政府信息公开规定", "\n".join(report.lines[:40])):
        return "shanghai"
    for name, places in REGIONS.items():
        if any(p + "省" in head or p + "市" in head for p in places):
            return name
    return None


@hookimpl(trylast=True)
def ogilint_variant(report, requested):
    if report.meta.template_version == spec.TEMPLATE_2019:
        return "national-2019"
    region = requested or detect_region(report)
    return region if region else "national-2021"
