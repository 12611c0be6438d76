"""A mining-right notice's item went live at the end of 三审: record it."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from gongkai.core.page_cache import invalidate_on_save
from gongkai.mining_rights.models import (
    MiningApproval,
    MiningDisclosure,
    MiningNotice,
    MiningRightTransfer,
)

# The portal's /mining-rights/ pages show these records.
invalidate_on_save(MiningRightTransfer, MiningApproval, MiningDisclosure, MiningNotice)


@receiver(page_published)
def mining_notice_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.mining_rights.services import record_notice_publication

    if MiningNotice.objects.filter(item_id=instance.pk).exists():
        record_notice_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )


@receiver(page_unpublished)
def mining_notice_item_withdrawn(sender, instance, **kwargs):
    """撤稿: the notice is off the portal and a draft again."""
    from django.db import transaction

    from gongkai.publishing.generated import mark_withdrawn

    with transaction.atomic():
        mark_withdrawn(model=MiningNotice, item=instance)
