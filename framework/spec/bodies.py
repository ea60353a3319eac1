"""What kind of body wrote a report, and at which level of government (docs/report-format.md §1).

The deadline of 条例 第四十九条 and the size of fees a body can plausibly collect both depend on it.
The body is known only by the name the report gives ("淮安市人民政府", "天津市北辰区",
"沭阳县发展和改革局", "高椅乡"), so both answers are read from the name and may be None.
"""

from __future__ import annotations

import re
from typing import Optional

from ogilint.spec import places

GOVERNMENT = "government"  # a government's own report (人民政府, its 办公厅/办公室 for it, 管委会, a bare region)
DEPARTMENT = "department"  # a department of a government (局, 委, 办, 厅, 中心 …)
TOWNSHIP = "township"  # 乡, 镇, 街道, 苏木: no statutory deadline in the 条例

PROVINCE = "province"
CITY = "city"
COUNTY = "county"


# How output names the kinds and levels to a reader (the overview of a run, the spreadsheets).
KIND_WORDS = {GOVERNMENT: "政府", DEPARTMENT: "部门", TOWNSHIP: "乡镇"}
LEVEL_WORDS = {PROVINCE: "省级", CITY: "市级", COUNTY: "县级", TOWNSHIP: "乡镇级"}


_GOVERNMENT_END = re.compile(r"(?:人民政府(?:办公室|办公厅)?|管委会|管理委员会|综合实验区|新区)$")
# A township's own name ends the body's name (镇江市 is a city: 镇 must end it, not start it).
_TOWNSHIP_END = re.compile(r"(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党委)?(?:办公室)?$")
# A region's name alone stands for its government ("天津市北辰区2020年政府信息公开工作年度报告").
_REGION_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,20}?(?:省|自治区|市|自治州|州|盟|地区|区|县|自治县|旗|自治旗)$")
# Words that make a name a department's even when it ends in a region suffix ("高新区" is a zone).
_DEPARTMENT_WORD = re.compile(r"局|委员会|委|厅|办|中心|院|所|处|署|会|队|站|馆|部")

_LEVEL_NAMES = {places.PROVINCE: PROVINCE, places.PREFECTURE: CITY, places.COUNTY: COUNTY, places.TOWNSHIP: TOWNSHIP}


def body_kind(name: Optional[str]) -> Optional[str]:
    """GOVERNMENT, DEPARTMENT or TOWNSHIP for a body's name; None when there is no name."""
    name = (name or "").strip()
    if not name:
        return None
    if _TOWNSHIP_END.search(name):
        return TOWNSHIP
    if _GOVERNMENT_END.search(name):
        return GOVERNMENT
    if _REGION_ONLY.match(name) and not _DEPARTMENT_WORD.search(name):
        return GOVERNMENT
    return DEPARTMENT


def body_level(name: Optional[str]) -> Optional[str]:
    """PROVINCE, CITY, COUNTY or TOWNSHIP: the level of government a body belongs to, read from the
    places its name opens with (``spec.places``); None when it names none ("我局"). A place that may
    be of two levels ("荣成市": a city or a county-level city) is read as the higher, so that limits
    err on the side of the body."""
    chain = places.places(name)
    if not chain:
        return None
    possible = places.chain_levels(chain)[-1]
    return _LEVEL_NAMES[min(possible)]
