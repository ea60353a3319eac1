"""Extraction problems: what the parser could not read cleanly, as findings.

These are not errors of the report's arithmetic: a row whose cell was lost in extraction is one
finding here with lowered confidence, and the identity rules skip identities that involve a cell
that is not a number. Source: the parser's problem list (``Report.problems``); the layouts are
described in ``docs/report-format.md`` §9.
"""

from __future__ import annotations

from ogilint.hookspec import hookimpl
from ogilint.plugins.rules.extraction.EXT001_column_missing import ColumnMissing
from ogilint.plugins.rules.extraction.EXT002_row_damaged import RowDamaged
from ogilint.plugins.rules.extraction.EXT003_split_ambiguous import SplitAmbiguous
from ogilint.plugins.rules.extraction.EXT004_label_uncertain import LabelUncertain
from ogilint.plugins.rules.extraction.EXT005_truncated import Truncated
from ogilint.plugins.rules.extraction.EXT006_cell_unreadable import CellUnreadable
from ogilint.plugins.rules.extraction.EXT007_split_unique import SplitUnique
from ogilint.plugins.rules.extraction.EXT008_row_missing import RowMissing
from ogilint.plugins.rules.extraction.EXT009_label_damaged import LabelDamaged
from ogilint.plugins.rules.extraction.EXT010_page_unchecked import PageUnchecked
from ogilint.plugins.rules.extraction.EXT011_heading_damaged import HeadingDamaged
from ogilint.plugins.rules.extraction.EXT012_table_unreadable import TableUnreadable
from ogilint.plugins.rules.extraction.EXT013_ocr_doubtful import OcrDoubtful


@hookimpl
def ogilint_rules():
    return [
        ColumnMissing,
        RowDamaged,
        SplitAmbiguous,
        LabelUncertain,
        Truncated,
        CellUnreadable,
        SplitUnique,
        RowMissing,
        LabelDamaged,
        PageUnchecked,
        HeadingDamaged,
        TableUnreadable,
        OcrDoubtful,
    ]
