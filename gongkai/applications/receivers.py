"""Keep the stored deadlines of open cases true to the working-day
calendar: when a year's arrangement is loaded, provisional dates become
final."""

from django.dispatch import receiver

from gongkai.applications import services
from gongkai.core import events


@receiver(events.calendar_changed)
def recompute_open_deadlines(sender, **kwargs):
    services.refresh_open_deadlines()
