"""The 主动公开基本目录 as XLSX and CSV, written row by row so that a
catalogue of 100,000 lines stays cheap."""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from gongkai.core.tables import csv_value, xlsx_value

HEADERS = (
    ("index_number", "索引号"),
    ("title", "名称"),
    ("summary", "内容概述"),
    ("written_on", "生成日期"),
    ("column", "分类"),
    ("publisher", "发布机构"),
    ("document_number", "文号"),
    ("published_on", "发布日期"),
    ("url", "地址"),
)


def _values(entry, base_url: str) -> list:
    values = []
    for name, _label in HEADERS:
        value = getattr(entry, name)
        if name in ("written_on", "published_on"):
            value = value.isoformat()
        elif name == "url" and value.startswith("/"):
            value = base_url + value
        values.append(value)
    return values


def catalogue_workbook(entries, *, title: str, base_url: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("主动公开基本目录")
    sheet.append([title])
    header = []
    for _name, label in HEADERS:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for entry in entries.iterator(chunk_size=2000):
        sheet.append([xlsx_value(sheet, value) for value in _values(entry, base_url)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def catalogue_csv(entries, *, base_url: str = "") -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([label for _name, label in HEADERS])
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow([csv_value(value) for value in _values(entry, base_url)])
    # With a BOM, so that Excel opens the Chinese text as UTF-8.
    return ("\ufeff" + output.getvalue()).encode("utf-8")
