"""Writes of the guide and the catalogue: a new dated guide version when
what it says changes, and the catalogue's lines following the items."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from gongkai.accounts.models import Agency
from gongkai.catalog import guide, selectors
from gongkai.catalog.models import CatalogEntry, GuideVersion

ENTRY_FIELDS = (
    "index_number",
    "title",
    "summary",
    "written_on",
    "column",
    "publisher",
    "document_number",
    "published_on",
    "url",
)


@transaction.atomic
def refresh_guide(*, agency: Agency, actor=None) -> GuideVersion | None:
    """Make a new dated version of the agency's guide when its content
    differs from the one in force; returns the new version or None."""
    sections = guide.build_guide(selectors.guide_facts(agency=agency))
    fingerprint = guide.digest(sections)
    # One writer at a time per agency: two changes committed together must
    # not make two identical versions.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    current = selectors.current_guide(agency=agency)
    if current is not None and current.digest == fingerprint:
        return None
    version = GuideVersion.objects.create(
        agency=agency, sections=guide.sections_to_json(sections), digest=fingerprint
    )
    log(instance=version, action="catalog.guide_versioned", user=actor)
    return version


def _entry_values(item) -> dict:
    parent = item.get_parent()
    return {
        "index_number": item.index_number or "",
        "title": item.title,
        "summary": item.summary,
        "written_on": item.written_on,
        "column": parent.title if parent else "",
        "publisher": item.publisher_name,
        "document_number": item.document_number,
        "published_on": item.published_on,
        "url": item.get_url() or "",
    }


def _is_listed(item) -> bool:
    from gongkai.publishing.models import GovernmentInformationPage

    return (
        item is not None
        and item.live
        and item.first_published_at is not None
        and GovernmentInformationPage.objects.filter(pk=item.pk).public().exists()
    )


@transaction.atomic
def sync_catalogue_entry(*, page_id: int, today: dt.date | None = None) -> str:
    """Bring the item's catalogue line up to date: list it, change it (a new
    dated version of the line) or take it out. Returns what happened:
    "added", "changed", "removed" or "" for nothing."""
    from gongkai.publishing.models import GovernmentInformationPage

    today = today or timezone.localdate()
    item = (
        GovernmentInformationPage.objects.filter(pk=page_id)
        .select_related("agency")
        .first()
    )
    current = (
        CatalogEntry.objects.select_for_update()
        .filter(page_id=page_id)
        .current()
        .first()
    )
    if item is None or item.agency_id is None or not _is_listed(item):
        if current is None:
            return ""
        _close(current, today)
        return "removed"
    values = _entry_values(item)
    if current is not None:
        if all(getattr(current, name) == values[name] for name in ENTRY_FIELDS):
            return ""
        if current.valid_from == today:
            # Changed again the same day: one version a day.
            for name, value in values.items():
                setattr(current, name, value)
            current.save()
            return "changed"
        _close(current, today)
    CatalogEntry.objects.create(
        agency_id=item.agency_id, page_id=item.pk, valid_from=today, **values
    )
    return "changed" if current is not None else "added"


def _close(entry: CatalogEntry, today: dt.date) -> None:
    if entry.valid_from == today:
        # Listed and withdrawn the same day: the line never stood in a
        # day's catalogue.
        entry.delete()
        return
    entry.valid_to = today
    entry.save(update_fields=["valid_to", "updated_at"])


def rebuild_catalogue(*, agency: Agency, today: dt.date | None = None) -> dict:
    """Check every item of the agency against its catalogue line (after an
    import that bypassed the publish event, or as the daily repair)."""
    from gongkai.publishing.models import GovernmentInformationPage

    counts = {"added": 0, "changed": 0, "removed": 0}
    page_ids = set(
        GovernmentInformationPage.objects.filter(agency=agency).values_list(
            "pk", flat=True
        )
    ) | set(
        CatalogEntry.objects.filter(agency=agency)
        .current()
        .values_list("page_id", flat=True)
    )
    for page_id in sorted(page_ids):
        change = sync_catalogue_entry(page_id=page_id, today=today)
        if change:
            counts[change] += 1
    return counts
