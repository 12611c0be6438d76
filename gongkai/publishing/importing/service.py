"""The bulk-import service: which agency and user an import runs as, and
importing a checked sheet row by row."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import Agency, User
from gongkai.catalog.columns import ROOT_TITLE
from gongkai.core.errors import DomainError
from gongkai.publishing.importing.rows import (
    RowError,
    RowItem,
    check_row,
    describe_identity,
    join_problems,
    validation_error_text,
)
from gongkai.publishing.importing.sheets import (
    ImportRefusedError,
    cell_text,
    map_headers,
    read_sheet,
)
from gongkai.publishing.models import (
    ColumnPage,
    GovernmentInformationPage,
    PortalHomePage,
)
from gongkai.publishing.selectors import column_by_path, find_item_by_identity
from gongkai.publishing.services import AttachmentFile, move_item, publish_item


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
                existing = move_item(item=existing, column=row.column, actor=actor)
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
