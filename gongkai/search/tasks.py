"""Background work of the search index."""

from django_tasks import task

from gongkai.search import services


@task()
def index_page_task(page_id: int) -> bool:
    return services.index_page(page_id=page_id)
