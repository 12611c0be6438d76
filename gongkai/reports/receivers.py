"""A report's portal item went live at the end of 三审: record the report
as published (idempotent bookkeeping, so a signal is the right place)."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def report_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.reports.models import AnnualDisclosureReport
    from gongkai.reports.services import record_publication

    if AnnualDisclosureReport.objects.filter(item_id=instance.pk).exists():
        record_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )
