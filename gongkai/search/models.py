"""The search index: one entry per published item, with the text it is found by.

The full-text part lives beside it in a table the backend owns (an FTS5
virtual table on SQLite, a tsvector table with a GIN index on PostgreSQL),
keyed by the same page id.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    # Not a foreign key: when a page is deleted its entry must outlive it
    # until the full-text row is removed with the entry's tokens. A plain
    # integer key is SQLite's row id, the same number as the full-text row.
    page_id = models.IntegerField(primary_key=True)
    agency = models.ForeignKey(
        "accounts.Agency", null=True, on_delete=models.CASCADE, related_name="+"
    )
    column_id = models.BigIntegerField(null=True)
    # Tree path of the column: a column's descendants share its path prefix.
    column_path = models.CharField(max_length=255, db_index=True)
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=255)
    document_number = models.CharField(max_length=60, blank=True, db_index=True)
    index_number = models.CharField(max_length=60, blank=True, db_index=True)
    publisher = models.CharField(max_length=100, blank=True, db_index=True)
    keywords = models.CharField(max_length=200, blank=True)
    validity = models.CharField(max_length=20, db_index=True)
    published_at = models.DateTimeField(db_index=True)
    year = models.PositiveSmallIntegerField(db_index=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachment_text = models.TextField(blank=True)

    class Meta:
        # Matches are sets of page ids; this index answers the date and the
        # filters of each without reading the (long) entry rows.
        indexes = [
            models.Index(
                fields=["page_id", "published_at", "year", "validity", "publisher"],
                name="search_entry_match_filters",
            ),
            models.Index(
                fields=["published_at", "page_id"], name="search_entry_newest"
            ),
        ]
        verbose_name = _("检索条目")
        verbose_name_plural = _("检索条目")

    def __str__(self) -> str:
        return self.title

    @property
    def meta_text(self) -> str:
        # The 发布机构 is a filter, not text: nearly every item of an agency
        # names the same one.
        return " ".join([self.document_number, self.index_number, self.keywords])

    @property
    def full_text(self) -> str:
        return f"{self.summary}\n{self.body}\n{self.attachment_text}"
