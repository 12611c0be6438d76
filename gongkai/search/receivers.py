"""The index follows the publish event."""

from django.db import connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from gongkai.core.events import publication_changed
from gongkai.search.backends import backend_for
from gongkai.search.models import SearchEntry
from gongkai.search.tasks import index_page_task


@receiver(publication_changed)
def update_search_index(sender, page_id, change, **kwargs):
    index_page_task.enqueue(page_id)


@receiver(post_migrate)
def forget_full_text_rows_of_flushed_entries(sender, using, **kwargs):
    # ``flush`` empties every model table and then sends post_migrate; the
    # full-text table is not a model and must be emptied with it.
    if sender.label != "portal_search":
        return
    if not SearchEntry.objects.using(using).exists():
        with connections[using].cursor() as cursor:
            backend_for(connections[using]).clear(cursor)
