"""The three tables of the national format: canonical row and column keys, the labels the official
template prints, and the Chinese names used in messages (docs/report-format.md §4).

JSON output, rules and tests address cells only through these keys (``t3["granted"]["natural_person"]``).
A row is described by its key and the label the official template prints; the label is what extracted
text is matched against, so its enumerator ("1.", "(一)") is part of it. The 2019 and 2021 tables 三
are one base (the rows both print) with the "other handling" rows of each version.
"""

from __future__ import annotations

import attrs

from ogilint.spec.templates import TEMPLATE_2019

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}  # how messages name the tables


@attrs.frozen
class RowSpec:
    """One row of a table in one template version."""

    key: str
    label: str
    columns: tuple[str, ...]
    # Other wordings seen in real reports ("规范性文件" for the 2019 row name, drifted labels).
    aliases: tuple[str, ...] = ()


@attrs.frozen
class TableSpec:
    key: str
    title: str
    rows: tuple[RowSpec, ...]
    columns: tuple[str, ...]

    def row(self, key: str) -> RowSpec:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)


# --- Table 二 -------------------------------------------------------------------------------------
_DOCS_2021 = ("issued", "repealed", "in_force")
_DOCS_2019 = ("made", "published", "total_public")
_ITEMS_2019 = ("prev_items", "delta", "decisions")

T2_2021 = TableSpec(
    key="t2",
    title="主动公开政府信息情况",
    columns=_DOCS_2021 + ("decisions", "amount"),
    rows=(
        RowSpec("regulations", "规章", _DOCS_2021),
        RowSpec("normative_docs", "行政规范性文件", _DOCS_2021, aliases=("规范性文件",)),
        RowSpec("licensing", "行政许可", ("decisions",)),
        RowSpec("punishment", "行政处罚", ("decisions",)),
        RowSpec("coercion", "行政强制", ("decisions",)),
        RowSpec("fees", "行政事业性收费", ("amount",)),
    ),
)

T2_2019 = TableSpec(
    key="t2",
    title="主动公开政府信息情况",
    columns=_DOCS_2019 + _ITEMS_2019 + ("items", "amount"),
    rows=(
        RowSpec("regulations", "规章", _DOCS_2019),
        RowSpec("normative_docs", "规范性文件", _DOCS_2019, aliases=("行政规范性文件",)),
        RowSpec("licensing", "行政许可", _ITEMS_2019),
        RowSpec("other_services", "其他对外管理服务事项", _ITEMS_2019),
        RowSpec("punishment", "行政处罚", _ITEMS_2019),
        RowSpec("coercion", "行政强制", _ITEMS_2019),
        RowSpec("fees", "行政事业性收费", ("prev_items", "delta")),
        RowSpec("procurement", "政府集中采购", ("items", "amount")),
    ),
)

# --- Table 三 -------------------------------------------------------------------------------------
T3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)
T3_PARTS = T3_COLUMNS[:-1]
# A few reports add a 法人 subtotal column (小计) after the five 法人或其他组织 columns (spec §4).
T3_SUBTOTAL = "legal_entity_subtotal"
T3_LEGAL_ENTITY = ("commercial", "research", "social_welfare", "legal_service", "other_org")
T3_COLUMNS_WITH_SUBTOTAL = T3_COLUMNS[:-1] + (T3_SUBTOTAL, "total")

_T3_HEAD = (
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "(一)予以公开"),
    ("partially_granted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
    ("denied.state_secret", "1.属于国家秘密"),
    ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("denied.three_safeties", "3.危及“三安全一稳定”"),
    ("denied.third_party", "4.保护第三方合法权益"),
    ("denied.internal_affairs", "5.属于三类内部事务信息"),
    ("denied.process_info", "6.属于四类过程性信息"),
    ("denied.enforcement_file", "7.属于行政执法案卷"),
    ("denied.admin_query", "8.属于行政查询事项"),
    ("unavailable.not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear", "3.补正后申请内容仍不明确"),
    ("not_processed.petition", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.mass_repeated", "4.无正当理由大量反复申请"),
    ("not_processed.confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息"),
)
_T3_OTHER_2021 = (
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "3.其他"),
)
_T3_OTHER_2019 = (("other", "(六)其他处理"),)
_T3_TAIL = (
    ("total_handled", "(七)总计"),
    ("carried_forward", "四、结转下年度继续办理"),
)


def _t3(other_rows) -> TableSpec:
    rows = tuple(RowSpec(k, label, T3_COLUMNS) for k, label in _T3_HEAD + other_rows + _T3_TAIL)
    return TableSpec(key="t3", title="收到和处理政府信息公开申请情况", rows=rows, columns=T3_COLUMNS)


T3_2021 = _t3(_T3_OTHER_2021)
T3_2019 = _t3(_T3_OTHER_2019)


def with_subtotal(table: TableSpec) -> TableSpec:
    """Table 三 of a report that adds the 法人 subtotal column."""
    cols = T3_COLUMNS_WITH_SUBTOTAL
    return TableSpec(
        key=table.key,
        title=table.title,
        columns=cols,
        rows=tuple(RowSpec(r.key, r.label, cols, r.aliases) for r in table.rows),
    )


