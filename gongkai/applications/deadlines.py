"""The statutory working-day periods of an information-disclosure
application (条例 Art. 30–34; domain-rules §1.2, §5.5), as pure functions of
the case's dates and the platform's working-day calendar.

- 补正: the one-time correction notice is due 7 working days after receipt;
  the corrected application restarts the clock from the day it arrives; an
  application not corrected within the period the notice set is abandoned.
- Reply: 20 working days after receipt (or after the corrected
  application), plus one extension of at most 20 working days.
- Consultation of a third party (Art. 32) or another agency (Art. 34): each
  has 15 working days to answer, and the time is not counted. A pause covers
  the working days after the day the request was sent, up to and including
  the day the answer arrived, or the last day of its 15 (domain-rules §5.5);
  a consultation still open pauses the clock up to its last day.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.core.calendar import Deadline, WorkingDayCalendar
from gongkai.core.errors import DomainError

CORRECTION_NOTICE_WORKING_DAYS = 7
REPLY_WORKING_DAYS = 20
MAX_EXTENSION_WORKING_DAYS = 20
CONSULTATION_WORKING_DAYS = 15
DUE_SOON_WORKING_DAYS = 5
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Consultation:
    """A request for opinions sent on ``sent_on``; ``answered_on`` once the
    answer arrived."""

    sent_on: dt.date
    answered_on: dt.date | None = None


@dataclass(frozen=True)
class CaseDates:
    """What the clock of one application depends on."""

    received_on: dt.date
    correction_requested_on: dt.date | None = None
    # The last day the correction notice gave the applicant.
    correction_due_on: dt.date | None = None
    correction_received_on: dt.date | None = None
    consultations: tuple[Consultation, ...] = ()
    extension_working_days: int = 0


@dataclass(frozen=True)
class CaseDeadlines:
    """The case's deadlines on ``today``."""

    correction_notice_due: Deadline
    # None while the application waits for its correction, or was abandoned.
    reply_due: Deadline | None
    reply_due_without_extension: Deadline | None
    consultation_dues: tuple[Deadline, ...]
    paused_working_days: int
    is_paused: bool
    is_abandoned: bool
    working_days_left: int | None
    missing_years: tuple[int, ...] = field(default=())

    @property
    def provisional(self) -> bool:
        return bool(self.missing_years)

    @property
    def is_overdue(self) -> bool:
        return self.working_days_left is not None and self.working_days_left < 0

    @property
    def is_due_soon(self) -> bool:
        return (
            self.working_days_left is not None
            and 0 <= self.working_days_left <= DUE_SOON_WORKING_DAYS
        )


def check_dates(dates: CaseDates) -> None:
    """Raise DomainError (in Chinese) when the dates cannot be a case."""
    if not 0 <= dates.extension_working_days <= MAX_EXTENSION_WORKING_DAYS:
        raise DomainError(
            _("延期答复最长不得超过%(days)d个工作日。")
            % {"days": MAX_EXTENSION_WORKING_DAYS}
        )
    if dates.correction_received_on and not dates.correction_requested_on:
        raise DomainError(_("未发出补正通知，不能登记补正材料。"))
    for earlier, later, message in (
        (
            dates.received_on,
            dates.correction_requested_on,
            _("补正通知日期不能早于收到申请日期。"),
        ),
        (
            dates.correction_requested_on,
            dates.correction_received_on,
            _("收到补正材料日期不能早于补正通知日期。"),
        ),
    ):
        if earlier and later and later < earlier:
            raise DomainError(message)
    for consultation in dates.consultations:
        if consultation.sent_on < dates.received_on:
            raise DomainError(_("征求意见日期不能早于收到申请日期。"))
        if consultation.answered_on and consultation.answered_on < consultation.sent_on:
            raise DomainError(_("收到意见日期不能早于征求意见日期。"))


def _paused_days(
    consultations: tuple[Consultation, ...],
    calendar: WorkingDayCalendar,
    dues: tuple[Deadline, ...],
) -> set[dt.date]:
    """The working days the consultations take out of the count."""
    paused: set[dt.date] = set()
    for consultation, due in zip(consultations, dues, strict=True):
        end = due.due_on
        if consultation.answered_on is not None:
            end = min(end, consultation.answered_on)
        day = consultation.sent_on + _ONE_DAY
        while day <= end:
            if calendar.is_working_day(day):
                paused.add(day)
            day += _ONE_DAY
    return paused


def _left(calendar: WorkingDayCalendar, today: dt.date, due: dt.date) -> int:
    """Working days from ``today`` to ``due`` (negative once overdue)."""
    if today <= due:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, today)


def case_deadlines(
    dates: CaseDates, *, calendar: WorkingDayCalendar, today: dt.date
) -> CaseDeadlines:
    """Every deadline of the case as it stands on ``today``."""
    check_dates(dates)
    correction_notice_due = calendar.deadline(
        dates.received_on, CORRECTION_NOTICE_WORKING_DAYS
    )
    consultation_dues = tuple(
        calendar.deadline(consultation.sent_on, CONSULTATION_WORKING_DAYS)
        for consultation in dates.consultations
    )
    deadlines = [correction_notice_due, *consultation_dues]
    is_paused = any(
        consultation.sent_on <= today
        and (consultation.answered_on is None or today < consultation.answered_on)
        and today <= due.due_on
        for consultation, due in zip(
            dates.consultations, consultation_dues, strict=True
        )
    )
    waiting_for_correction = (
        dates.correction_requested_on is not None
        and dates.correction_received_on is None
    )
    is_abandoned = bool(
        waiting_for_correction
        and dates.correction_due_on is not None
        and today > dates.correction_due_on
    )
    reply_due = without_extension = None
    paused_working_days = 0
    left = None
    if not waiting_for_correction:
        start = dates.correction_received_on or dates.received_on
        paused = {
            day
            for day in _paused_days(dates.consultations, calendar, consultation_dues)
            if day > start
        }
        paused_working_days = len(paused)
        without_extension = calendar.deadline(start, REPLY_WORKING_DAYS, skip=paused)
        reply_due = calendar.deadline(
            start, REPLY_WORKING_DAYS + dates.extension_working_days, skip=paused
        )
        deadlines += [without_extension, reply_due]
        left = _left(calendar, today, reply_due.due_on)
    missing = sorted(
        {year for deadline in deadlines for year in deadline.missing_years}
    )
    return CaseDeadlines(
        correction_notice_due=correction_notice_due,
        reply_due=reply_due,
        reply_due_without_extension=without_extension,
        consultation_dues=consultation_dues,
        paused_working_days=paused_working_days,
        is_paused=is_paused,
        is_abandoned=is_abandoned,
        working_days_left=left,
        missing_years=tuple(missing),
    )
