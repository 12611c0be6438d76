"""Reads of the shared kernel: the working-day calendar with its stored
overrides."""

from gongkai.core.calendar import WorkingDayCalendar
from gongkai.core.models import CalendarOverride, HolidayArrangement


def working_day_calendar(
    *, count_from_day_after_start: bool = True
) -> WorkingDayCalendar:
    """The platform's calendar: chinesecalendar with every ``CalendarOverride``.

    ``count_from_day_after_start`` is the counting convention of
    domain-rules §5.5 (§7 item 1); the default is day 0 = the start date.
    """
    overrides = dict(CalendarOverride.objects.values_list("day", "is_working_day"))
    return WorkingDayCalendar(
        overrides,
        loaded_years=set(HolidayArrangement.objects.values_list("year", flat=True)),
        count_from_day_after_start=count_from_day_after_start,
    )
