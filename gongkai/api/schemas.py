"""Shapes of the API's answers."""

from datetime import date

from ninja import Schema


class ColumnOut(Schema):
    id: int
    title: str
    url: str
    parent_id: int | None
    description: str


class AttachmentOut(Schema):
    title: str
    url: str
    file_extension: str


class ItemSummaryOut(Schema):
    id: int
    title: str
    url: str
    index_number: str
    document_number: str
    publisher: str
    written_on: date
    published_on: date | None
    topic: str
    genre: str
    validity: str
    column_id: int


class ItemOut(ItemSummaryOut):
    validity_changed_on: date | None
    keywords: str
    summary: str
    body_text: str
    attachments: list[AttachmentOut]
    interprets_id: int | None
    interpretation_ids: list[int]


class ItemPageOut(Schema):
    count: int
    items: list[ItemSummaryOut]
