"""Bulk import of historical government-information items (批量导入).

Every bureau arrives with years of documents kept in spreadsheets. A sheet
(the first sheet of an XLSX file, or a CSV file in UTF-8 or GB18030) is read
in full and every row checked before anything is written; the good rows are
then published through ``publish_item``, each in its own transaction, so one
bad row never costs the others and never leaves half an item behind. Every
refused row is reported with its sheet row number and a Chinese reason: a
historical document must never go missing silently.

Rows are matched to existing items (文号, else 标题 + 成文日期; see
``selectors.find_item_by_identity``), so importing a corrected sheet again
updates the items it created instead of duplicating them, and their 索引号
stay as issued. The format for bureau staff is in docs/import-format.md.
"""

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from pathlib import Path, PurePosixPath, PureWindowsPath

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ValidationError,
)
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

from gongkai.accounts.models import Agency, User
from gongkai.catalog.choices import Genre, Topic, Validity, choice_by_label
from gongkai.catalog.columns import ROOT_TITLE
from gongkai.core.errors import DomainError
from gongkai.core.html import html_to_text, sanitize_html
from gongkai.publishing.extraction import decode_text, extract_text
from gongkai.publishing.models import (
    ColumnPage,
    GovernmentInformationPage,
    PortalHomePage,
)
from gongkai.publishing.selectors import column_by_path, find_item_by_identity
from gongkai.publishing.services import AttachmentFile, ItemData, publish_item
from gongkai.publishing.uploads import check_upload
from gongkai.publishing.validators import validate_document_number

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

# The same list as settings.WAGTAILDOCS_EXTENSIONS: what the portal serves.
ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png")
BODY_FILE_EXTENSIONS = (".docx", ".pdf", ".html", ".htm", ".txt")

ATTACHMENT_SEPARATORS_RE = re.compile(r"[;；\r\n]+")
SEPARATED_DATE_RE = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
CHINESE_DATE_RE = re.compile(
    r"^(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日$"
)
COMPACT_DATE_RE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
# Enough to tell pasted HTML from plain text; sanitize_html does the rest.
HTML_TAG_RE = re.compile(
    r"</?\s*(p|div|br|span|table|tr|td|th|h[1-6]|ul|ol|li|strong|b|em|i|a|font)\b",
    re.IGNORECASE,
)
HTML_BODY_RE = re.compile(r"<body[^>]*>(.*)</body>", re.IGNORECASE | re.DOTALL)
DOCX_HEADING_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


class ImportRefusedError(DomainError):
    """The file as a whole cannot be imported; nothing was written."""


@dataclass(frozen=True)
class RowError:
    """A refused row: ``row`` is the sheet row number (the header is row 1)."""

    row: int
    message: str


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do): counts of new and
    updated items, each refused row, and notes about the sheet."""

    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def rejected(self) -> int:
        return len(self.errors)

    def lines(self) -> list[str]:
        """The report as bureau staff read it: notes, the counts, then each
        refused row in sheet order."""
        lines = []
        if self.dry_run:
            lines.append(str(_("试运行：只做检查，未写入任何数据。")))
        lines.extend(
            str(_("提示：%(warning)s") % {"warning": warning})
            for warning in self.warnings
        )
        lines.append(
            str(
                _("新增 %(created)d 条，更新 %(updated)d 条，拒绝 %(rejected)d 条。")
                % {
                    "created": self.created,
                    "updated": self.updated,
                    "rejected": self.rejected,
                }
            )
        )
        lines.extend(
            str(
                _("第 %(row)d 行：%(message)s")
                % {"row": error.row, "message": error.message}
            )
            for error in sorted(self.errors, key=lambda error: error.row)
        )
        return lines


@dataclass
class RowItem:
    """What a good row asks for: this item, in this column, published then."""

    number: int
    data: ItemData
    column: ColumnPage
    published_on: date
    attachment_paths: list[Path]


@dataclass
class CheckedRow:
    """One data row after checking: ``item`` is set when nothing is wrong."""

    number: int
    problems: list[object] = field(default_factory=list)
    # ("文号", number) or ("标题", title, 成文日期); None when the row lacks both.
    identity: tuple[object, ...] | None = None
    item: RowItem | None = None


class SheetFileError(Exception):
    """A file named in a row cannot be used; the message says why."""


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
) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Field key → column position and key → header as written, plus
    warnings for headers the importer does not know.

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
        key = HEADERS.get(name)
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
    missing = [
        header for header in REQUIRED_HEADERS if HEADERS[header] not in positions
    ]
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


# Bodies


def text_to_html(text: str) -> str:
    """Plain text as paragraphs: one <p> per non-empty line, escaped."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def body_html_from_text(text: str) -> str:
    """The 正文 cell: HTML pasted from the old site is sanitised, anything
    else is plain text."""
    if HTML_TAG_RE.search(text):
        return sanitize_html(text)
    return text_to_html(text)


