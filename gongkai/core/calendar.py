"""The platform's one working-day calendar (工作日历).

Working days follow 《全国年节及纪念日放假办法》 (revised 2024-11-10, in force
from 2025) as the State Council's yearly holiday notice applies it. The
notices come from the ``chinesecalendar`` package; administrators' overrides
(``CalendarOverride``) win over it. For a year the package has no data for,
the calendar falls back to the holidays the 放假办法 itself fixes and marks
the result provisional (domain-rules §5.5, §7 item 14). Counting rule:
docs/decisions/0003-deadline-counting.md.

Nothing here touches the database; ``gongkai.core.selectors`` builds the
calendar from the stored overrides.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import chinese_calendar

_ONE_DAY = dt.timedelta(days=1)

# Gregorian dates of 正月初一, 五月初五 (端午) and 八月十五 (中秋). chinesecalendar
# has no lunar conversion, so the fallback reads them from this table. Computed
# with lunardate 0.3.0 and, independently, lunar-python 1.4.8 (identical); the
# 2025 and 2026 rows agree with chinesecalendar's own data, which a test checks.
# Extend it before 2035 ends; later years count without the lunar holidays.
_LUNAR_HOLIDAYS: dict[int, tuple[dt.date, dt.date, dt.date]] = {
    2025: (dt.date(2025, 1, 29), dt.date(2025, 5, 31), dt.date(2025, 10, 6)),
    2026: (dt.date(2026, 2, 17), dt.date(2026, 6, 19), dt.date(2026, 9, 25)),
    2027: (dt.date(2027, 2, 6), dt.date(2027, 6, 9), dt.date(2027, 9, 15)),
    2028: (dt.date(2028, 1, 26), dt.date(2028, 5, 28), dt.date(2028, 10, 3)),
    2029: (dt.date(2029, 2, 13), dt.date(2029, 6, 16), dt.date(2029, 9, 22)),
    2030: (dt.date(2030, 2, 3), dt.date(2030, 6, 5), dt.date(2030, 9, 12)),
    2031: (dt.date(2031, 1, 23), dt.date(2031, 6, 24), dt.date(2031, 10, 1)),
    2032: (dt.date(2032, 2, 11), dt.date(2032, 6, 12), dt.date(2032, 9, 19)),
    2033: (dt.date(2033, 1, 31), dt.date(2033, 6, 1), dt.date(2033, 9, 8)),
    2034: (dt.date(2034, 2, 19), dt.date(2034, 6, 20), dt.date(2034, 9, 27)),
    2035: (dt.date(2035, 2, 8), dt.date(2035, 6, 10), dt.date(2035, 9, 16)),
}


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> frozenset[dt.date]:
    """The 13 days off that 《全国年节及纪念日放假办法》 Art. 2 fixes for ``year``.

    元旦 1/1; 春节 除夕 to 初三; 清明 (the solar term's day); 劳动节 5/1–5/2;
    端午; 中秋; 国庆 10/1–10/3 (domain-rules §5.1). Without the year's notice
    there is no 调休 and no make-up day for a holiday on a weekend (Art. 6):
    those the notice decides. 清明 comes from chinesecalendar's solar-term
    formula (1900–2100); the lunar holidays are missing for years beyond the
    table above.
    """
    days = {
        dt.date(year, 1, 1),
        dt.date(year, 5, 1),
        dt.date(year, 5, 2),
        dt.date(year, 10, 1),
        dt.date(year, 10, 2),
        dt.date(year, 10, 3),
    }
    if 1900 <= year <= 2100:
        days.update(
            day
            for day, term in chinese_calendar.get_solar_terms(
                dt.date(year, 4, 1), dt.date(year, 4, 30)
            )
            if term == "清明"
        )
    if year in _LUNAR_HOLIDAYS:
        new_year, dragon_boat, mid_autumn = _LUNAR_HOLIDAYS[year]
        # 除夕 is the eve of 初一, whether 腊月 has 29 or 30 days.
        days.update(new_year + dt.timedelta(days=offset) for offset in range(-1, 3))
        days.update({dragon_boat, mid_autumn})
    return frozenset(days)


@lru_cache(maxsize=8192)
def _package_is_workday(day: dt.date) -> bool | None:
    """chinesecalendar's answer, or None for a year outside its data
    (remembered: the package takes tens of microseconds a day, and a
    deadline looks at dozens of days)."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


def _check_date(day: dt.date) -> None:
    # A datetime would never match an override key and would hide a time-zone
    # question; callers pass timezone.localdate() (STYLE §7).
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise TypeError(f"expected a date, got {type(day).__name__}")


@dataclass(frozen=True, slots=True)
class Deadline:
    """The last day on which an act is in time.

    ``provisional`` is true when some day the count went over had no holiday
    notice yet (domain-rules §5.5): recompute once the year is loaded.
    """

    due_on: dt.date
    provisional: bool
    # The years without a loaded arrangement that the count went through.
    missing_years: tuple[int, ...] = ()


class WorkingDayCalendar:
    """Which days are working days (工作日), and counting in them.

    ``overrides`` maps a day to whether it is a working day; it wins over
    everything else. ``loaded_years`` are years whose State Council
    arrangement was loaded as overrides (``load_holidays``): their other
    days follow the week, without the fallback. ``count_from_day_after_start`` is the counting convention
    of domain-rules §5.5 (§7 item 1): when true (the default) the start date is
    day 0 and the first working day after it is day 1; when false the start
    date itself is day 1 if it is a working day.
    """

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        *,
        loaded_years: frozenset[int] | set[int] = frozenset(),
        count_from_day_after_start: bool = True,
    ) -> None:
        self.overrides: Mapping[dt.date, bool] = MappingProxyType(dict(overrides or {}))
        self.loaded_years = frozenset(loaded_years)
        self.count_from_day_after_start = count_from_day_after_start

    def __repr__(self) -> str:
        return (
            f"<WorkingDayCalendar overrides={len(self.overrides)} "
            f"count_from_day_after_start={self.count_from_day_after_start}>"
        )

    def is_working_day(self, day: dt.date) -> bool:
        """Override first, then the State Council notice in chinesecalendar.

        For a year without a notice: Monday to Friday except the statutory
        holidays of 《全国年节及纪念日放假办法》 (``statutory_holidays``); the
        answer is then provisional (``is_provisional``).
        """
        _check_date(day)
        if day in self.overrides:
            return self.overrides[day]
        known = _package_is_workday(day)
        if known is not None:
            return known
        if day.year in self.loaded_years:
            return day.weekday() < 5
        return day.weekday() < 5 and day not in statutory_holidays(day.year)

    def is_provisional(self, day: dt.date) -> bool:
        """True when neither an override nor a loaded notice decides ``day``."""
        _check_date(day)
        return (
            day not in self.overrides
            and day.year not in self.loaded_years
            and _package_is_workday(day) is None
        )

    def deadline(
        self,
        start: dt.date,
        working_days: int,
        *,
        skip: frozenset[dt.date] | set[dt.date] = frozenset(),
    ) -> Deadline:
        """The ``working_days``-th working day counted from ``start``; days in
        ``skip`` (a paused clock) are not counted.

        Zero working days is the start date itself. Provisional if any day
        whose status the count depended on is provisional.
        """
        _check_date(start)
        if working_days < 0:
            raise ValueError("working_days must not be negative")
        if working_days == 0:
            return Deadline(due_on=start, provisional=False)
        day, counted = start, 0
        missing: set[int] = set()
        if not self.count_from_day_after_start:
            # Alternative convention: a working start date is day 1.
            if self.is_provisional(start):
                missing.add(start.year)
            if self.is_working_day(start) and start not in skip:
                counted = 1
        while counted < working_days:
            day += _ONE_DAY
            if self.is_provisional(day):
                missing.add(day.year)
            if self.is_working_day(day) and day not in skip:
                counted += 1
        return Deadline(
            due_on=day, provisional=bool(missing), missing_years=tuple(sorted(missing))
        )

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The due date of ``deadline(start, n)``, without the provisional flag."""
        return self.deadline(start, n).due_on

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``.

        Independent of the counting convention: this is how paused time is
        measured (domain-rules §5.5: from the day after the request is sent to
        the day the answer arrives). With the default convention it inverts
        ``add_working_days``. Raises ValueError if ``end`` is before ``start``.
        """
        _check_date(start)
        _check_date(end)
        if end < start:
            raise ValueError("end must not be before start")
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count
