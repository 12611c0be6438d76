"""Statutory periods of a sale of rights by tender, auction or listing. Pure
date arithmetic over the one working-day calendar (domain-rules §4.2, §4.3).

国土资源部令第39号 (国有建设用地使用权):
- the 出让公告 goes public at least 20 days before the tender, auction or
  listing starts (Art. 10);
- a listing lasts at least 10 days (Art. 18; UNCONFIRMED verbatim, so the
  minimum is a setting, and fewer than 10 working days is warned of);
- the result is published within 10 working days after the sale (Art. 22,
  secondary sources).
Mining rights (自然资规〔2023〕1号 with the Sichuan values as defaults) count
the lead and the listing in working days; ``Periods`` says which."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.core.calendar import WorkingDayCalendar

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Periods:
    """The periods one kind of sale keeps; ``*_working`` says whether a
    count is in working days (else calendar days)."""

    lead: int = 20
    lead_working: bool = False
    min_listing: int = 10
    listing_working: bool = False
    # Warn when a listing has fewer working days than this (0: never).
    listing_warning_working_days: int = 10
    result: int = 10


LAND_PERIODS = Periods()


@dataclass(frozen=True)
class PeriodProblem:
    severity: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def latest_announcement_day(
    *, sale_starts_on: dt.date, periods: Periods, calendar: WorkingDayCalendar
) -> dt.date:
    """The last day the announcement may go public: ``lead`` days (or
    working days) before the sale starts, the first day of the sale counted
    and the day of publication not (20 days before 21 May is 1 May)."""
    if not periods.lead_working:
        return sale_starts_on - dt.timedelta(days=periods.lead)
    day, counted = sale_starts_on, 0
    while counted < periods.lead:
        if calendar.is_working_day(day):
            counted += 1
        day -= dt.timedelta(days=1)
    return day


def listing_days(*, starts_on: dt.date, ends_on: dt.date) -> int:
    """Days of a listing, its first and last day included."""
    return (ends_on - starts_on).days + 1


def listing_working_days(
    *, starts_on: dt.date, ends_on: dt.date, calendar: WorkingDayCalendar
) -> int:
    """Working days of a listing, its first and last day included."""
    count = 1 if calendar.is_working_day(starts_on) else 0
    return count + calendar.working_days_between(starts_on, ends_on)


def result_due_on(
    *, sold_on: dt.date, periods: Periods, calendar: WorkingDayCalendar
) -> dt.date:
    """The last day to publish the result: ``result`` working days after
    the sale (day 0 = the day of the sale)."""
    return calendar.add_working_days(sold_on, periods.result)


def result_problems(
    *,
    sold_on: dt.date,
    published_on: dt.date,
    periods: Periods,
    calendar: WorkingDayCalendar,
) -> list[PeriodProblem]:
    """A 成交公示 published on ``published_on`` after its deadline: a warning,
    for it is owed all the same; the delay wants its reason."""
    due = result_due_on(sold_on=sold_on, periods=periods, calendar=calendar)
    if published_on <= due:
        return []
    return [
        PeriodProblem(
            WARNING,
            _(
                "成交公示应在出让活动结束后%(days)d个工作日内（%(due)s 前）发布，"
                "已超期，请说明原因。"
            )
            % {"days": periods.result, "due": due.isoformat()},
        )
    ]


def sale_problems(
    *,
    published_on: dt.date | None,
    sale_starts_on: dt.date,
    listing_starts_on: dt.date | None,
    listing_ends_on: dt.date | None,
    periods: Periods,
    calendar: WorkingDayCalendar,
) -> list[PeriodProblem]:
    """What breaks the periods of a sale announced on ``published_on`` (the
    day of publication, or the day it would be published): a late
    announcement and a short listing are errors, a listing of fewer working
    days than the warning threshold a warning."""
    problems = []
    latest = latest_announcement_day(
        sale_starts_on=sale_starts_on, periods=periods, calendar=calendar
    )
    if published_on is not None and published_on > latest:
        unit = _("个工作日") if periods.lead_working else _("日")
        problems.append(
            PeriodProblem(
                ERROR,
                _(
                    "出让公告应当至少在出让活动开始（%(start)s）前%(days)d%(unit)s发布，"
                    "最晚发布日期为 %(latest)s。"
                )
                % {
                    "start": sale_starts_on.isoformat(),
                    "days": periods.lead,
                    "unit": unit,
                    "latest": latest.isoformat(),
                },
            )
        )
    if listing_starts_on is None or listing_ends_on is None:
        return problems
    if listing_ends_on < listing_starts_on:
        problems.append(PeriodProblem(ERROR, _("挂牌截止日期早于挂牌开始日期。")))
        return problems
    if listing_starts_on < sale_starts_on:
        problems.append(
            PeriodProblem(ERROR, _("挂牌开始日期不能早于出让活动开始日期。"))
        )
    working = listing_working_days(
        starts_on=listing_starts_on, ends_on=listing_ends_on, calendar=calendar
    )
    days = (
        working
        if periods.listing_working
        else listing_days(starts_on=listing_starts_on, ends_on=listing_ends_on)
    )
    if days < periods.min_listing:
        unit = _("个工作日") if periods.listing_working else _("日")
        problems.append(
            PeriodProblem(
                ERROR,
                _("挂牌时间不得少于%(min)d%(unit)s，本次挂牌只有%(days)d%(unit)s。")
                % {"min": periods.min_listing, "unit": unit, "days": days},
            )
        )
    elif working < periods.listing_warning_working_days:
        problems.append(
            PeriodProblem(
                WARNING,
                _(
                    "挂牌期（%(start)s 至 %(end)s）只有%(working)d个工作日，"
                    "少于%(threshold)d个工作日，请确认是否跨节假日并考虑延长。"
                )
                % {
                    "start": listing_starts_on.isoformat(),
                    "end": listing_ends_on.isoformat(),
                    "working": working,
                    "threshold": periods.listing_warning_working_days,
                },
            )
        )
    return problems
