"""Whether the text breaks off before the report ends (a fragment, a cut-off page), or starts after
the report began (one page of a flipbook, an excerpt that opens inside a table)."""

from __future__ import annotations

import re
from typing import Optional

from ogilint import spec
from ogilint.model import Problem
from ogilint.spec.problems import ProblemKind as K

_CLOSED_END = re.compile(r"[。!?!?”\")）]$|日$|\d{4}[-年]\d{1,2}[-月]\d{1,2}日?$|^无$")
LAST_PART = 6
_SENTENCE_END = ("。", "!", "?", "！", "？")
_WORD = re.compile(r"\w")  # a token with a word or a number in it (not a lone "|" of a markdown row)
# Words of a report's opening (its foreword): a text that holds them before its first heading starts
# where the report starts, whatever heading it lacks.
_OPENING = re.compile(r"报告|条例|统计期限|统计时限")
# What the text before the first heading holds when it is the end of a part's table: table 三's row
# labels, table 二's column heads, table 四's column heads (part 三, 二, 四).
_TABLE_OF_PART = (
    (3, re.compile(r"本年新收|上年结转|予以公开|结转下年度|不予公开|无法提供|不予处理")),
    (2, re.compile(r"第二十条|本年制发件数|现行有效件数|本年处理决定数量|本年收费金额")),
    (4, re.compile(r"未经复议|尚未审结|结果维持|结果纠正")),
)


def truncated_at(parts: tuple, tokens: list) -> Optional[int]:
    """The line where the text breaks off, when the report visibly does not end: the last part is not
    reached and the last content neither closes a sentence nor is a signature date, or is a table row."""
    last_part = max((p.number for p in parts), default=0)
    content = [t for t in tokens if t.type != "CHROME"]
    if not content:
        return None
    last = content[-1]
    ends_closed = bool(_CLOSED_END.search(last.value.rstrip()))
    # A "row" that closes with a full stop is a sentence holding a figure ("…信息处理费 3940 元。"),
    # not a table cut off.
    open_row = last.type == "ROW" and not last.value.rstrip().endswith(_SENTENCE_END)
    if last_part < LAST_PART and (not ends_closed or open_row) and not _runs_into_next_part(parts, content):
        return last.line
    return None


# The next part's words after the last heading found: its heading was lost, the text was not cut
# ("…五、存在的主要问题及改进情况 … 无其他需要报告的事项" with "六、" gone). Parts 二–四 are found by their
# tables (locate.py); these are the parts without one.
_NEXT_PART_WORDS = {
    5: re.compile(r"存在的(?:主要)?问题|问题及改进|改进情况|改进措施"),
    6: re.compile(r"其他需要报告|信息处理费"),
}


def _runs_into_next_part(parts: tuple, content: list) -> bool:
    if not parts:
        return False
    last = max(parts, key=lambda p: (p.line, p.column))
    words = _NEXT_PART_WORDS.get(last.number + 1)
    if words is None:
        return False
    after = (t.value for t in content if (t.line, t.column) > (last.line, last.column))
    return any(words.search(value) for value in after)


def truncated_start(parts: tuple, tokens: list, title_line: Optional[int]) -> list[Problem]:
    """A TRUNCATED problem when the text starts inside the report: it has no title and its first
    part heading is a later part's (or it has none and opens on table rows), and nothing before that
    heading reads like a report's opening. The detail says it is the start (``at``), the part the
    text begins in (``first_part``, 0 when unknown) and the first heading found (``first_heading``);
    the parts before it lie outside the text and are not missing."""
    if title_line is not None:
        return []
    first = parts[0] if parts else None
    if first is not None and first.number == 1:
        return []
    content = [t for t in tokens if t.type != "CHROME"]
    before = [
        t
        for t in content
        if (first is None or (t.line, t.column) < (first.line, first.column)) and _WORD.search(t.value)
    ]
    if not content or any(_OPENING.search(t.value) for t in before):
        return []
    if first is None and not any(t.type == "ROW" for t in before):
        return []
    text = " ".join(t.value for t in before)
    begins = next((n for n, words in _TABLE_OF_PART if words.search(text)), None)
    if begins is None and first is not None:
        begins = first.number - 1 if before else first.number
    if begins and (first is None or begins <= first.number):
        where = f"第{spec.NUMERALS[begins - 1]}部分" + ("中间" if before else "")
    else:
        begins, where = 0, "报告中间"
    return [
        Problem(
            K.TRUNCATED,
            f"文本从{where}开始,所给文本不是完整的报告;此前的内容未检查,也不逐项报告为缺失",
            line=content[0].line,
            confidence=0.8,
            detail={"at": "start", "first_part": begins, "first_heading": first.number if first else 0},
        )
    ]
