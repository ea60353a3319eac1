"""DAT003 published-late: 报告发布晚于法定期限。"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

from ogilint import spec
from ogilint.finding import WARNING
from ogilint.rule import Rule

_KIND_LABELS = {spec.GOVERNMENT: "本级政府", spec.DEPARTMENT: "政府部门"}
_MAX_DAYS_MOVED = 15  # the longest run of days off (春节 and its bridge days) is shorter


def next_working_day(day: dt.date) -> tuple[dt.date, bool]:
    """(the working day a deadline falling on ``day`` moves to, whether the holiday calendar knew the
    year). Statutory holidays and make-up working days come from ``chinese_calendar``; for a year it
    does not hold yet only weekends move the deadline."""
    known = True
    for _ in range(_MAX_DAYS_MOVED):
        try:
            working = chinese_calendar.is_workday(day)
        except NotImplementedError:  # a year past the calendar's data
            known = False
            working = day.weekday() < 5
        if working:
            return day, known
        day += dt.timedelta(days=1)
    return day, known


class PublishedLate(Rule):
    """报告发布晚于法定期限。

    原因: 条例第四十九条: 县级以上人民政府部门在每年 1 月 31 日前公布上一年度的报告;政府本身的报告 —— 省/市/县人
    民政府、代政府报告的办公厅/办公室、开发区等的管委会、标题只写地区名的报告 ("天津市北辰区2020年…") —— 在 3
    月 31 日前公布。乡镇没有法定日期 (由地方通知规定),不检查。机关的类型从其名称判断 (``spec.body_kind``)。

    期限的最后一天是法定节假日或周末的,顺延到下一个工作日,与我国行政法上期间的计算相同;节假日和调休上班日取自维
    护中的 ``chinesecalendar`` 包 (该包尚未收录的年份只考虑周末,发现中会说明)。找不到发布日期的报告不在此检查,
    由 DAT006 提示。

    不通过的例子: 一个局的 2022 年报告,落款 2023年2月15日。
    通过的例子: 2023年1月17日;一个市政府的 2020 年报告,落款 2021年3月30日;一个局的 2020 年报告,落款 2021年2月1
    日 (2021年1月31日是星期日)。
    """

    code = "DAT003"
    name = "published-late"
    summary = "发布日期晚于法定期限"
    severity = WARNING
    groups = ("dates",)
    options = {
        "department_deadline": spec.month_day(spec.DEPARTMENT_DEADLINE),
        "government_deadline": spec.month_day(spec.GOVERNMENT_DEADLINE),
    }

    def check(self, report, ctx):
        m = report.meta
        kind = spec.body_kind(m.body)
        if not m.year or kind not in _KIND_LABELS:
            return
        if not m.published:
            return  # DAT006 says that timeliness could not be checked
        key = "government_deadline" if kind == spec.GOVERNMENT else "department_deadline"
        month, day = (int(x) for x in ctx.options[key].split("-"))
        statutory = dt.date(m.year + 1, month, day)
        deadline, known = next_working_day(statutory)
        published = dt.date.fromisoformat(m.published)
        if published <= deadline:
            return
        moved = ""
        if deadline != statutory:
            moved = f"({statutory} 为休息日,顺延至 {deadline})"
        elif not known:
            moved = f"({m.year + 1} 年的节假日安排尚未收录,只按周末顺延)"
        yield self.finding(
            f"报告发布于 {published},晚于{_KIND_LABELS[kind]}的法定期限 {deadline}{moved}",
            line=m.published_line,
            expected=f"≤ {deadline}",
            actual=str(published),
            confidence=0.8 if kind == spec.GOVERNMENT else 0.7,
            hint="条例第四十九条:政府部门于次年1月31日前、本级政府于次年3月31日前公布年度报告",
        )
