"""Legal deadlines for publishing the annual report (条例 第四十九条; docs/report-format.md §1)."""

from __future__ import annotations

# (month, day) of the year after the report year.
DEPARTMENT_DEADLINE = (1, 31)  # departments of governments at county level and above
GOVERNMENT_DEADLINE = (3, 31)  # a government's own report (published by its 办公厅/办公室)


def month_day(deadline: tuple) -> str:
    """``"01-31"``: the form rule options take."""
    return f"{deadline[0]:02d}-{deadline[1]:02d}"
