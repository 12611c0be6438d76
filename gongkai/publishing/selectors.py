"""Reads of the portal: what a visitor sees in a column, on the home page and
on an item page."""

from datetime import date

from django.db.models import QuerySet
from wagtail.models import Page

from gongkai.accounts.models import Agency
from gongkai.publishing.models import (
    ColumnPage,
    GovernmentInformationPage,
    ItemAttachment,
    PortalHomePage,
)


def published_items() -> QuerySet[GovernmentInformationPage]:
    return (
        GovernmentInformationPage.objects.live()
        .public()
        .select_related("agency")
        .order_by("-first_published_at", "-pk")
    )


def column_items(*, column: ColumnPage) -> QuerySet[GovernmentInformationPage]:
    """Items of ``column`` and of its sub-columns, newest first."""
    return published_items().descendant_of(column)


def latest_items(*, root: Page, limit: int) -> list[GovernmentInformationPage]:
    return list(published_items().descendant_of(root)[:limit])


def subcolumns(*, column: Page) -> QuerySet[ColumnPage]:
    return ColumnPage.objects.live().public().child_of(column).order_by("path")


def home_column_sections(
    *, home: PortalHomePage, per_column: int = 6
) -> list[tuple[ColumnPage, list[GovernmentInformationPage]]]:
    """The leaf columns that hold items, each with its latest items, in tree
    order: the blocks of the portal home."""
    sections = []
    columns = list(
        ColumnPage.objects.live().public().descendant_of(home).order_by("path")
    )
    parent_paths = {column.path[: -ColumnPage.steplen] for column in columns}
    leaves = [column for column in columns if column.path not in parent_paths]
    for column in leaves:
        items = list(published_items().child_of(column)[:per_column])
        if items:
            sections.append((column, items))
    return sections


def item_attachments(*, item: GovernmentInformationPage) -> list[ItemAttachment]:
    return list(item.attachments.select_related("document").order_by("sort_order"))


def item_interpretations(
    *, item: GovernmentInformationPage
) -> list[GovernmentInformationPage]:
    """Published interpretations of ``item``: the other half of the two-way
    link between a document and its 解读."""
    return list(published_items().filter(interprets=item))


def breadcrumbs(*, page: Page) -> list[Page]:
    """Ancestors below the tree root, then the page itself."""
    return [*page.get_ancestors().filter(depth__gt=1).specific(), page]


def column_by_path(*, root: Page, column_path: str) -> ColumnPage | None:
    """The column reached from ``root`` by titles separated by "/", e.g.
    "法定主动公开内容/政策文件/行政规范性文件"."""
    current: Page = root
    for title in [
        part.strip() for part in column_path.strip("/").split("/") if part.strip()
    ]:
        child = ColumnPage.objects.child_of(current).filter(title=title).first()
        if child is None:
            return None
        current = child
    return current if isinstance(current, ColumnPage) else None


def find_item_by_identity(
    *, agency: Agency, document_number: str, title: str, written_on: date
) -> GovernmentInformationPage | None:
    """The agency's item a bulk-import row stands for, so that importing the
    same sheet again updates items instead of duplicating them.

    A 文号 names one document of the issuing agency, so it decides when
    present; otherwise 标题 and 成文日期 together do. Drafts and unpublished
    items count too: they are the same document."""
    items = GovernmentInformationPage.objects.filter(agency=agency).order_by("pk")
    if document_number:
        return items.filter(document_number=document_number).first()
    return items.filter(title=title, written_on=written_on).first()
