"""An adoption report's item went live at the end of 三审: record the report
as published (idempotent bookkeeping, so a signal is the right place)."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def adoption_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.consultations.models import AdoptionReport
    from gongkai.consultations.services import record_adoption_publication

    if AdoptionReport.objects.filter(item_id=instance.pk).exists():
        record_adoption_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )
