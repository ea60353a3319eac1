"""What the text tables rules share (one rule per file beside this module)."""

from __future__ import annotations

from ogilint import model

NUMBER = r"(\d+|[零〇一二两三四五六七八九十百千万]+)"


MAX_STATED_DIGITS = 12  # a count stated in the narrative is never longer; a longer run is no count


def to_number(text: str):
    """The count a narrative states ("749", "七十五"), or None when it is not a plausible count."""
    if len(text) > MAX_STATED_DIGITS:
        return None
    try:
        if text.isdigit():
            return int(text)
        import cn2an  # only for a count in Chinese numerals: importing it costs a one-file run a quarter of its time

        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def _narrative(report) -> str:
    """Part 一 (where the figures are stated), or the whole text when part 一 is missing."""
    return report.part_text(1) or "\n".join(report.lines)


def _total(report, table, row, col="total"):
    t = report.tables.get(table)
    cell = t.cell(row, col) if t is not None else None
    return cell if cell is not None and cell.kind == model.NUMBER else None


def _where(report, text, m):
    """(line, column) of a match inside part 一's text."""
    part = report.part(1)
    start = m.start()
    before = text[:start]
    line_offset = before.count("\n")
    if part is None:
        return line_offset + 1, len(before) - (before.rfind("\n") + 1) + 1
    column = (len(before) - (before.rfind("\n") + 1) + 1) if line_offset else part.column + len(before)
    return part.line + line_offset, column


def subject_note(claim, body) -> str:
    """Why a claim is only a warning: its subject is not the report's own body."""
    own = f"本报告的主体「{body}」" if body else "本报告的主体"
    return f"句子的主语为「{claim.subject}」,与{own}未必相同,表三的统计范围可能不同"


def of_other_year(claim, report) -> bool:
    """Whether a claim speaks of another year than the report's ("2022年受理申请83件" in a 2023 report,
    "去年受理…"): a comparison, not this year's count."""
    year = report.meta.year
    return claim.prior or (claim.year is not None and year is not None and claim.year != year)
