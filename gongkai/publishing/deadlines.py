"""Publication deadlines of proactive disclosure: pure date arithmetic.

《政府信息公开条例》第二十六条: information in scope for proactive disclosure
is published within 20 working days of the day it is formed or changed,
unless a law or regulation sets another limit. Counting: day 0 is the day of
formation (docs/decisions/0003-deadline-counting.md).
"""

from datetime import date

from gongkai.core.calendar import Deadline, WorkingDayCalendar

PUBLICATION_WORKING_DAYS = 20
# A reminder before the deadline, in working days.
DUE_SOON_WORKING_DAYS = 5


def publication_due(*, formed_on: date, calendar: WorkingDayCalendar) -> Deadline:
    return calendar.deadline(formed_on, PUBLICATION_WORKING_DAYS)


def is_published_late(*, published_on: date, due_on: date) -> bool:
    return published_on > due_on
