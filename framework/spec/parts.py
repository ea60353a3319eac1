"""The six parts of every report, their standard titles and the heading wordings seen in real
reports (docs/report-format.md §3). The lexer, the grammar's section rules and the structure rules
all read them from here."""

from __future__ import annotations

import attrs

NUMERALS = "一二三四五六七八九十"


@attrs.frozen
class PartSpec:
    number: int  # 1..6, the order the format prescribes
    name: str  # canonical key, also the grammar's section rule
    title: str  # the 2021 format's title
    token: str  # the lexer token of its heading
    variants: tuple  # heading wordings accepted as this part (the title first)

    @property
    def numeral(self) -> str:
        return NUMERALS[self.number - 1]


PARTS = (
    PartSpec(1, "general", "总体情况", "H_GENERAL", ("总体情况", "政府信息公开总体情况")),
    PartSpec(
        2, "proactive", "主动公开政府信息情况", "H_PROACTIVE", ("主动公开政府信息情况", "行政机关主动公开政府信息情况")
    ),
    PartSpec(3, "requests", "收到和处理政府信息公开申请情况", "H_REQUESTS", ("收到和处理政府信息公开申请情况",)),
    PartSpec(
        4,
        "review",
        "政府信息公开行政复议、行政诉讼情况",
        "H_REVIEW",
        (
            "政府信息公开行政复议、行政诉讼情况",
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "政府信息公开行政复议、行政诉讼的情况",
        ),
    ),
    PartSpec(
        5,
        "problems",
        "存在的主要问题及改进情况",
        "H_PROBLEMS",
        (
            "存在的主要问题及改进情况",
            "存在的主要问题及改进措施",
            "政府信息公开工作存在的主要问题及改进情况",
        ),
    ),
    PartSpec(6, "other", "其他需要报告的事项", "H_OTHER", ("其他需要报告的事项", "其他事项")),
)
PART_BY_NAME = {p.name: p for p in PARTS}
PART_TITLES = {p.number: p.title for p in PARTS}
PART_NAMES = {p.number: p.name for p in PARTS}
PART_HEADING_VARIANTS = {p.number: p.variants for p in PARTS}
