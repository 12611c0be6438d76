"""Any list a person reads, as a download: CSV (UTF-8 with a BOM, so Excel
reads the Chinese) and XLSX, safe against formula injection (a cell such as
"=HYPERLINK(…)" stays text)."""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value):
    """A cell for CSV: a text a spreadsheet would run as a formula gets a
    leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def table_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([str(label) for label in headers])
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def table_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook(write_only=True)
    # Sheet names are at most 31 characters and some are forbidden.
    sheet = workbook.create_sheet(
        title.translate(str.maketrans("", "", "[]:*?/\\"))[:31]
    )
    header = []
    for label in headers:
        cell = WriteOnlyCell(sheet, value=str(label))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([xlsx_value(sheet, value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_value(sheet, value):
    """A cell for a write-only sheet: openpyxl would store a text starting
    with "=" as a formula, so such a text is typed as a string."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
