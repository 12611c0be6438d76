"""A mining-right notice's item went live at the end of 三审: record it."""

from django.dispatch import receiver
from wagtail.signals import page_published

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
