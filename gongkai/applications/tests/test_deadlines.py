"""Statutory periods of an application: domain-rules §8's worked examples,
clock stops, extension, abandonment and the year without a loaded
arrangement."""

from datetime import date

import pytest

from gongkai.applications.deadlines import (
    CaseDates,
    Consultation,
    case_deadlines,
)
from gongkai.core.calendar import Deadline, WorkingDayCalendar
from gongkai.core.errors import DomainError

CALENDAR = WorkingDayCalendar()


def deadlines(today=date(2026, 1, 5), **dates):
    return case_deadlines(CaseDates(**dates), calendar=CALENDAR, today=today)


def test_example_a_reply_across_the_2026_spring_festival():
    case = deadlines(received_on=date(2026, 2, 10), today=date(2026, 2, 10))
    assert case.reply_due == Deadline(date(2026, 3, 16), False)
    # 2/11–2/13, Sat 2/14 (调休), 2/24–2/26.
    assert case.correction_notice_due.due_on == date(2026, 2, 26)


def test_example_b_reply_across_national_day_2025():
    case = deadlines(received_on=date(2025, 9, 26))
    assert case.reply_due.due_on == date(2025, 10, 30)


def test_example_c_correction_restarts_the_clock():
    waiting = deadlines(
        received_on=date(2025, 1, 24),
        correction_requested_on=date(2025, 2, 7),
        correction_due_on=date(2025, 2, 21),
        today=date(2025, 2, 11),
    )
    assert waiting.correction_notice_due.due_on == date(2025, 2, 10)
    assert waiting.reply_due is None and not waiting.is_abandoned
    corrected = deadlines(
        received_on=date(2025, 1, 24),
        correction_requested_on=date(2025, 2, 7),
        correction_due_on=date(2025, 2, 21),
        correction_received_on=date(2025, 2, 12),
        today=date(2025, 2, 12),
    )
    assert corrected.reply_due.due_on == date(2025, 3, 12)


def test_an_application_not_corrected_in_time_is_abandoned():
    dates = {
        "received_on": date(2025, 1, 24),
        "correction_requested_on": date(2025, 2, 7),
        "correction_due_on": date(2025, 2, 20),
    }
    assert not deadlines(**dates, today=date(2025, 2, 20)).is_abandoned
    assert deadlines(**dates, today=date(2025, 2, 21)).is_abandoned


def test_example_d_extension_across_labour_day_and_dragon_boat_2026():
    case = deadlines(received_on=date(2026, 4, 28), extension_working_days=20)
    assert case.reply_due_without_extension.due_on == date(2026, 5, 28)
    assert case.reply_due.due_on == date(2026, 6, 26)


def test_an_extension_over_20_working_days_is_refused():
    with pytest.raises(DomainError, match="延期答复最长不得超过20个工作日"):
        deadlines(received_on=date(2026, 4, 28), extension_working_days=21)


def test_an_answered_consultation_stops_the_clock_for_its_days():
    # Sent Wed 5/6, answered Fri 5/8: 5/7 and 5/8 are not counted, so the
    # 20th working day moves from Thu 5/28 to Mon 6/1.
    case = deadlines(
        received_on=date(2026, 4, 28),
        consultations=(Consultation(date(2026, 5, 6), date(2026, 5, 8)),),
        today=date(2026, 5, 11),
    )
    assert case.paused_working_days == 2
    assert case.reply_due.due_on == date(2026, 6, 1)
    assert not case.is_paused


def test_an_open_consultation_pauses_up_to_its_15th_working_day():
    case = deadlines(
        received_on=date(2026, 4, 28),
        consultations=(Consultation(date(2026, 5, 6)),),
        today=date(2026, 5, 12),
    )
    assert case.is_paused
    # 5/7, 5/8, Sat 5/9 (调休), 5/11–15, 5/18–22, 5/25, 5/26.
    assert case.consultation_dues == (Deadline(date(2026, 5, 26), False),)
    assert case.paused_working_days == 15
    # The 35th working day of example D's table.
    assert case.reply_due.due_on == date(2026, 6, 18)


def test_countdown_flags_due_soon_and_overdue():
    received = date(2026, 2, 10)  # due Mon 3/16
    soon = deadlines(received_on=received, today=date(2026, 3, 9))
    assert soon.working_days_left == 5 and soon.is_due_soon
    calm = deadlines(received_on=received, today=date(2026, 3, 6))
    assert calm.working_days_left == 6 and not calm.is_due_soon
    late = deadlines(received_on=received, today=date(2026, 3, 17))
    assert late.working_days_left == -1 and late.is_overdue


def test_a_reply_due_in_a_year_not_loaded_is_provisional():
    case = deadlines(received_on=date(2026, 12, 4), today=date(2026, 12, 4))
    assert case.reply_due == Deadline(date(2027, 1, 4), True, (2027,))
    assert case.provisional and case.missing_years == (2027,)
    settled = case_deadlines(
        CaseDates(received_on=date(2026, 12, 4)),
        calendar=WorkingDayCalendar(loaded_years={2027}),
        today=date(2026, 12, 4),
    )
    assert not settled.provisional


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (
            {
                "received_on": date(2026, 3, 2),
                "correction_received_on": date(2026, 3, 5),
            },
            "未发出补正通知",
        ),
        (
            {
                "received_on": date(2026, 3, 2),
                "consultations": (Consultation(date(2026, 3, 1)),),
            },
            "征求意见日期不能早于收到申请日期",
        ),
        (
            {
                "received_on": date(2026, 3, 2),
                "correction_requested_on": date(2026, 3, 1),
            },
            "补正通知日期不能早于收到申请日期",
        ),
    ],
)
def test_impossible_dates_are_refused_in_chinese(dates, message):
    with pytest.raises(DomainError, match=message):
        deadlines(**dates)
