"""A land-market notice's item went live at the end of 三审: record the
notice as published (idempotent bookkeeping, so a signal is the right
place)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from gongkai.core.page_cache import invalidate_on_save
from gongkai.land_market.models import (
    LandMarketNotice,
    Parcel,
    SupplyPlan,
    SupplyPlanLine,
    TransferAnnouncement,
)

# The portal's /land-market/ pages show these records.
invalidate_on_save(
    SupplyPlan, SupplyPlanLine, TransferAnnouncement, Parcel, LandMarketNotice
)


@receiver(page_published)
def land_notice_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.land_market.services import record_notice_publication

    if LandMarketNotice.objects.filter(item_id=instance.pk).exists():
        record_notice_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )


@receiver(page_unpublished)
def land_notice_item_withdrawn(sender, instance, **kwargs):
    """撤稿: the notice is off the portal and a draft again."""
    from django.db import transaction

    from gongkai.publishing.generated import mark_withdrawn

    with transaction.atomic():
        mark_withdrawn(model=LandMarketNotice, item=instance)