# Table 三's categories whose reasons stand in sub-rows ("denied.state_secret" …): the category's
# label as the format prints it. A report may print a category as one row with one set of numbers.
T3_CATEGORIES = {
    "denied": "(三)不予公开",
    "unavailable": "(四)无法提供",
    "not_processed": "(五)不予处理",
    "other": "(六)其他处理",
}


def category_rows(table: TableSpec) -> dict[str, RowSpec]:
    """{category: its row as printed in one} for the categories that have sub-rows in ``table``."""
    keys = {r.key for r in table.rows}
    return {
        c: RowSpec(c, label, table.columns)
        for c, label in T3_CATEGORIES.items()
        if c not in keys and any(k.startswith(c + ".") for k in keys)
    }


def with_categories_printed(table: TableSpec, printed) -> TableSpec:
    """``table`` with the sub-rows of each category in ``printed`` replaced by the category's one row:
    the table as a report that prints those categories as one row has it (what its identities run on)."""
    one = category_rows(table)
    rows: list[RowSpec] = []
    for r in table.rows:
        category = r.key.partition(".")[0]
        if category in printed and r.key.startswith(category + "."):
            if category not in {x.key for x in rows}:
                rows.append(one[category])
            continue
        rows.append(r)
    return TableSpec(key=table.key, title=table.title, columns=table.columns, rows=tuple(rows))


# Rows summed by the handled-total identity (every row between new/carried and total_handled).
def handled_rows(table: TableSpec) -> tuple[str, ...]:
    keys = [r.key for r in table.rows]
    return tuple(keys[keys.index("granted") : keys.index("total_handled")])


# --- Table 四 -------------------------------------------------------------------------------------
T4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
T4 = TableSpec(
    key="t4",
    title="政府信息公开行政复议、行政诉讼情况",
    columns=T4_COLUMNS,
    rows=(
        RowSpec("review", "行政复议", T4_COLUMNS),
        RowSpec("litigation_direct", "未经复议直接起诉", T4_COLUMNS),
        RowSpec("litigation_after_review", "复议后起诉", T4_COLUMNS),
    ),
)


def tables_for(version: str) -> dict[str, TableSpec]:
    """The three table specs of a template version."""
    if version == TEMPLATE_2019:
        return {"t2": T2_2019, "t3": T3_2019, "t4": T4}
    return {"t2": T2_2021, "t3": T3_2021, "t4": T4}


# The counting words a count cell may carry after its number ("447228件"): read as a typed word, not
# as part of the value, and noted (DOM004).
COUNT_WORDS = "件条个次人"

# Chinese names of table 三's columns, as messages print them.
COLUMN_LABELS = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
    T3_SUBTOTAL: "法人小计",
}

# How messages name the columns of tables 二 and 四 (table 三's are COLUMN_LABELS). A key means the
# same in both template versions, except "amount": 2021's fee in 万元, 2019's procurement total.
T2_COLUMN_LABELS = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额",
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "total_public": "对外公开总数量",
    "prev_items": "上一年项目数量",
    "delta": "本年增/减",
    "items": "采购项目数量",
}
T4_COLUMN_LABELS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}


# The printed headings that are not row or column labels, for drawing the tables as the format
# prints them: table 二's item heads (the row that starts each block, by the block's first row) and
# its label column's head, table 三's column groups and its results group, table 四's litigation group.
T2_ITEM_HEADS = {
    "regulations": "第二十条第(一)项",
    "licensing": "第二十条第(五)项",
    "punishment": "第二十条第(六)项",
    "fees": "第二十条第(八)项",
    "procurement": "第二十条第(九)项",
}
T2_CONTENT_HEAD = "信息内容"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_ENTITIES = "法人或其他组织"
T3_RESULTS = "三、本年度办理结果"
T4_LITIGATION = ("行政诉讼", ("litigation_direct", "litigation_after_review"))


def row_label(version: str, table: str, row: str) -> str:
    """A row's label as the format prints it ("规章", "(一)予以公开"; a category printed as one row
    by its category label); the key itself when the format has no such row."""
    spec = tables_for(version).get(table)
    try:
        return spec.row(row).label if spec is not None else row
    except KeyError:
        return T3_CATEGORIES.get(row, row)


def column_label(version: str, table: str, col: str) -> str:
    """A column's Chinese name ("本年废止件数", "自然人", "结果纠正"); the key itself when unknown."""
    if table == "t4":
        return T4_COLUMN_LABELS.get(col, col)
    if table == "t2":
        return "采购总金额" if col == "amount" and version == TEMPLATE_2019 else T2_COLUMN_LABELS.get(col, col)
    return COLUMN_LABELS.get(col, col)


def column_heading(version: str, table: str, col: str) -> str:
    """A column's heading as the table prints it: its name, with the unit where the format prints one
    ("本年收费金额(单位:万元)" in the 2021 format)."""
    name = column_label(version, table, col)
    if table == "t2" and col == "amount" and version != TEMPLATE_2019:
        return f"{name}(单位:万元)"
    return name


def cell_label(version: str, table: str, row: str, col: str) -> str:
    """A cell as a reader names it: "「规章」行「本年废止件数」列", "「行政复议」「结果纠正」"."""
    rows, cols = row_label(version, table, row), column_label(version, table, col)
    return f"「{rows}」「{cols}」" if table == "t4" else f"「{rows}」行「{cols}」列"
