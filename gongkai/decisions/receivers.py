"""An evaluation's item went live at the end of 三审: record the evaluation
as published (idempotent bookkeeping, so a signal is the right place)."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def evaluation_item_published(sender, instance, revision=None, **kwargs):
    from gongkai.decisions.models import PolicyEvaluation
    from gongkai.decisions.services import record_evaluation_publication

    if PolicyEvaluation.objects.filter(item_id=instance.pk).exists():
        record_evaluation_publication(
            item=instance, actor=getattr(revision, "user", None) if revision else None
        )
