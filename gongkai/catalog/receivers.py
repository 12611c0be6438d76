"""The guide and the catalogue follow what they are made from: the publish
event (items and columns), and the agency and office records."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.accounts.models import Agency, Department
from gongkai.core.events import publication_changed


def _refresh_guide_after_commit(agency_id: int) -> None:
    def refresh() -> None:
        from gongkai.catalog.services import refresh_guide

        agency = Agency.objects.filter(pk=agency_id).first()
        if agency is not None:
            refresh_guide(agency=agency)

    transaction.on_commit(refresh)


@receiver(publication_changed)
def follow_publication(sender, page_id, change, **kwargs):
    from gongkai.catalog.services import sync_catalogue_entry
    from gongkai.publishing.models import ColumnPage

    sync_catalogue_entry(page_id=page_id)
    column = ColumnPage.objects.filter(pk=page_id).only("agency_id").first()
    if column is not None and column.agency_id:
        _refresh_guide_after_commit(column.agency_id)


@receiver(post_save, sender=Agency)
def follow_agency(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh_guide_after_commit(instance.pk)


@receiver(post_save, sender=Department)
def follow_office(sender, instance, raw=False, **kwargs):
    if not raw and instance.is_office:
        _refresh_guide_after_commit(instance.agency_id)
