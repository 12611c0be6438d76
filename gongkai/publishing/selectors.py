"""Reads of the portal: what a visitor sees in a column, on the home page and
on an item page."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from wagtail.models import Page

from gongkai.accounts.models import Agency
from gongkai.catalog.choices import Validity
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


# Content other capabilities show on a column's page (the generated guide on
# the 指南 column, for one): functions registered for this Wagtail hook take
# ``column`` and ``request`` and return HTML, or "" for nothing.
COLUMN_CONTENT_HOOK = "column_page_content"


def column_content(*, column: ColumnPage, request) -> list[str]:
    from wagtail import hooks

    return [
        html
        for content in hooks.get_hooks(COLUMN_CONTENT_HOOK)
        if (html := content(column=column, request=request))
    ]


# Columns a capability fills without items report when that content last
# changed (site health must not count them as empty or stale): functions
# registered for this hook take ``column`` and return a date or None.
COLUMN_UPDATED_HOOK = "column_content_updated_on"


def generated_content_updated_on(*, column: ColumnPage) -> date | None:
    from wagtail import hooks

    days = [day for updated_on in hooks.get_hooks(COLUMN_UPDATED_HOOK)
            if (day := updated_on(column=column))]  # fmt: skip
    return max(days, default=None)


# Other capabilities link an item to what they know of it (the decision it
# belongs to, the evaluation of it): functions registered for this hook take
# ``item`` and return (label, title, url) triples shown under 相关信息.
ITEM_LINKS_HOOK = "item_related_links"


def item_related_links(
    *, item: GovernmentInformationPage
) -> list[tuple[str, str, str]]:
    from wagtail import hooks

    return [
        link for links in hooks.get_hooks(ITEM_LINKS_HOOK) for link in links(item=item)
    ]


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


def document_is_public(*, document) -> bool:
    """Whether the public may download ``document``: it is an attachment
    of a live item, or a live page's content refers to it. A file uploaded
    for a draft under review may hold what the pre-review is there to stop
    (personal data), so it stays private until its item goes live."""
    from wagtail.models import ReferenceIndex

    if ItemAttachment.objects.filter(document=document, item__live=True).exists():
        return True
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(
            base_content_type__model="page", base_content_type__app_label="wagtailcore"
        )
        .values_list("object_id", flat=True)
    ]
    return Page.objects.filter(pk__in=page_ids, live=True).exists()


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


@dataclass(frozen=True)
class Timeliness:
    """An item measured against its 20-working-day publication deadline."""

    item: GovernmentInformationPage
    due_on: date
    provisional: bool
    status: str  # "late" | "overdue" | "due_soon" | "pending" | "on_time"


def publication_timeliness(
    *, agency: Agency, today: date, since: date | None = None
) -> list[Timeliness]:
    """Every item of ``agency`` with its deadline (条例 Art. 26): drafts due
    soon or overdue, and published items marked on time or late (超期补录),
    most urgent first."""
    from gongkai.core.selectors import working_day_calendar
    from gongkai.publishing import deadlines

    calendar = working_day_calendar()
    items = GovernmentInformationPage.objects.filter(agency=agency).select_related(
        "department"
    )
    if since is not None:
        items = items.filter(written_on__gte=since)
    rows = []
    for item in items:
        deadline = deadlines.publication_due(
            formed_on=item.formed_on, calendar=calendar
        )
        published_on = item.published_on
        if published_on is not None:
            status = (
                "late"
                if deadlines.is_published_late(
                    published_on=published_on, due_on=deadline.due_on
                )
                else "on_time"
            )
        elif today > deadline.due_on:
            status = "overdue"
        elif (
            calendar.working_days_between(today, deadline.due_on)
            <= deadlines.DUE_SOON_WORKING_DAYS
        ):
            status = "due_soon"
        else:
            status = "pending"
        rows.append(Timeliness(item, deadline.due_on, deadline.provisional, status))
    order = {"overdue": 0, "due_soon": 1, "pending": 2, "late": 3, "on_time": 4}
    return sorted(rows, key=lambda row: (order[row.status], row.due_on))


@dataclass(frozen=True)
class LateInterpretation:
    interpretation: GovernmentInformationPage
    document: GovernmentInformationPage
    working_days_late: int
    exceeds_limit: bool


def late_interpretations(*, agency: Agency, limit: int) -> list[LateInterpretation]:
    """Published interpretations that went public after their document, with
    how many working days later (三同步; local rules allow at most ``limit``,
    domain-rules §6 and §7 item 13)."""
    from gongkai.core.selectors import working_day_calendar

    calendar = working_day_calendar()
    rows = []
    for interpretation in (
        published_items()
        .filter(agency=agency, interprets__isnull=False)
        .select_related("interprets")
    ):
        document = interpretation.interprets
        if document.published_on is None:
            continue
        if interpretation.published_on <= document.published_on:
            continue
        late = calendar.working_days_between(
            document.published_on, interpretation.published_on
        )
        rows.append(LateInterpretation(interpretation, document, late, late > limit))
    return rows


def proactive_disclosure_figures(*, agency: Agency, year: int) -> dict:
    """Table 二 of the annual report (主动公开政府信息情况, 2021 format) as far
    as the platform holds the facts: the 行政规范性文件 it published (items
    in the columns that require an interpretation). Figures kept in other
    systems (规章, 行政许可, 行政处罚, 行政强制, 行政事业性收费) are ``None``
    until entered."""
    from datetime import date

    from django.db.models import Q

    last = date(year, 12, 31)
    columns = ColumnPage.objects.filter(agency=agency, requires_interpretation=True)
    under = Q(pk__in=[])
    for column in columns:
        under |= Q(path__startswith=column.path, depth__gt=column.depth)
    documents = GovernmentInformationPage.objects.filter(
        under, agency=agency, first_published_at__isnull=False
    )
    ended = [Validity.EXPIRED, Validity.REPEALED]
    normative = {
        "本年制发件数": documents.filter(written_on__year=year).count(),
        "本年废止件数": documents.filter(
            validity__in=ended, validity_changed_on__year=year
        ).count(),
        "现行有效件数": documents.filter(written_on__lte=last)
        .filter(
            Q(validity=Validity.VALID)
            | Q(validity__in=ended, validity_changed_on__gt=last)
        )
        .count(),
    }
    not_held = dict.fromkeys(("本年制发件数", "本年废止件数", "现行有效件数"))
    return {
        "第二十条第（一）项": {"规章": not_held, "行政规范性文件": normative},
        "第二十条第（五）项": {"行政许可": {"本年处理决定数量": None}},
        "第二十条第（六）项": {
            "行政处罚": {"本年处理决定数量": None},
            "行政强制": {"本年处理决定数量": None},
        },
        "第二十条第（八）项": {"行政事业性收费": {"本年收费金额（单位：万元）": None}},
    }
