"""Reading a bulk-import sheet (XLSX or CSV): header mapping, cell text and
dates as bureau staff write them."""

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import DomainError
from gongkai.core.text import decode_text

# Header as bureau staff write it → field key. Two headers may name one field
# (older catalogues say 信息类别 for 体裁 and 废止日期 for 失效日期).
HEADERS: dict[str, str] = {
    "标题": "title",
    "文号": "document_number",
    "成文日期": "written_on",
    "发布日期": "published_on",
    "发布机构": "publisher",
    "栏目": "column",
    "主题分类": "topic",
    "体裁": "genre",
    "信息类别": "genre",
    "有效性": "validity",
    "失效日期": "validity_changed_on",
    "废止日期": "validity_changed_on",
    "关键词": "keywords",
    "内容概述": "summary",
    "正文": "body",
    "正文文件": "body_file",
    "附件": "attachments",
}
REQUIRED_HEADERS = ("标题", "成文日期", "发布日期", "栏目")
# The name a field goes by in messages when the sheet did not say.
CANONICAL_HEADERS = {key: header for header, key in reversed(HEADERS.items())}

SEPARATED_DATE_RE = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
CHINESE_DATE_RE = re.compile(
    r"^(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日$"
)
COMPACT_DATE_RE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")


class ImportRefusedError(DomainError):
    """The file as a whole cannot be imported; nothing was written."""


# Reading the sheet


def read_sheet(*, path: Path) -> list[list[object]]:
    """All rows of the sheet at ``path``, header first, as cell values.

    Raises ImportRefusedError when the file is missing, of another type or
    unreadable."""
    if not path.is_file():
        raise ImportRefusedError(_("找不到文件“%(path)s”。") % {"path": path})
    suffix = path.suffix.lower()
    if suffix == ".csv":
        # Excel on Chinese Windows saves CSV as GBK; newer tools as UTF-8,
        # often with a BOM. decode_text tries UTF-8 first, then GB18030 (a
        # superset of GBK).
        text = decode_text(path.read_bytes())
        try:
            return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
        except csv.Error as error:
            raise ImportRefusedError(
                _("无法读取表格“%(path)s”：%(reason)s")
                % {"path": path.name, "reason": error}
            ) from error
    if suffix == ".xlsx":
        return _xlsx_rows(path=path)
    raise ImportRefusedError(
        _("只能导入 .xlsx 或 .csv 文件（.xls 文件请先在 Excel 中另存为 .xlsx）。")
    )


def _xlsx_rows(*, path: Path) -> list[list[object]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise ImportRefusedError(
            _("无法读取表格“%(path)s”：%(reason)s")
            % {"path": path.name, "reason": error}
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def map_headers(
    header_row: Sequence[object],
    *,
    headers: dict[str, str] = HEADERS,
    required: Sequence[str] = REQUIRED_HEADERS,
) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Field key → column position and key → header as written, plus
    warnings for headers the importer does not know. ``headers`` maps a
    header as written to its field key (default: the document sheet's).

    Raises ImportRefusedError when a required header is missing or a field is
    named twice."""
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    warnings: list[str] = []
    for position, cell in enumerate(header_row):
        # Templates often mark required columns with an asterisk: *标题.
        name = cell_text(cell).replace("\ufeff", "").strip("*＊ \u3000")
        if not name:
            continue
        key = headers.get(name)
        if key is None:
            warnings.append(str(_("未识别的列“%(header)s”已忽略。") % {"header": name}))
            continue
        if key in positions:
            raise ImportRefusedError(
                _("列“%(first)s”和“%(second)s”表示同一项，只能保留一列。")
                % {"first": names[key], "second": name}
            )
        positions[key] = position
        names[key] = name
    missing = [header for header in required if headers[header] not in positions]
    if missing:
        raise ImportRefusedError(
            _("表头缺少必填列：%(headers)s。请检查第 1 行。")
            % {"headers": "、".join(f"“{header}”" for header in missing)}
        )
    return positions, names, warnings


def cell_text(value: object) -> str:
    """A cell as text: blank for empty cells, whole numbers without ".0"
    (Excel stores 20230506 as a float), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_date(value: object) -> date | None:
    """A date cell: a real XLSX date, or text as 2023-05-06, 2023/5/6,
    2023.5.6, 2023年5月6日 or 20230506. None when blank.

    Raises ValueError when the text is no date or no real day (2023-02-30)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # NFKC turns full-width digits and slashes from Chinese input methods
    # into ASCII.
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    if not text:
        return None
    match = (
        SEPARATED_DATE_RE.match(text)
        or CHINESE_DATE_RE.match(text)
        or COMPACT_DATE_RE.match(text)
    )
    if match is None:
        raise ValueError(text)
    return date(int(match["year"]), int(match["month"]), int(match["day"]))
