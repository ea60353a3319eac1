"""Whether the text breaks off before the report ends (a fragment, a cut-off page)."""

from __future__ import annotations

import re
from typing import Optional

_CLOSED_END = re.compile(r"[。!?!?”\")）]$|日$|\d{4}[-年]\d{1,2}[-月]\d{1,2}日?$|^无$")
LAST_PART = 6


def truncated_at(parts: tuple, tokens: list) -> Optional[int]:
    """The line where the text breaks off, when the report visibly does not end: the last part is not
    reached and the last content neither closes a sentence nor is a signature date, or is a table row."""
    last_part = max((p.number for p in parts), default=0)
    content = [t for t in tokens if t.type != "CHROME"]
    if not content:
        return None
    last = content[-1]
    ends_closed = bool(_CLOSED_END.search(last.value.rstrip()))
    if last_part < LAST_PART and (not ends_closed or last.type == "ROW"):
        return last.line
    return None
