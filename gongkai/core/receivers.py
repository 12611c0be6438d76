"""Turn Wagtail's page signals into the one publish event, and changes of
the working-day calendar into ``calendar_changed``, after commit; stamp the
client address on audit entries."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from gongkai.core import events, page_cache
from gongkai.core.audit import current_client_address
from gongkai.core.models import CalendarOverride, HolidayArrangement


def _announce(page_id: int, change: str) -> None:
    def send() -> None:
        events.publication_changed.send(sender=Page, page_id=page_id, change=change)

    transaction.on_commit(send)


@receiver(page_published)
def announce_published(sender, instance, **kwargs):
    _announce(instance.pk, events.PUBLISHED)


@receiver(page_unpublished)
def announce_unpublished(sender, instance, **kwargs):
    _announce(instance.pk, events.UNPUBLISHED)


@receiver(post_page_move)
def announce_moved(sender, instance, **kwargs):
    _announce(instance.pk, events.MOVED)


@receiver(post_delete)
def announce_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is Page:
        _announce(instance.pk, events.DELETED)


@receiver(events.publication_changed)
def invalidate_page_cache(sender, **kwargs):
    page_cache.invalidate()


@receiver(pre_save, sender=PageLogEntry)
@receiver(pre_save, sender=ModelLogEntry)
def stamp_client_address(sender, instance, **kwargs):
    address = current_client_address()
    if address and instance._state.adding:
        data = dict(instance.data or {})
        data.setdefault("client_address", address)
        instance.data = data


def _send_calendar_changed() -> None:
    events.calendar_changed.send(sender=CalendarOverride)


@receiver(post_save, sender=CalendarOverride)
@receiver(post_delete, sender=CalendarOverride)
@receiver(post_save, sender=HolidayArrangement)
@receiver(post_delete, sender=HolidayArrangement)
def announce_calendar_changed(sender, **kwargs):
    """Once per transaction, however many days a notice loads."""
    pending = transaction.get_connection().run_on_commit
    if any(entry[1] is _send_calendar_changed for entry in pending):
        return
    transaction.on_commit(_send_calendar_changed)
