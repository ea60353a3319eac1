"""The two template versions of the national format and the words that tell them apart
(docs/report-format.md §2)."""

from __future__ import annotations

TEMPLATE_2019 = "2019"  # 国办公开办函〔2019〕60号, reports of 2019 and 2020
TEMPLATE_2021 = "2021"  # 国办公开办函〔2021〕30号, reports from 2021 on
TEMPLATES = (TEMPLATE_2019, TEMPLATE_2021)
LAST_2019_YEAR = 2020  # the last report year the 2019 format was prescribed for

# Words that only one template version prints.
TEMPLATE_SIGNS = {
    TEMPLATE_2019: (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "其他对外管理服务事项",
        "政府集中采购",
        "采购项目数量",
        "上一年项目数量",
    ),
    TEMPLATE_2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期不补正", "逾期未按收费通知"),
}


def template_for_year(year: int | None) -> str:
    """The version prescribed for a report year (the newer one when the year is unknown)."""
    return TEMPLATE_2019 if year is not None and year <= LAST_2019_YEAR else TEMPLATE_2021


def template_or_default(version: str | None) -> str:
    """A report's template version, or the current one when none was decided."""
    return version or TEMPLATE_2021
