"""A mining-right notice's item went live at the end of 三审: record it."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def mining_notice_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.mining_rights.models import MiningNotice
    from gongkai.mining_rights.services import record_notice_publication

    if MiningNotice.objects.filter(item_id=instance.pk).exists():
        record_notice_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )
