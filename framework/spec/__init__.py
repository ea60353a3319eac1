"""The national format stated once (docs/report-format.md): template versions, the six parts, the
three tables with their rows, columns and labels, the identities between cells, the kinds of
extraction problem, and the legal deadlines. Every stage reads the format from here.

Import what you need from this package (``from ogilint import spec``; ``spec.T3_COLUMNS``); the
modules below it hold one subject each.
"""

from ogilint.spec.deadlines import DEPARTMENT_DEADLINE, GOVERNMENT_DEADLINE, month_day
from ogilint.spec.identities import TOLERANCE, Identity
from ogilint.spec.parts import (
    NUMERALS,
    PART_BY_NAME,
    PART_HEADING_VARIANTS,
    PART_NAMES,
    PART_TITLES,
    PARTS,
    PartSpec,
)
from ogilint.spec.problems import ProblemKind
from ogilint.spec.tables import (
    COLUMN_LABELS,
    COUNT_WORDS,
    T2_2019,
    T2_2021,
    T3_2019,
    T3_2021,
    T3_CATEGORIES,
    T3_COLUMNS,
    T3_COLUMNS_WITH_SUBTOTAL,
    T3_LEGAL_ENTITY,
    T3_PARTS,
    T3_SUBTOTAL,
    T4,
    T4_COLUMNS,
    T4_GROUPS,
    TABLE_NAMES,
    RowSpec,
    TableSpec,
    category_rows,
    handled_rows,
    tables_for,
    with_categories_printed,
    with_subtotal,
)
from ogilint.spec.templates import (
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATE_SIGNS,
    TEMPLATES,
    template_for_year,
    template_or_default,
)

__all__ = [
    "COLUMN_LABELS",
    "COUNT_WORDS",
    "DEPARTMENT_DEADLINE",
    "GOVERNMENT_DEADLINE",
    "NUMERALS",
    "PARTS",
    "PART_BY_NAME",
    "PART_HEADING_VARIANTS",
    "PART_NAMES",
    "PART_TITLES",
    "T2_2019",
    "T2_2021",
    "T3_2019",
    "T3_2021",
    "T3_COLUMNS",
    "T3_COLUMNS_WITH_SUBTOTAL",
    "T3_LEGAL_ENTITY",
    "T3_PARTS",
    "T3_SUBTOTAL",
    "T4",
    "T4_COLUMNS",
    "T4_GROUPS",
    "TABLE_NAMES",
    "TEMPLATES",
    "TEMPLATE_2019",
    "TEMPLATE_2021",
    "TEMPLATE_SIGNS",
    "TOLERANCE",
    "Identity",
    "PartSpec",
    "ProblemKind",
    "RowSpec",
    "TableSpec",
    "handled_rows",
    "category_rows",
    "with_categories_printed",
    "T3_CATEGORIES",
    "month_day",
    "tables_for",
    "template_for_year",
    "template_or_default",
    "with_subtotal",
]
