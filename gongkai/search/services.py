"""Keeping the search index in step with what is published."""

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.search.backends import backend
from gongkai.search.models import SearchEntry
from gongkai.search.tokens import index_tokens


def entry_tokens(entry: SearchEntry) -> tuple[list[str], ...]:
    return (
        index_tokens(entry.title),
        index_tokens(entry.meta_text),
        index_tokens(f"{entry.summary}\n{entry.body}"),
        index_tokens(entry.attachment_text),
    )


def build_entry(item: GovernmentInformationPage) -> SearchEntry:
    """The index entry of a published item."""
    column = item.get_parent()
    published_at = item.first_published_at or timezone.now()
    attachment_text = "\n".join(
        f"{attachment.display_title}\n{attachment.document.extracted_text}"
        for attachment in item.attachments.select_related("document")
    )
    return SearchEntry(
        page_id=item.pk,
        agency_id=item.agency_id,
        column_id=column.pk,
        column_path=column.path,
        url=item.url or "",
        title=item.title,
        document_number=item.document_number,
        index_number=item.index_number or "",
        publisher=item.publisher_name,
        keywords=item.keywords,
        validity=item.validity,
        published_at=published_at,
        year=timezone.localtime(published_at).year,
        summary=item.summary,
        body=item.body_text,
        attachment_text=attachment_text,
    )


def _is_searchable(page: Page) -> bool:
    return (
        isinstance(page, GovernmentInformationPage)
        and page.live
        and not page.get_view_restrictions().exists()
    )


@transaction.atomic
def index_page(*, page_id: int) -> bool:
    """Bring the index entry of page ``page_id`` (and of its descendants, when
    it is a column that moved or changed visibility) up to date.

    Returns whether the page itself is now in the index.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_entries(page_ids=[page_id])
        return False
    page = page.specific
    if not isinstance(page, GovernmentInformationPage):
        descendants = GovernmentInformationPage.objects.descendant_of(page)
        for item in descendants.iterator():
            _reindex_item(item)
        return False
    return _reindex_item(page)


def _reindex_item(item: GovernmentInformationPage) -> bool:
    if not _is_searchable(item):
        remove_entries(page_ids=[item.pk])
        return False
    store_entries([build_entry(item)])
    return True


@transaction.atomic
def store_entries(entries: Iterable[SearchEntry]) -> int:
    """Insert or replace ``entries`` and their full-text rows; returns how
    many were stored."""
    entries = list(entries)
    if not entries:
        return 0
    engine = backend()
    old = SearchEntry.objects.in_bulk([entry.page_id for entry in entries])
    with connection.cursor() as cursor:
        for page_id, old_entry in old.items():
            engine.delete(cursor, page_id, entry_tokens(old_entry))
        SearchEntry.objects.filter(page_id__in=old.keys()).delete()
        SearchEntry.objects.bulk_create(entries)
        engine.insert_many(
            cursor, ((entry.page_id, entry_tokens(entry)) for entry in entries)
        )
    return len(entries)


@transaction.atomic
def remove_entries(*, page_ids: Iterable[int]) -> None:
    engine = backend()
    old = SearchEntry.objects.in_bulk(list(page_ids))
    with connection.cursor() as cursor:
        for page_id, old_entry in old.items():
            engine.delete(cursor, page_id, entry_tokens(old_entry))
    SearchEntry.objects.filter(page_id__in=old.keys()).delete()


def rebuild_index(*, batch_size: int = 500) -> int:
    """Empty the index and index every published item again."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            backend().clear(cursor)
        SearchEntry.objects.all().delete()
    count = 0
    items = (
        GovernmentInformationPage.objects.live()
        .public()
        .select_related("agency")
        .order_by("pk")
    )
    batch: list[SearchEntry] = []
    for item in items.iterator(chunk_size=batch_size):
        batch.append(build_entry(item))
        if len(batch) >= batch_size:
            count += store_entries(batch)
            batch = []
    count += store_entries(batch)
    return count
