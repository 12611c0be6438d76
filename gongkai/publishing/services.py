"""Write operations on the portal: the column tree and government-information
items. Publishing goes through Wagtail revisions, so every change has its
history and its audit entry."""

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Site

from gongkai.accounts.models import Agency, Department, User
from gongkai.catalog.choices import Genre, Topic, Validity
from gongkai.catalog.columns import ROOT_SLUG, ROOT_TITLE, STANDARD_COLUMNS, ColumnSpec
from gongkai.core.html import sanitize_html
from gongkai.publishing.errors import (
    InterpretationRefusedError,
    SubmissionRefusedError,
    WithdrawalRefusedError,
)
from gongkai.publishing.extraction import extract_text
from gongkai.publishing.models import (
    Attachment,
    ColumnPage,
    GovernmentInformationPage,
    ItemAttachment,
    PortalHomePage,
)
from gongkai.publishing.uploads import check_upload

# Historical items keep their original date; 09:00 Beijing time stands in
# for the unknown hour.
HISTORICAL_PUBLISH_TIME = time(9, 0)


@transaction.atomic
def create_portal(
    *, agency: Agency, hostname: str = "127.0.0.1", port: int = 8000
) -> PortalHomePage:
    """The agency's portal home as the default site's root (idempotent)."""
    home = PortalHomePage.objects.filter(agency=agency).first()
    if home is None:
        tree_root = Page.get_first_root_node()
        # Wagtail's installation leaves a placeholder welcome page.
        for placeholder in tree_root.get_children().filter(
            content_type__model="page", slug="home"
        ):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        tree_root.refresh_from_db()
        home = tree_root.add_child(
            instance=PortalHomePage(
                title=agency.name,
                slug="home",
                agency=agency,
                introduction=f"{agency.name}政府信息公开平台",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=agency.name,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = agency.name
        site.save()
    if agency.site_id != site.pk:
        agency.site = site
        agency.save(update_fields=["site", "updated_at"])
    return home


@transaction.atomic
def create_standard_columns(
    *, home: PortalHomePage, specs: tuple[ColumnSpec, ...] = STANDARD_COLUMNS
) -> dict[str, ColumnPage]:
    """The 政府信息公开 column tree under ``home`` (idempotent: existing
    columns of the same title are kept). Returns the columns by path."""
    columns: dict[str, ColumnPage] = {}
    root = _ensure_column(
        parent=home,
        spec=ColumnSpec(
            ROOT_TITLE, ROOT_SLUG, "法定主动公开内容及政府信息公开工作信息。"
        ),
    )
    columns[""] = root

    def build(parent: Page, specs: tuple[ColumnSpec, ...], prefix: str) -> None:
        for spec in specs:
            column = _ensure_column(parent=parent, spec=spec)
            path = f"{prefix}{spec.title}"
            columns[path] = column
            build(column, spec.children, f"{path}/")

    build(root, specs, "")
    return columns


def _ensure_column(*, parent: Page, spec: ColumnSpec) -> ColumnPage:
    existing = ColumnPage.objects.child_of(parent).filter(title=spec.title).first()
    if existing is not None:
        return existing
    column = ColumnPage(
        title=spec.title,
        slug=spec.slug,
        description=spec.description,
        kind=spec.kind,
        update_interval_days=spec.update_interval_days,
        requires_interpretation=spec.requires_interpretation,
        holds_interpretations=spec.holds_interpretations,
    )
    parent.add_child(instance=column)
    column.save_revision().publish()
    return column


def departments_of_columns(
    *, specs: tuple[ColumnSpec, ...] = STANDARD_COLUMNS, prefix: str = ""
) -> dict[str, list[str]]:
    """Department name → column paths it is responsible for."""
    result: dict[str, list[str]] = {}
    for spec in specs:
        path = f"{prefix}{spec.title}"
        for name in spec.departments:
            result.setdefault(name, []).append(path)
        for name, paths in departments_of_columns(
            specs=spec.children, prefix=f"{path}/"
        ).items():
            result.setdefault(name, []).extend(paths)
    return result


@dataclass
class AttachmentFile:
    name: str
    data: bytes
    title: str = ""


@dataclass
class ItemData:
    """What an item says, independent of where it comes from (form, import,
    demo data)."""

    title: str
    written_on: date
    document_number: str = ""
    publisher: str = ""
    topic: str = Topic.LAND_ENERGY
    genre: str = Genre.NOTICE
    validity: str = Validity.VALID
    validity_changed_on: date | None = None
    keywords: str = ""
    summary: str = ""
    body_html: str = ""
    department: Department | None = None
    interprets: GovernmentInformationPage | None = None
    attachments: list[AttachmentFile] = field(default_factory=list)


def publish_datetime(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, HISTORICAL_PUBLISH_TIME))


@transaction.atomic
def publish_item(
    *,
    column: ColumnPage,
    data: ItemData,
    published_on: date | None = None,
    existing: GovernmentInformationPage | None = None,
    actor: User | None,
) -> GovernmentInformationPage:
    """Create (or update ``existing``) and publish an item in ``column``.

    ``published_on`` is for items that were published before, elsewhere
    (imports): the item keeps that date as its 发布日期 and the year of its
    索引号. The whole operation is one transaction: a failure leaves nothing.
    """
    item = existing or GovernmentInformationPage()
    item.title = data.title
    item.document_number = data.document_number
    item.written_on = data.written_on
    item.publisher = data.publisher
    item.topic = data.topic
    item.genre = data.genre
    item.validity = data.validity
    item.validity_changed_on = data.validity_changed_on
    item.keywords = data.keywords
    item.summary = data.summary
    item.department = data.department
    item.interprets = data.interprets
    item.body = (
        [("html", sanitize_html(data.body_html))] if data.body_html.strip() else []
    )
    if published_on is not None and (
        item.first_published_at is None
        or timezone.localdate(item.first_published_at) != published_on
    ):
        item.first_published_at = publish_datetime(published_on)
    if existing is None:
        # Short, stable, ASCII addresses in the style of government portals
        # (t20230425_…); a title makes an unreadable percent-encoded URL.
        day = published_on or timezone.localdate()
        item.slug = f"t{day:%Y%m%d}-{secrets.token_hex(3)}"
        column.add_child(instance=item)
    replaced_documents: list[int] = []
    if data.attachments:
        replaced_documents = list(
            item.attachments.values_list("document_id", flat=True)
        )
        item.attachments = [
            ItemAttachment(
                document=store_attachment(file=file, actor=actor),
                title=file.title,
                sort_order=order,
            )
            for order, file in enumerate(data.attachments)
        ]
    item.full_clean(exclude=["path", "depth", "url_path", "slug"])
    item.save_revision(user=actor, log_action=True).publish(user=actor)
    # A replaced attachment is withdrawn: its download address must not
    # keep serving it.
    Attachment.objects.filter(pk__in=replaced_documents).exclude(
        pk__in=ItemAttachment.objects.values("document_id")
    ).delete()
    item.refresh_from_db()
    return item


@transaction.atomic
def submit_generated_item(
    *,
    column: ColumnPage,
    data: ItemData,
    existing: GovernmentInformationPage | None,
    slug: str,
    actor: User,
) -> GovernmentInformationPage:
    """Send a document the platform wrote (an annual report, an adoption
    report, an evaluation) to 三审 as an item of ``column``: a new item, or
    the new revision of ``existing`` while that is not live. Nothing is
    published here; the item goes live at the end of its review. Files of an
    earlier submission are not kept: their address must not serve a version
    the reviewers never approved."""
    workflow = column.get_workflow()
    if workflow is None:
        raise SubmissionRefusedError(
            _("“%(column)s”栏目未配置三审流程，无法送审。") % {"column": column.title}
        )
    item = existing
    if item is None or item.live:
        item = GovernmentInformationPage(slug=slug, live=False, owner=actor)
    item.title = data.title
    item.written_on = data.written_on
    item.publisher = data.publisher
    item.department = data.department
    item.genre = data.genre
    item.topic = data.topic
    item.summary = data.summary
    item.interprets = data.interprets
    item.body = (
        [("html", sanitize_html(data.body_html))] if data.body_html.strip() else []
    )
    replaced = (
        list(item.attachments.values_list("document_id", flat=True)) if item.pk else []
    )
    item.attachments = [
        ItemAttachment(
            document=store_attachment(file=file, actor=actor),
            title=file.title,
            sort_order=order,
        )
        for order, file in enumerate(data.attachments)
    ]
    if item.pk is None:
        column.add_child(instance=item)
    else:
        item.save()
    item.save_revision(user=actor, log_action=True)
    Attachment.objects.filter(pk__in=replaced).exclude(
        pk__in=ItemAttachment.objects.values("document_id")
    ).delete()
    state = item.current_workflow_state
    if state is not None:
        state.cancel(user=actor)
    workflow.start(item, actor)
    return item


def store_attachment(*, file: AttachmentFile, actor: User | None) -> Attachment:
    """Store an attachment with its extracted text; raises ValidationError
    when the content is not what its name says."""
    check_upload(name=file.name, data=file.data)
    extraction = extract_text(name=file.name, data=file.data)
    document = Attachment(
        title=file.title or file.name.rsplit(".", 1)[0],
        uploaded_by_user=actor,
        extracted_text=extraction.text,
    )
    document.file.save(file.name, ContentFile(file.data), save=False)
    document.save()
    return document


def move_item(
    *, item: GovernmentInformationPage, column: ColumnPage, actor: User | None
) -> GovernmentInformationPage:
    """Move ``item`` to the end of ``column``, renaming its slug if taken there.

    Wagtail's move permission check is skipped: the caller (the operator
    running an import) decided, and ``actor`` need not hold move permissions
    in the page tree. The move is still logged under ``actor``.
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


@transaction.atomic
def withdraw_item(
    *, item: GovernmentInformationPage, reason: str, actor: User
) -> GovernmentInformationPage:
    """Take a published item off the portal (撤稿), with the reason on record.

    Nothing is deleted: the item, its revisions and the audit entry stay.
    Only the office (办公室) or an administrator decides a withdrawal.
    Raises WithdrawalRefusedError.
    """
    reason = reason.strip()
    if not (actor.is_superuser or actor.is_in_office):
        raise WithdrawalRefusedError(_("撤稿须由办公室决定。"))
    if not item.live:
        raise WithdrawalRefusedError(_("该信息尚未发布，无需撤稿。"))
    if not reason:
        raise WithdrawalRefusedError(_("撤稿必须填写理由。"))
    UnpublishPageAction(item, user=actor, log_action=False).execute(
        skip_permission_checks=True
    )
    log(
        instance=item,
        action="publishing.withdrawn",
        user=actor,
        data={"reason": reason},
    )
    return item


@transaction.atomic
def draft_interpretation(
    *, item: GovernmentInformationPage, actor: User
) -> GovernmentInformationPage:
    """A draft 政策解读 of ``item`` in the agency's interpretation column,
    already linked to it, for ``actor`` to write and submit for review; the
    existing interpretation when the item has one. Raises
    InterpretationRefusedError."""
    existing = item.interpretations.order_by("pk").first()
    if existing is not None:
        return existing
    column = (
        ColumnPage.objects.filter(agency=item.agency, holds_interpretations=True)
        .order_by("path")
        .first()
    )
    if column is None:
        raise InterpretationRefusedError(
            _("本机关尚未设置政策解读栏目，请在栏目设置中勾选“政策解读栏目”。")
        )
    if not column.permissions_for_user(actor).can_add_subpage():
        raise InterpretationRefusedError(
            _("您没有在“%(column)s”栏目中起草信息的权限。") % {"column": column.title}
        )
    interpretation = GovernmentInformationPage(
        title=_("《%(title)s》政策解读") % {"title": item.title},
        slug=f"interpretation-{item.pk}-{secrets.token_hex(3)}",
        live=False,
        owner=actor,
        interprets=item,
        genre=Genre.INTERPRETATION,
        topic=item.topic,
        department=item.department,
        written_on=timezone.localdate(),
        summary=_("对《%(title)s》的解读。") % {"title": item.title},
    )
    column.add_child(instance=interpretation)
    interpretation.save_revision(user=actor, log_action=True)
    return interpretation
