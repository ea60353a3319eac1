"""Structure: the six parts and the template version (``docs/report-format.md`` §2–3)."""

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
    ]
