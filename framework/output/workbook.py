"""XLSX workbooks (xlsxwriter) that Excel opens as they are: Chinese headers, a frozen and filterable
header row, columns wide enough to read, numbers as numbers.

Report text reaches the cells, so every text is written as a string (``write_string``), never as a
formula, a number or a link; what XML cannot hold (the lone surrogates of a file name that is not
UTF-8) is shown as an escape. Each workbook carries the custom document property "ogilint", by which
an earlier output lying in a folder being checked is recognised (:func:`written_by_ogilint`).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence

from ogilint.output.csv_format import no_surrogates
from ogilint.version import __version__

MARK = "ogilint"  # the custom document property every workbook carries (its value: the version)
ZIP_HEAD = b"PK\x03\x04"
_MAX_WIDTH, _MIN_WIDTH, _MEASURED_ROWS = 60, 6, 500
# Excel reads "_x0041_" in a cell as the character it escapes: a literal one keeps its "_" escaped.
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")


def _text(value) -> str:
    text = no_surrogates(str(value))
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text) if "_x" in text else text


def _width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text[:200])


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class Book:
    """One workbook being written; :meth:`close` gives its bytes."""

    def __init__(self, title: str):
        import xlsxwriter  # only the xlsx formats need it

        self._out = io.BytesIO()
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        self.workbook = xlsxwriter.Workbook(self._out, options)
        self.workbook.set_properties({"title": title, "author": "ogilint", "comments": f"ogilint {__version__}"})
        self.workbook.set_custom_property(MARK, __version__)
        self.head = self.workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEEEEE"})
        self._decimal_formats: dict[int, object] = {}

    def _decimals(self, places: int):
        if places not in self._decimal_formats:
            self._decimal_formats[places] = self.workbook.add_format({"num_format": "0." + "0" * places})
        return self._decimal_formats[places]

    def write(self, sheet, row: int, col: int, value, fmt=None) -> None:
        """One cell: a number as a number, anything else as a string (never a formula); None blank."""
        if value is None or value == "":
            if fmt is not None:
                sheet.write_blank(row, col, None, fmt)
        elif _is_number(value):
            sheet.write_number(row, col, value, fmt)
        else:
            sheet.write_string(row, col, _text(value), fmt)

    def sheet(
        self,
        name: str,
        header: Sequence[str],
        rows: Iterable[Sequence],
        decimals: dict | None = None,
        freeze_columns: int = 0,
    ):
        """A sheet of a header and rows: the header frozen, filterable over all rows."""
        ws = self.workbook.add_worksheet(name)
        formats = [self._decimals(n) if (n := (decimals or {}).get(h)) is not None else None for h in header]
        widths = [min(_width(h), 24) for h in header]
        for c, h in enumerate(header):
            ws.write_string(0, c, h, self.head)
        last = 0
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values):
                self.write(ws, r, c, value, formats[c])
                if r <= _MEASURED_ROWS:
                    widths[c] = max(widths[c], _width(value))
            last = r
        for c, w in enumerate(widths):
            ws.set_column(c, c, max(_MIN_WIDTH, min(_MAX_WIDTH, w + 2)))
        ws.freeze_panes(1, freeze_columns)
        ws.autofilter(0, 0, last, max(len(header) - 1, 0))
        return ws

    def close(self) -> bytes:
        self.workbook.close()
        return self._out.getvalue()


def written_by_ogilint(path: str) -> bool:
    """Whether ``path`` is a workbook this program wrote (a zip whose custom document properties
    name ogilint): an earlier ``--format xlsx`` output, not a report."""
    try:
        with zipfile.ZipFile(path) as z, z.open("docProps/custom.xml") as fh:
            props = fh.read(64 * 1024)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False
    return f'name="{MARK}"'.encode() in props
