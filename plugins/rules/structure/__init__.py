"""Structure: the six parts, their headings, the foreword and the template version (``docs/report-format.md`` §1–3)."""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.structure.STR001_part_missing import PartMissing
from ogilint.plugins.rules.structure.STR002_part_duplicated import PartDuplicated
from ogilint.plugins.rules.structure.STR003_part_order import PartOrder
from ogilint.plugins.rules.structure.STR004_heading_variant import HeadingVariant
from ogilint.plugins.rules.structure.STR005_template_year_mismatch import TemplateYearMismatch
from ogilint.plugins.rules.structure.STR006_table_missing import TableMissing
from ogilint.plugins.rules.structure.STR007_foreign_table_item import ForeignTableItem
from ogilint.plugins.rules.structure.STR008_category_row import CategoryRow
from ogilint.plugins.rules.structure.STR009_period_missing import PeriodMissing
from ogilint.plugins.rules.structure.STR010_foreword_part_count import ForewordPartCount
from ogilint.plugins.rules.structure.STR011_problems_none import ProblemsNone
from ogilint.plugins.rules.structure.STR012_heading_ordinal import HeadingOrdinal


@hookimpl
def ogilint_rules():
    return [
        PartMissing,
        PartDuplicated,
        PartOrder,
        HeadingVariant,
        TemplateYearMismatch,
        TableMissing,
        ForeignTableItem,
        CategoryRow,
        PeriodMissing,
        ForewordPartCount,
        ProblemsNone,
        HeadingOrdinal,
    ]