def docx_to_html(data: bytes) -> str:
    """Paragraphs, headings and tables of a Word document, in document
    order, as the HTML body allows it."""
    from docx import Document
    from docx.table import Table

    parts = []
    for block in Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            parts.append(_docx_table_html(block))
            continue
        text = block.text.strip()
        if not text:
            continue
        tag = "p"
        heading = DOCX_HEADING_RE.match(block.style.name if block.style else "")
        if heading:
            # h1 is the page title; Word's levels 1, 2, 3+ become h2, h3, h4.
            tag = f"h{min(int(heading[1]) + 1, 4)}"
        parts.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(parts)


def _docx_table_html(table) -> str:
    rows = []
    for row in table.rows:
        # A cell merged across columns comes once per grid column it spans.
        spans: list[list] = []
        for cell in row.cells:
            if spans and spans[-1][0]._tc is cell._tc:
                spans[-1][1] += 1
            else:
                spans.append([cell, 1])
        cells = []
        for cell, span in spans:
            text = "<br>".join(escape(paragraph.text) for paragraph in cell.paragraphs)
            colspan = f' colspan="{span}"' if span > 1 else ""
            cells.append(f"<td{colspan}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><tbody>{''.join(rows)}</tbody></table>"


def body_html_from_file(*, path: Path) -> str:
    """The content of a 正文文件 as body HTML.

    Raises SheetFileError when the file cannot be read or holds no text (a
    scanned PDF belongs among the attachments, not in the body)."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = decode_text(data)
        match = HTML_BODY_RE.search(text)
        html = sanitize_html(match[1] if match else text)
    else:
        # extract_text also refuses Office files that expand beyond reason
        # before anything parses them.
        extraction = extract_text(name=path.name, data=data)
        if extraction.problem:
            raise SheetFileError(
                _("正文文件“%(path)s”无法读取：%(problem)s")
                % {"path": path.name, "problem": extraction.problem}
            )
        html = (
            docx_to_html(data) if suffix == ".docx" else text_to_html(extraction.text)
        )
    if not html_to_text(html):
        raise SheetFileError(
            _("正文文件“%(path)s”中没有可提取的文字（扫描件请作为附件导入）。")
            % {"path": path.name}
        )
    return html


# Files named in a row


def resolve_sheet_file(
    *, base_dir: Path, relative: str, header: str, allowed: Sequence[str]
) -> Path:
    """The file ``relative`` names inside the sheet's folder.

    Raises SheetFileError for absolute paths and ``..`` (a sheet must not
    reach files elsewhere on the server), for other file types and for
    missing files."""
    text = relative.strip().replace("\\", "/")
    outside = SheetFileError(
        _(
            "%(header)s“%(path)s”必须是表格所在文件夹内的相对路径，不能使用绝对路径或“..”。"
        )
        % {"header": header, "path": relative}
    )
    relative_path = PurePosixPath(text)
    if (
        relative_path.is_absolute()
        or PureWindowsPath(text).drive
        or ".." in relative_path.parts
    ):
        raise outside
    if relative_path.suffix.lower() not in allowed:
        raise SheetFileError(
            _("%(header)s“%(path)s”的文件类型不允许，只能是：%(allowed)s。")
            % {
                "header": header,
                "path": relative,
                "allowed": "、".join(extension[1:] for extension in allowed),
            }
        )
    base = base_dir.resolve()
    candidate = (base / relative_path).resolve()
    # A symbolic link inside the folder may still point outside it.
    if not candidate.is_relative_to(base):
        raise outside
    if not candidate.is_file():
        raise SheetFileError(
            _("%(header)s“%(path)s”不存在（路径相对于表格所在文件夹）。")
            % {"header": header, "path": relative}
        )
    return candidate


def split_paths(value: str) -> list[str]:
    """附件 cells list files separated by ; or ； or line breaks."""
    return [
        part.strip() for part in ATTACHMENT_SEPARATORS_RE.split(value) if part.strip()
    ]


# Checking a row


def check_row(
    *,
    number: int,
    values: dict[str, object],
    names: dict[str, str],
    base_dir: Path,
    find_column: Callable[[str], ColumnPage | None],
    today: date,
) -> CheckedRow:
    """Every problem of one data row, or the item it describes.

    ``values`` maps field keys to raw cells, ``names`` field keys to the
    headers the sheet used, ``find_column`` a 栏目 path to its column."""
    checked = CheckedRow(number=number)
    problems = checked.problems

    def header(key: str) -> str:
        return names.get(key, CANONICAL_HEADERS[key])

    def text(key: str) -> str:
        return cell_text(values.get(key))

    def day(key: str) -> date | None:
        try:
            return parse_date(values.get(key))
        except ValueError:
            problems.append(
                _(
                    "%(header)s“%(value)s”无法识别，请写成 2023-05-06、2023/5/6、2023年5月6日 或 20230506。"
                )
                % {"header": header(key), "value": text(key)}
            )
            return None

    def choice(key: str, choices: type[models.TextChoices], default: str) -> str:
        label = text(key)
        if not label:
            return default
        value = choice_by_label(choices, label)
        if value is None:
            problems.append(
                _("%(header)s“%(value)s”无法识别，可选：%(allowed)s。")
                % {
                    "header": header(key),
                    "value": label,
                    "allowed": "；".join(str(item) for item in choices.labels),
                }
            )
            return default
        return value

    title = text("title")
    if not title:
        problems.append(_("标题为空。"))

    document_number = text("document_number")
    if document_number:
        try:
            validate_document_number(document_number)
        except ValidationError as error:
            problems.extend(error.messages)

    written_on = day("written_on")
    published_on = day("published_on")
    for key, value in (("written_on", written_on), ("published_on", published_on)):
        if value is None and not text(key):
            problems.append(_("%(header)s为空。") % {"header": header(key)})
    if written_on and published_on and published_on < written_on:
        problems.append(
            _("发布日期（%(published)s）早于成文日期（%(written)s）。")
            % {"published": published_on, "written": written_on}
        )
    # The import keeps the original 发布日期 of items already public; a date
    # still to come would be a forged one (国办秘函〔2019〕19号).
    if published_on and published_on > today:
        problems.append(
            _("发布日期（%(published)s）晚于今天，只能导入已经发布的信息。")
            % {"published": published_on}
        )

    # Only the separator is normalised: titles may hold full-width brackets.
    column_path = text("column").replace("／", "/").strip().strip("/")
    if column_path.startswith(f"{ROOT_TITLE}/"):
        column_path = column_path[len(ROOT_TITLE) + 1 :]
    column = None
    if not column_path:
        problems.append(_("栏目为空。"))
    else:
        column = find_column(column_path)
        if column is None:
            problems.append(
                _(
                    "栏目“%(path)s”不存在。栏目路径从“政府信息公开”的下一级写起，用“/”分隔，如“法定主动公开内容/政策文件/行政规范性文件”。"
                )
                % {"path": text("column")}
            )

    topic = choice("topic", Topic, Topic.LAND_ENERGY)
    genre = choice("genre", Genre, Genre.NOTICE)
    validity = choice("validity", Validity, Validity.VALID)
    validity_changed_on = day("validity_changed_on")
    if (
        validity != Validity.VALID
        and validity_changed_on is None
        and not text("validity_changed_on")
    ):
        problems.append(
            _("有效性为“%(validity)s”时须填写%(header)s。")
            % {"validity": text("validity"), "header": header("validity_changed_on")}
        )

    field_values = {
        "title": title,
        "document_number": document_number,
        "publisher": text("publisher"),
        "keywords": text("keywords"),
    }
    for name, value in field_values.items():
        limit = GovernmentInformationPage._meta.get_field(name).max_length
        if limit and len(value) > limit:
            problems.append(
                _("%(header)s超过 %(limit)d 个字。")
                % {"header": CANONICAL_HEADERS[name], "limit": limit}
            )

    body_html = ""
    body = cell_text(values.get("body"))
    body_file = text("body_file")
    if body and body_file:
        problems.append(_("“正文”和“正文文件”只能填写一项。"))
    elif body_file:
        try:
            body_html = body_html_from_file(
                path=resolve_sheet_file(
                    base_dir=base_dir,
                    relative=body_file,
                    header=header("body_file"),
                    allowed=BODY_FILE_EXTENSIONS,
                )
            )
        except SheetFileError as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(
                _("正文文件“%(path)s”无法读取（%(reason)s）。")
                % {"path": body_file, "reason": error.strerror or error}
            )
    elif body:
        body_html = body_html_from_text(body)

    attachment_paths = []
    for relative in split_paths(text("attachments")):
        try:
            attachment = resolve_sheet_file(
                base_dir=base_dir,
                relative=relative,
                header=header("attachments"),
                allowed=ATTACHMENT_EXTENSIONS,
            )
            # The content check store_attachment repeats at import time;
            # running it here lets a dry run find renamed or oversized files.
            check_upload(name=attachment.name, data=attachment.read_bytes())
        except SheetFileError as error:
            problems.append(str(error))
        except ValidationError as error:
            problems.extend(error.messages)
        except OSError as error:
            problems.append(
                _("附件“%(path)s”无法读取（%(reason)s）。")
                % {"path": relative, "reason": error.strerror or error}
            )
        else:
            attachment_paths.append(attachment)

    if document_number:
        checked.identity = ("文号", document_number)
    elif title and written_on:
        checked.identity = ("标题", title, written_on)

    if not problems and written_on and published_on and column is not None:
        data = ItemData(
            title=title,
            written_on=written_on,
            document_number=document_number,
            publisher=field_values["publisher"],
            topic=topic,
            genre=genre,
            validity=validity,
            validity_changed_on=validity_changed_on,
            keywords=field_values["keywords"],
            summary=text("summary"),
            body_html=body_html,
        )
        checked.item = RowItem(
            number=number,
            data=data,
            column=column,
            published_on=published_on,
            attachment_paths=attachment_paths,
        )
    return checked


def describe_identity(identity: tuple[object, ...]) -> str:
    if identity[0] == "文号":
        return str(_("文号“%(number)s”") % {"number": identity[1]})
    return str(
        _("标题“%(title)s”、成文日期 %(written)s")
        % {"title": identity[1], "written": identity[2]}
    )


def join_problems(problems: Sequence[object]) -> str:
    """Several reasons as one sentence: 甲；乙。"""
    parts = [str(problem).strip().rstrip("。") for problem in problems]
    return "；".join(part for part in parts if part) + "。"


def validation_error_text(error: ValidationError) -> str:
    """A model validation error as staff read it: each message after the
    Chinese name of its field."""
    if not hasattr(error, "error_dict"):
        return join_problems(error.messages)
    parts = []
    for name, messages in error.message_dict.items():
        label = ""
        if name != NON_FIELD_ERRORS:
            try:
                label = str(
                    GovernmentInformationPage._meta.get_field(name).verbose_name
                )
            except FieldDoesNotExist:
                label = name
        parts.extend(
            f"{label}：{message}" if label else message for message in messages
        )
    return join_problems(parts)


# Selecting what the import works on


def agency_for_import(*, name: str | None) -> Agency:
    """The agency named ``name``, or the only agency when no name is given.

    Raises ImportRefusedError when there is no such agency or the choice is
    ambiguous."""
    if name:
        agency = Agency.objects.filter(name=name.strip()).first()
        if agency is None:
            raise ImportRefusedError(_("机关“%(name)s”不存在。") % {"name": name})
        return agency
    agencies = list(Agency.objects.order_by("name")[:2])
    if not agencies:
        raise ImportRefusedError(_("系统中还没有机关，请先创建机关及其门户。"))
    if len(agencies) > 1:
        names = "、".join(
            Agency.objects.order_by("name").values_list("name", flat=True)
        )
        raise ImportRefusedError(
            _("系统中有多个机关，请用 --agency 指定导入到哪个机关：%(names)s。")
            % {"names": names}
        )
    return agencies[0]


def actor_for_import(*, username: str | None) -> User | None:
    """The staff member the import is recorded under (audit), if any.

    Raises ImportRefusedError for an unknown user name."""
    if not username:
        return None
    try:
        return User.objects.get_by_natural_key(username)
    except User.DoesNotExist as error:
        raise ImportRefusedError(
            _("用户“%(username)s”不存在。") % {"username": username}
        ) from error


def disclosure_root(*, agency: Agency) -> ColumnPage:
    """The 政府信息公开 column of ``agency``'s portal: 栏目 paths start below it.

    Raises ImportRefusedError when the portal or the column is missing."""
    home = PortalHomePage.objects.filter(agency=agency).first()
    root = column_by_path(root=home, column_path=ROOT_TITLE) if home else None
    if root is None:
        raise ImportRefusedError(
            _("机关“%(agency)s”还没有门户首页或“政府信息公开”栏目，无法导入。")
            % {"agency": agency.name}
        )
    return root


# The service


def import_documents(
    *, path: Path, agency: Agency, actor: User | None, dry_run: bool = False
) -> ImportReport:
    """Import the items listed in the sheet at ``path`` into ``agency``'s
    portal: new ones are published, known ones (same identity) updated and,
    when their 栏目 changed, moved.

    Raises ImportRefusedError when the file as a whole cannot be used (then
    nothing is written). Otherwise each good row is imported in its own
    transaction and each refused row is listed in the report; a
    ValidationError or DomainError while publishing refuses that row only.
    With ``dry_run`` the same work runs inside a transaction that is rolled
    back, and attachment files are checked but not stored, so nothing at all
    is written.
    """
    path = Path(path)
    rows = read_sheet(path=path)
    if not rows:
        raise ImportRefusedError(_("表格是空的：第 1 行应为表头。"))
    positions, names, warnings = map_headers(rows[0])
    root = disclosure_root(agency=agency)
    report = ImportReport(warnings=warnings, dry_run=dry_run)
    report.warnings.extend(_unnamed_column_warnings(rows=rows, positions=positions))

    column_cache: dict[str, ColumnPage | None] = {}

    def find_column(column_path: str) -> ColumnPage | None:
        if column_path not in column_cache:
            column_cache[column_path] = column_by_path(
                root=root, column_path=column_path
            )
        return column_cache[column_path]

    publishable: dict[int, bool] = {}

    def may_publish_in(column: ColumnPage) -> bool:
        # publish_item publishes as ``actor``, and Wagtail refuses that
        # without the publish permission; better a reason per row than a
        # traceback half-way through the sheet.
        if actor is None:
            return True
        if column.pk not in publishable:
            permissions = column.permissions_for_user(actor)
            publishable[column.pk] = permissions.can_publish_subpage()
        return publishable[column.pk]

    today = timezone.localdate()
    first_rows: dict[tuple[object, ...], int] = {}
    importable: list[RowItem] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell_text(cell) for cell in cells):
            continue
        values = {
            key: cells[position] if position < len(cells) else None
            for key, position in positions.items()
        }
        checked = check_row(
            number=number,
            values=values,
            names=names,
            base_dir=path.parent,
            find_column=find_column,
            today=today,
        )
        if checked.identity is not None:
            if checked.identity in first_rows:
                checked.problems.append(
                    _(
                        "与第 %(row)d 行是同一文件（%(identity)s），同一表格中只能出现一次。"
                    )
                    % {
                        "row": first_rows[checked.identity],
                        "identity": describe_identity(checked.identity),
                    }
                )
            else:
                first_rows[checked.identity] = number
        if checked.item is not None and not may_publish_in(checked.item.column):
            checked.problems.append(
                _("用户“%(user)s”无权在栏目“%(column)s”发布信息。")
                % {"user": actor, "column": checked.item.column.title}
            )
        if checked.problems or checked.item is None:
            report.errors.append(RowError(number, join_problems(checked.problems)))
        else:
            importable.append(checked.item)

    if dry_run:
        with transaction.atomic():
            _import_rows(rows=importable, agency=agency, actor=actor, report=report)
            transaction.set_rollback(True)
    else:
        _import_rows(rows=importable, agency=agency, actor=actor, report=report)
    report.errors.sort(key=lambda error: error.row)
    return report


def _unnamed_column_warnings(
    *, rows: list[list[object]], positions: dict[str, int]
) -> list[str]:
    """Content under a blank header would otherwise be lost without a word."""
    header = rows[0]
    used = set(positions.values())
    unnamed = [
        position
        for position in range(max(len(row) for row in rows))
        if position not in used
        and not (position < len(header) and cell_text(header[position]))
        and any(position < len(row) and cell_text(row[position]) for row in rows[1:])
    ]
    return [
        str(
            _("第 %(column)d 列没有表头，其中的内容已忽略。") % {"column": position + 1}
        )
        for position in unnamed
    ]


def _import_rows(
    *,
    rows: list[RowItem],
    agency: Agency,
    actor: User | None,
    report: ImportReport,
) -> None:
    for row in rows:
        try:
            created = _import_row(
                row=row, agency=agency, actor=actor, store_files=not report.dry_run
            )
        except ValidationError as error:
            report.errors.append(
                RowError(
                    row.number,
                    _("导入失败：%(reason)s")
                    % {"reason": validation_error_text(error)},
                )
            )
        except DomainError as error:
            report.errors.append(
                RowError(row.number, _("导入失败：%(reason)s") % {"reason": error})
            )
        except OSError as error:
            report.errors.append(
                RowError(
                    row.number,
                    _("导入失败：读取文件“%(path)s”出错（%(reason)s）。")
                    % {"path": error.filename or "", "reason": error.strerror or error},
                )
            )
        else:
            if created:
                report.created += 1
            else:
                report.updated += 1


def _import_row(
    *, row: RowItem, agency: Agency, actor: User | None, store_files: bool
) -> bool:
    """Publish one checked row; True when it made a new item."""
    data = row.data
    # The move and the publication stand or fall together.
    with transaction.atomic():
        existing = find_item_by_identity(
            agency=agency,
            document_number=data.document_number,
            title=data.title,
            written_on=data.written_on,
        )
        if existing is not None:
            # The sheet has no column for these links; publish_item would
            # otherwise clear what editors set (a 解读's link to its document).
            data.department = existing.department
            data.interprets = existing.interprets
            if not existing.is_child_of(row.column):
                existing = _move_item(item=existing, column=row.column, actor=actor)
        # publish_item keeps the attachments it is not given; storing the
        # same files again on every re-run would pile up copies.
        if (
            store_files
            and row.attachment_paths
            and not (
                existing is not None
                and _has_attachments(item=existing, paths=row.attachment_paths)
            )
        ):
            data.attachments = [
                AttachmentFile(name=path.name, data=path.read_bytes())
                for path in row.attachment_paths
            ]
        publish_item(
            column=row.column,
            data=data,
            published_on=row.published_on,
            existing=existing,
            actor=actor,
        )
    return existing is None


def _has_attachments(*, item: GovernmentInformationPage, paths: list[Path]) -> bool:
    """Whether ``item`` already carries exactly these files, in this order."""
    current = list(item.attachments.select_related("document").order_by("sort_order"))
    if len(current) != len(paths):
        return False
    for attachment, path in zip(current, paths, strict=True):
        digest = hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()
        try:
            stored = attachment.document.get_file_hash()
        except OSError:
            # The stored copy is gone: store the file again.
            return False
        if stored != digest or attachment.display_title != path.stem:
            return False
    return True


def _move_item(
    *, item: GovernmentInformationPage, column: ColumnPage, actor: User | None
) -> GovernmentInformationPage:
    """Put ``item`` under ``column`` because the sheet now files it there.

    The importing user need not hold move permissions in the page tree: the
    operator running the import decided. The move is logged under ``actor``.
    """
    siblings = Page.objects.child_of(column).exclude(pk=item.pk)
    if siblings.filter(slug=item.slug).exists():
        suffix = 2
        while siblings.filter(slug=f"{item.slug}-{suffix}").exists():
            suffix += 1
        # Wagtail refuses a move onto a taken slug; the move below rebuilds
        # url_path from the new slug.
        Page.objects.filter(pk=item.pk).update(slug=f"{item.slug}-{suffix}")
        item.refresh_from_db(fields=["slug"])
    MovePageAction(item, column, pos="last-child", user=actor).execute(
        skip_permission_checks=True
    )
    # Treebeard moves rows in the database only; the instance is stale.
    return GovernmentInformationPage.objects.get(pk=item.pk)
