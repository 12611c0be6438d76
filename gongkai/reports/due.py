"""When the annual report is due (条例 Art. 49: 每年1月31日前 the report on
the previous year is submitted and published). Pure date arithmetic."""

import datetime as dt
from dataclasses import dataclass


def report_due_on(year: int) -> dt.date:
    """The report on ``year`` is due by 31 January of the next year."""
    return dt.date(year + 1, 1, 31)


def report_year_due(today: dt.date) -> int:
    """The year whose report is the one to publish around ``today``."""
    return today.year - 1


@dataclass(frozen=True)
class DueReminder:
    year: int
    due_on: dt.date
    days_left: int

    @property
    def is_overdue(self) -> bool:
        return self.days_left < 0


def due_reminder(*, today: dt.date, published: bool) -> DueReminder | None:
    """From 1 January until the previous year's report is published, the
    office is reminded, with the days left to 31 January (negative once
    overdue). None when nothing is due."""
    if published:
        return None
    year = report_year_due(today)
    due_on = report_due_on(year)
    return DueReminder(year=year, due_on=due_on, days_left=(due_on - today).days)
