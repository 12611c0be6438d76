"""Read-only endpoints; they speak only of published, public content."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from gongkai.api.schemas import ColumnOut, ItemOut, ItemPageOut, ItemSummaryOut
from gongkai.publishing import selectors
from gongkai.publishing.models import ColumnPage

router = Router()
MAX_LIMIT = 100


def _column_out(column: ColumnPage) -> ColumnOut:
    parent = column.get_parent()
    return ColumnOut(
        id=column.pk,
        title=column.title,
        url=column.get_url() or "",
        parent_id=parent.pk if isinstance(parent.specific, ColumnPage) else None,
        description=column.description,
    )


def _summary(item) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "url": item.get_url() or "",
        "index_number": item.index_number or "",
        "document_number": item.document_number,
        "publisher": item.publisher_name,
        "written_on": item.written_on,
        "published_on": item.published_on,
        "topic": item.get_topic_display(),
        "genre": item.get_genre_display(),
        "validity": item.get_validity_display(),
        "column_id": item.get_parent().pk,
    }


@router.get("/columns", response=list[ColumnOut], summary="栏目列表")
def list_columns(request):
    return [
        _column_out(column)
        for column in ColumnPage.objects.live().public().order_by("path")
    ]


@router.get("/columns/{column_id}", response=ColumnOut, summary="栏目详情")
def get_column(request, column_id: int):
    column = get_object_or_404(ColumnPage.objects.live().public(), pk=column_id)
    return _column_out(column)


class ItemFilters(Schema):
    column: int | None = None
    year: int | None = None
    validity: str | None = None
    limit: int = 20
    offset: int = 0


@router.get("/items", response=ItemPageOut, summary="政府信息列表")
def list_items(request, filters: Query[ItemFilters]):
    items = selectors.published_items()
    if filters.column:
        column = get_object_or_404(ColumnPage.objects.live(), pk=filters.column)
        items = items.descendant_of(column)
    if filters.year:
        items = items.filter(first_published_at__year=filters.year)
    if filters.validity:
        items = items.filter(validity=filters.validity)
    limit = max(1, min(filters.limit, MAX_LIMIT))
    offset = max(0, filters.offset)
    page = list(items[offset : offset + limit])
    return {"count": items.count(), "items": [_summary(item) for item in page]}


@router.get("/items/{item_id}", response=ItemOut, summary="政府信息详情")
def get_item(request, item_id: int):
    item = get_object_or_404(selectors.published_items(), pk=item_id)
    return {
        **_summary(item),
        "validity_changed_on": item.validity_changed_on,
        "keywords": item.keywords,
        "summary": item.summary,
        "body_text": item.body_text,
        "attachments": [
            {
                "title": attachment.display_title,
                "url": attachment.document.url,
                "file_extension": attachment.document.file_extension,
            }
            for attachment in selectors.item_attachments(item=item)
        ],
        "interprets_id": item.interprets_id,
        "interpretation_ids": [
            interpretation.pk
            for interpretation in selectors.item_interpretations(item=item)
        ],
    }


__all__ = ["ItemSummaryOut", "router"]
