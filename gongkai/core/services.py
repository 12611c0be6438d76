"""Writes of the shared kernel: loading a year's holiday arrangement into
the working-day calendar."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import log

from gongkai.core.models import CalendarOverride, HolidayArrangement


@dataclass(frozen=True)
class ArrangementDay:
    day: dt.date
    is_working_day: bool
    name: str = ""


@transaction.atomic
def load_holiday_arrangement(
    *, days: list[ArrangementDay], source: str = "", actor=None
) -> list[HolidayArrangement]:
    """Store the holidays and 调休 working days of one or more years' State
    Council arrangements, and mark those years as loaded: their deadlines
    stop being provisional. Idempotent; a day already stored is updated."""
    arrangements = []
    for year in sorted({entry.day.year for entry in days}):
        arrangement, created = HolidayArrangement.objects.update_or_create(
            year=year, defaults={"source": source}
        )
        log(
            instance=arrangement,
            action="wagtail.create" if created else "wagtail.edit",
            user=actor,
        )
        arrangements.append(arrangement)
    for entry in days:
        CalendarOverride.objects.update_or_create(
            day=entry.day,
            defaults={
                "is_working_day": entry.is_working_day,
                "name": entry.name or ("调休上班" if entry.is_working_day else "放假"),
                "source": source,
            },
        )
    return arrangements
