"""The index follows the publish event."""

from django.dispatch import receiver

from gongkai.core.events import publication_changed
from gongkai.search.tasks import index_page_task


@receiver(publication_changed)
def update_search_index(sender, page_id, change, **kwargs):
    index_page_task.enqueue(page_id)
