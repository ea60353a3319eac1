"""STR001 part-missing: 缺少规定的部分。"""

from __future__ import annotations

import attrs

from ogilint import spec
from ogilint.finding import ERROR, WARNING
from ogilint.plugins.rules.structure.common import (
    _starts_inside,
    _truncated,
    headless_part,
    numeral,
    present_parts,
)
from ogilint.rule import Rule
from ogilint.spec.problems import ProblemKind


class PartMissing(Rule):
    """缺少规定的部分。

    原因: 条例第五十条和国家格式规定了六个部分 (见格式说明 §3);评估中会指出缺少部分的问题 (见格式说明 §8)。被截
    断的文本,中断处之后的部分不报告;从报告中间开始的文本 (翻页电子书的一页),其第一个标题之前的部分也不报告: 它们
    在文本之外。这种摘录的结尾是摘录的结尾,不是报告的结尾,所以其最后一个标题之后的部分也不报告。

    标题丢失而正文还在的部分不算缺少: 本部分的措辞单独成行、没有序号 ("存在的主要问题及改进情况"),或者在标题应在
    的位置出现了本部分自己的小标题 (第五部分的 "（一）存在问题";第一部分总体情况的两个小标题),或者 (第六部分) 出
    现了关于信息处理费的说明。这时给出的是关于标题的警告 (置信度 0.7),指向本部分正文开始的行,而不是错误。

    不通过的例子: 没有 "五、存在的主要问题及改进情况" 的报告。
    通过的例子: 六个标题都在。
    """

    code = "STR001"
    name = "part-missing"
    summary = "缺少规定的部分"
    severity = ERROR
    groups = ("structure",)

    def check(self, report, ctx):
        present = present_parts(report)
        if not present:
            return
        first, last = min(present), max(present)
        excerpt = _starts_inside(report)
        heading_problems = {
            (p.detail or {}).get("part") for p in report.problems if p.kind == ProblemKind.HEADING_DAMAGED
        }
        for n in range(1, 7):
            if n in present or ((_truncated(report) or excerpt) and n > last) or (excerpt and n < first):
                continue
            title = spec.PART_TITLES[n]
            headless = headless_part(report, n)
            if headless is not None:
                line, column, text, how = headless
                message = (
                    f"第{numeral(n)}部分「{title}」的标题没有序号:印为「{text}」,国家格式为「{numeral(n)}、{title}」"
                    if how == "numeral"
                    else f"没有找到第{numeral(n)}部分「{title}」的标题;第{line}行「{text}」起的文字是该部分的内容"
                )
                yield self.finding(
                    message,
                    line=line,
                    column=column,
                    expected=f"{numeral(n)}、{title}",
                    actual=text,
                    severity=WARNING,
                    confidence=0.7,
                    hint="对照报告原件核对这一部分的标题",
                )
                continue
            table = report.tables.get(f"t{n}") if n in (2, 3, 4) else None
            if table is not None and table.found:
                if n not in heading_problems:  # else EXT011 reports the lost heading
                    yield self.finding(
                        f"没有找到第{numeral(n)}部分「{title}」的标题;该部分的统计表(表{numeral(n)})在第{table.line}行,照常读取",
                        line=table.line,
                        expected=f"{numeral(n)}、{title}",
                        actual="未找到标题",
                        severity=WARNING,
                        confidence=0.7,
                        hint="对照报告原件核对这一部分的标题",
                    )
                continue
            absorbed = _rows_read_elsewhere(report, n)
            if absorbed:
                yield self.finding(
                    f"没有找到第{numeral(n)}部分「{title}」的标题;表{numeral(n)}的内容(如「{absorbed[0].detail_label}」)"
                    f"混在另一张表里,第{absorbed[0].line}行起,未能读取",
                    line=absorbed[0].line,
                    expected=f"{numeral(n)}、{title}",
                    actual="未找到标题",
                    severity=WARNING,
                    confidence=0.6,
                    hint="对照报告原件核对这一部分的标题和统计表",
                )
                continue
            yield self.finding(
                f"缺少第{numeral(n)}部分「{title}」",
                expected=title,
                actual="缺失",
                extent=3,
            )


_MIN_ROWS_ELSEWHERE = 3  # labels of a table's own wording that cannot be anything else


@attrs.frozen
class _Absorbed:
    line: int
    detail_label: str


def _rows_read_elsewhere(report, n: int) -> list:
    """Rows of table ``n`` (2–4) that another table could not place (ROW_EXTRA problems holding
    table ``n``'s row labels, or for table 四 its column heads): its heading is lost and its text
    was read as part of the table before it, so the part is there, unread, and not missing. Each
    label counts once; three make the case."""
    if n not in (2, 3, 4):
        return []
    key = f"t{n}"
    words = [r.label for r in spec.tables_for(report.meta.template_version)[key].rows if len(r.label) >= 4]
    if key == "t4":
        words += [w for w in spec.T4_COLUMN_LABELS.values() if w != "总计"]
    seen: set = set()
    found = []
    for p in report.problems:
        if p.kind != ProblemKind.ROW_EXTRA or p.table == key or p.line is None:
            continue
        hits = [w for w in words if w in p.message and w not in seen]
        if hits:
            seen.update(hits)
            found.append(_Absorbed(p.line, hits[0]))
    return found if len(seen) >= _MIN_ROWS_ELSEWHERE else []
