"""CSV for spreadsheets: one row per finding, and one per file that could not be checked, with Chinese
headers (the rows: ``output/finding_rows``). UTF-8 with a byte-order mark, so Excel on Chinese
Windows opens it without garbling; cells that a spreadsheet would take for a formula ("=", "+", "-",
"@" first) are quoted with a leading apostrophe, since report text reaches them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from ogilint.output import finding_rows
from ogilint.output.shown import visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """``text`` with the lone surrogates of a file name that is not UTF-8 shown as ``\\xff``: they
    cannot be written as UTF-8."""
    return _SURROGATE.sub(lambda m: visible(m.group()), text) if _SURROGATE.search(text) else text


def cell_text(value, decimals: int | None = None) -> str:
    """A value as a CSV cell: numbers as numbers ("12", "0.85"), None empty, text that would start a
    formula after an apostrophe."""
    if value is None:
        return ""
    if decimals is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.{decimals}f}"
    text = str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    text = no_surrogates(text)
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(header: Sequence[str], rows: Iterable[Sequence], decimals: dict | None = None) -> str:
    """A CSV file: the byte-order mark, the header, the rows (CRLF line ends, as Excel writes)."""
    places = [(decimals or {}).get(name) for name in header]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(v, n) for v, n in zip(row, places)])
    return out.getvalue()


def render(results, rules=()) -> str:
    return csv_text(finding_rows.HEADER, finding_rows.rows(results, rules), finding_rows.DECIMALS)
