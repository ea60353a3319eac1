"""What kind of body wrote a report, and at which level of government (docs/report-format.md §1).

The deadline of 条例 第四十九条 and the size of fees a body can plausibly collect both depend on it.
The body is known only by the name the report gives ("淮安市人民政府", "天津市北辰区",
"沭阳县发展和改革局", "高椅乡"), so both answers are read from the name and may be None.
"""

from __future__ import annotations

import re
from typing import Optional

GOVERNMENT = "government"  # a government's own report (人民政府, its 办公厅/办公室 for it, 管委会, a bare region)
DEPARTMENT = "department"  # a department of a government (局, 委, 办, 厅, 中心 …)
TOWNSHIP = "township"  # 乡, 镇, 街道, 苏木: no statutory deadline in the 条例

PROVINCE = "province"
CITY = "city"
COUNTY = "county"

# The four municipalities are provinces; their districts are counties.
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

_GOVERNMENT_END = re.compile(r"(?:人民政府(?:办公室|办公厅)?|管委会|管理委员会|综合实验区|新区)$")
# A township's own name ends the body's name (镇江市 is a city: 镇 must end it, not start it).
_TOWNSHIP_END = re.compile(r"(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党委)?(?:办公室)?$")
# A region's name alone stands for its government ("天津市北辰区2020年政府信息公开工作年度报告").
_REGION_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,20}?(?:省|自治区|市|自治州|州|盟|地区|区|县|自治县|旗|自治旗)$")
# Words that make a name a department's even when it ends in a region suffix ("高新区" is a zone).
_DEPARTMENT_WORD = re.compile(r"局|委员会|委|厅|办|中心|院|所|处|署|会|队|站|馆|部")

# A body's name opens with the places it belongs to, largest first ("淮安市洪泽区…", "安徽省统计局"):
# segments of a few characters each ending in a unit. The last segment decides the level. The
# segments are read from the start only, so the 市 of 市场监督管理局 is never taken for a city.
_SEGMENT = re.compile(
    r"[\u4e00-\u9fff]{1,7}?(?:综合实验区|自治区|自治州|自治县|自治旗|特别行政区|街道|苏木|地区|省|市|州|盟|区|县|旗|乡|镇)"
)
_LEVEL_OF_UNIT = {
    "综合实验区": CITY,
    "省": PROVINCE,
    "自治区": PROVINCE,
    "特别行政区": PROVINCE,
    "市": CITY,
    "州": CITY,
    "自治州": CITY,
    "盟": CITY,
    "地区": CITY,
    "区": COUNTY,
    "县": COUNTY,
    "自治县": COUNTY,
    "旗": COUNTY,
    "自治旗": COUNTY,
    "乡": TOWNSHIP,
    "镇": TOWNSHIP,
    "街道": TOWNSHIP,
    "苏木": TOWNSHIP,
}
_UNIT_AT_END = re.compile("(?:" + "|".join(sorted(_LEVEL_OF_UNIT, key=len, reverse=True)) + ")$")
# Department names that hold a unit's character: 住房和城乡建设局, 城市管理局.
_NOT_A_PLACE = re.compile(r"城[乡市]$|[和与及]")
_MAX_SEGMENTS = 5  # province, city, county, township and one to spare


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
    places its name opens with; None when it names none ("我局"). A bare "XX市" may be a county-level
    city: it is read as a city, the higher level, so that limits err on the side of the body."""
    name = (name or "").strip()
    level, pos = None, 0
    for _ in range(_MAX_SEGMENTS):
        m = _SEGMENT.match(name, pos)
        if m is None or _NOT_A_PLACE.search(m.group(0)):
            break
        unit = _UNIT_AT_END.search(m.group(0)).group(0)
        level = _LEVEL_OF_UNIT[unit]
        if name.startswith(_MUNICIPALITIES) and pos == 0:
            level = PROVINCE
        pos = m.end()
    return level
