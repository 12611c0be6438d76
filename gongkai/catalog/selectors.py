"""Reads of the guide and the catalogue: the facts the guide is built from,
the guide in force and its versions, the catalogue now or on a past day."""

import datetime as dt

from django.conf import settings
from django.db.models import Max, QuerySet
from django.urls import reverse

from gongkai.accounts.models import Agency
from gongkai.catalog import guide
from gongkai.catalog.columns import ROOT_SLUG
from gongkai.catalog.models import CatalogEntry, GuideVersion


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def guide_facts(*, agency: Agency) -> guide.GuideFacts:
    from gongkai.applications import deadlines
    from gongkai.publishing.models import ColumnPage

    office = agency.departments.filter(is_office=True).first()
    root = ColumnPage.objects.filter(agency=agency, slug=ROOT_SLUG).first()
    columns = ()
    if root is not None:
        columns = tuple(
            guide.ColumnFact(
                title=column.title,
                depth=column.depth - root.depth,
                description=column.description,
                url=column.url_path,
            )
            for column in ColumnPage.objects.live()
            .public()
            .descendant_of(root)
            .order_by("path")
        )
    return guide.GuideFacts(
        agency_name=agency.name,
        office_name=f"{agency.name}{office.name}" if office else "",
        address=agency.address,
        postcode=agency.postcode,
        office_hours=agency.office_hours,
        phone=(office.phone if office and office.phone else agency.phone),
        fax=agency.fax,
        email=agency.email,
        portal_url=_absolute("/"),
        apply_url=_absolute(reverse("apply")),
        catalogue_url=_absolute(reverse("catalogue")),
        search_url=_absolute(reverse("search")),
        columns=columns,
        reply_working_days=deadlines.REPLY_WORKING_DAYS,
        extension_working_days=deadlines.MAX_EXTENSION_WORKING_DAYS,
    )


def current_guide(*, agency: Agency) -> GuideVersion | None:
    return GuideVersion.objects.filter(agency=agency).first()


def guide_versions(*, agency: Agency) -> QuerySet[GuideVersion]:
    return GuideVersion.objects.filter(agency=agency)


def guide_is_current(*, agency: Agency) -> bool:
    """Whether the guide in force says what the agency's record and column
    tree say today."""
    version = current_guide(agency=agency)
    return version is not None and version.digest == guide.digest(
        guide.build_guide(guide_facts(agency=agency))
    )


def guide_changed_on(*, agency: Agency) -> dt.date | None:
    from django.utils import timezone

    version = current_guide(agency=agency)
    return timezone.localdate(version.created_at) if version else None


def catalogue_entries(
    *,
    agency: Agency,
    as_of: dt.date | None = None,
    column: str = "",
    year: int | None = None,
) -> QuerySet[CatalogEntry]:
    """The catalogue's lines, now or at the end of ``as_of``, newest first."""
    entries = CatalogEntry.objects.filter(agency=agency)
    entries = entries.as_of(as_of) if as_of else entries.current()
    if column:
        entries = entries.filter(column=column)
    if year:
        entries = entries.filter(written_on__year=year)
    return entries.order_by("-published_on", "-pk")


def catalogue_columns(*, agency: Agency) -> list[str]:
    return list(
        CatalogEntry.objects.filter(agency=agency)
        .current()
        .order_by("column")
        .values_list("column", flat=True)
        .distinct()
    )


def catalogue_changed_on(*, agency: Agency) -> dt.date | None:
    """The last day a line entered or left the catalogue."""
    entries = CatalogEntry.objects.filter(agency=agency)
    dates = entries.aggregate(added=Max("valid_from"), removed=Max("valid_to"))
    return max((day for day in dates.values() if day), default=None)


def catalogue_version_days(*, agency: Agency, limit: int = 30) -> list[dt.date]:
    """The days the catalogue changed, newest first: its dated versions."""
    entries = CatalogEntry.objects.filter(agency=agency)
    days = set(entries.values_list("valid_from", flat=True).distinct())
    days |= set(
        entries.filter(valid_to__isnull=False)
        .values_list("valid_to", flat=True)
        .distinct()
    )
    return sorted(days, reverse=True)[:limit]


def catalogue_is_current(*, agency: Agency) -> bool:
    """Whether the catalogue lists exactly the agency's published items."""
    from gongkai.publishing.models import GovernmentInformationPage

    published = set(
        GovernmentInformationPage.objects.live()
        .public()
        .filter(agency=agency, first_published_at__isnull=False)
        .values_list("pk", flat=True)
    )
    listed = set(
        CatalogEntry.objects.filter(agency=agency)
        .current()
        .values_list("page_id", flat=True)
    )
    return published == listed


def catalogue_stamp(*, agency: Agency) -> str:
    """Changes whenever a line of the agency's catalogue does."""
    from django.db.models import Count

    stamp = CatalogEntry.objects.filter(agency=agency).aggregate(
        changed=Max("updated_at"), lines=Count("pk")
    )
    changed = stamp["changed"].isoformat() if stamp["changed"] else "-"
    return f"{changed}:{stamp['lines']}"
