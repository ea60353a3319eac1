"""How a report's narrative states a figure of its tables (docs/report-format.md §5, "The text against
the tables"), where the parser and the rules must read it alike.

"全年制发行政规范性文件3件", "动态更新本年度制发的规范性文件77件": table 二's 行政规范性文件 本年制发件数.
The parser uses it to choose among the splits of run-together digits that the table alone cannot
decide; TXT004 compares it with the table.
"""

from __future__ import annotations

import re

NORMATIVE_DOCS_ISSUED = re.compile(
    r"(?:制发|印发|出台|新制定)(?:的|了)?(?:行政)?规范性文件(?:共|共计)?[ ]?"
    r"(\d{1,6}|[零〇一二两三四五六七八九十百]{1,6})[ ]?(?:件|个|份)"
)
