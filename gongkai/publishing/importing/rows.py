"""Checking one data row of a bulk-import sheet: every problem it has, or
the item it describes."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ValidationError,
)
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.choices import Genre, Topic, Validity, choice_by_label
from gongkai.catalog.columns import ROOT_TITLE
from gongkai.publishing.importing.bodies import (
    ATTACHMENT_EXTENSIONS,
    BODY_FILE_EXTENSIONS,
    SheetFileError,
    body_html_from_file,
    body_html_from_text,
    resolve_sheet_file,
    split_paths,
)
from gongkai.publishing.importing.sheets import (
    CANONICAL_HEADERS,
    cell_text,
    parse_date,
)
from gongkai.publishing.models import ColumnPage, GovernmentInformationPage
from gongkai.publishing.services import ItemData
from gongkai.publishing.uploads import check_upload
from gongkai.publishing.validators import validate_document_number


@dataclass(frozen=True)
class RowError:
    """A refused row: ``row`` is the sheet row number (the header is row 1)."""

    row: int
    message: str


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
