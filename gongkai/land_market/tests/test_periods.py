"""The periods of 国土资源部令第39号 and of mining rights on the working-day
calendar: a 20-day lead, a 10-day listing warned of when holidays leave it
fewer than 10 working days, results within 10 working days."""

import datetime as dt

from gongkai.core.calendar import WorkingDayCalendar
from gongkai.land_market.periods import (
    LAND_PERIODS,
    Periods,
    latest_announcement_day,
    listing_working_days,
    result_due_on,
    sale_problems,
)

CALENDAR = WorkingDayCalendar()


def problems(published_on, start, end, periods=LAND_PERIODS):
    return sale_problems(
        published_on=published_on,
        sale_starts_on=start,
        listing_starts_on=start,
        listing_ends_on=end,
        periods=periods,
        calendar=CALENDAR,
    )


def test_the_announcement_goes_public_at_least_20_days_before_the_sale():
    start = dt.date(2026, 5, 21)
    assert latest_announcement_day(
        sale_starts_on=start, periods=LAND_PERIODS, calendar=CALENDAR
    ) == dt.date(2026, 5, 1)
    assert problems(dt.date(2026, 5, 1), start, dt.date(2026, 6, 3)) == []
    [late] = problems(dt.date(2026, 5, 2), start, dt.date(2026, 6, 3))
    assert late.is_error and "2026-05-01" in late.message


def test_a_listing_across_the_national_day_holiday_is_warned_of():
    # 2026-09-28 to 10-07: ten calendar days, but 1–7 October are holidays
    # (and 9-28/9-30 working), so only 3 working days.
    start, end = dt.date(2026, 9, 28), dt.date(2026, 10, 7)
    assert listing_working_days(starts_on=start, ends_on=end, calendar=CALENDAR) == 3
    [warning] = problems(dt.date(2026, 9, 1), start, end)
    assert not warning.is_error and "只有3个工作日" in warning.message
    # Two ordinary weeks (ten working days) pass without a word.
    assert (
        problems(dt.date(2026, 6, 1), dt.date(2026, 6, 22), dt.date(2026, 7, 3)) == []
    )


def test_a_listing_shorter_than_the_minimum_is_refused():
    [short] = problems(dt.date(2026, 5, 1), dt.date(2026, 6, 22), dt.date(2026, 6, 30))
    assert (
        short.is_error
        and "不得少于10日" in short.message
        and "只有9日" in short.message
    )


def test_results_are_due_10_working_days_after_the_sale_skipping_holidays():
    # The sale ends on 2026-09-30; 1-7 October are holidays and Saturday
    # 10-10 is a working day (调休): 10-08, 09, 10, 12 ... 20.
    due = result_due_on(
        sold_on=dt.date(2026, 9, 30), periods=LAND_PERIODS, calendar=CALENDAR
    )
    assert due == dt.date(2026, 10, 20)


def test_mining_rights_count_the_lead_and_the_listing_in_working_days():
    mining = Periods(
        lead=20, lead_working=True, min_listing=10, listing_working=True, result=5
    )
    # 20 working days before Monday 2026-06-29 (no holiday in June after
    # the Dragon Boat Festival on 06-19).
    latest = latest_announcement_day(
        sale_starts_on=dt.date(2026, 6, 29), periods=mining, calendar=CALENDAR
    )
    assert CALENDAR.working_days_between(latest, dt.date(2026, 6, 29)) == 20
    assert (
        not CALENDAR.working_days_between(
            latest + dt.timedelta(days=1), dt.date(2026, 6, 29)
        )
        >= 20
    )
    [short] = problems(
        latest, dt.date(2026, 6, 29), dt.date(2026, 7, 9), periods=mining
    )
    assert short.is_error and "个工作日" in short.message
