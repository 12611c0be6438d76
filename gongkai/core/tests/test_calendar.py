"""Working-day calendar: the worked examples of domain-rules §8, the 2026
tables of §5.3, overrides and the year-boundary fallback of §5.5."""

import datetime as dt
import json
from datetime import date
from io import StringIO

import chinese_calendar
import pytest
from django.urls import reverse

from gongkai.core.calendar import Deadline, WorkingDayCalendar, statutory_holidays
from gongkai.core.models import CalendarOverride
from gongkai.core.selectors import working_day_calendar

# domain-rules §8: (start, working days, due with the default rule, due with
# the alternative setting that counts a working start date as day 1).
WORKED_EXAMPLES = [
    pytest.param(date(2026, 2, 10), 20, date(2026, 3, 16), date(2026, 3, 13), id="A"),
    pytest.param(date(2025, 9, 26), 20, date(2025, 10, 30), date(2025, 10, 29), id="B"),
    pytest.param(date(2025, 1, 24), 7, date(2025, 2, 10), date(2025, 2, 8), id="C"),
    pytest.param(
        date(2025, 2, 12), 20, date(2025, 3, 12), date(2025, 3, 11), id="C-restart"
    ),
    pytest.param(date(2026, 4, 28), 20, date(2026, 5, 28), date(2026, 5, 27), id="D"),
    pytest.param(
        date(2026, 4, 28), 40, date(2026, 6, 26), date(2026, 6, 25), id="D-extended"
    ),
]


@pytest.fixture
def calendar():
    return WorkingDayCalendar()


@pytest.fixture
def alternative_calendar():
    return WorkingDayCalendar(count_from_day_after_start=False)


@pytest.mark.parametrize(("start", "working_days", "due_on", "_alt"), WORKED_EXAMPLES)
def test_worked_examples_fall_due_on_the_checked_date(
    calendar, start, working_days, due_on, _alt
):
    assert calendar.deadline(start, working_days) == Deadline(
        due_on=due_on, provisional=False
    )
    assert calendar.add_working_days(start, working_days) == due_on


@pytest.mark.parametrize(("start", "working_days", "_due", "due_on"), WORKED_EXAMPLES)
def test_alternative_setting_counts_a_working_start_date_as_day_one(
    alternative_calendar, start, working_days, _due, due_on
):
    assert alternative_calendar.add_working_days(start, working_days) == due_on


@pytest.mark.parametrize(("start", "working_days", "due_on", "_alt"), WORKED_EXAMPLES)
def test_working_days_between_start_and_due_date_is_the_period(
    calendar, start, working_days, due_on, _alt
):
    assert calendar.working_days_between(start, due_on) == working_days


# 2026 中秋 9/25–9/27 and 国庆 10/1–10/7 with 调休 Sunday 9/20 and Saturday
# 10/10 (domain-rules §5.3), counted by hand.
@pytest.mark.parametrize(
    ("start", "working_days", "due_on"),
    [
        # 9/28 (1) 9/29 9/30 | 10/8 (4) 10/9 10/10 (6) | 10/12–16 | 10/19–23 | 10/26–29
        (date(2026, 9, 25), 20, date(2026, 10, 29)),
        # 9/20 Sun (1) 9/21–9/24 (2–5) | 9/28 (6) 9/29 (7)
        (date(2026, 9, 18), 7, date(2026, 9, 29)),
        # … 9/30 (8) | 10/8 10/9 10/10 (9–11) | 10/12–16 | 10/19–22 (17–20)
        (date(2026, 9, 18), 20, date(2026, 10, 22)),
        # 10/8 10/9 10/10 (1–3) 10/12–10/15 (4–7)
        (date(2026, 9, 30), 7, date(2026, 10, 15)),
        (date(2026, 9, 30), 3, date(2026, 10, 10)),
    ],
)
def test_national_day_2026_is_skipped_and_its_adjusted_weekends_count(
    calendar, start, working_days, due_on
):
    assert calendar.deadline(start, working_days) == Deadline(due_on, False)
    assert calendar.add_working_days(start, working_days) == _reference(
        start, working_days
    )


def _reference(start: date, n: int) -> date:
    """domain-rules §8's reference implementation: chinesecalendar alone."""
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            counted += 1
    return day


def test_adjusted_saturday_is_a_working_day(calendar):
    assert calendar.is_working_day(date(2026, 10, 10))
    assert not calendar.is_working_day(date(2026, 10, 17))
    assert calendar.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)


@pytest.mark.parametrize(
    "day",
    [date(2026, 1, 1), date(2026, 2, 23), date(2026, 5, 5), date(2026, 10, 7)],
)
def test_weekday_holidays_are_not_working_days(calendar, day):
    assert day.weekday() < 5
    assert not calendar.is_working_day(day)


def test_alternative_setting_starts_on_the_next_working_day_after_a_holiday(
    alternative_calendar,
):
    # 2026-09-25 is 中秋节: not a working day, so it cannot be day 1.
    assert alternative_calendar.add_working_days(date(2026, 9, 25), 20) == date(
        2026, 10, 29
    )
    assert alternative_calendar.add_working_days(date(2026, 9, 30), 7) == date(
        2026, 10, 14
    )


@pytest.mark.parametrize(
    "cal",
    [WorkingDayCalendar(), WorkingDayCalendar({}, count_from_day_after_start=False)],
)
def test_zero_working_days_is_the_start_date(cal):
    assert cal.deadline(date(2026, 10, 3), 0) == Deadline(date(2026, 10, 3), False)


def test_override_holiday_on_a_weekday_moves_the_due_date(calendar):
    start = date(2026, 2, 10)
    closed = WorkingDayCalendar({date(2026, 3, 2): False})
    assert calendar.add_working_days(start, 20) == date(2026, 3, 16)
    assert closed.add_working_days(start, 20) == date(2026, 3, 17)
    assert not closed.is_working_day(date(2026, 3, 2))


def test_override_wins_over_the_package_both_ways():
    cal = WorkingDayCalendar({date(2026, 10, 10): False, date(2026, 10, 17): True})
    assert not cal.is_working_day(date(2026, 10, 10))
    assert cal.is_working_day(date(2026, 10, 17))
    assert cal.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 12)


# domain-rules §5.5: the last receipts whose deadline stays in 2026, and the
# next day's, which reaches 2027 (fallback: 元旦 Fri 1/1, then the weekend).
@pytest.mark.parametrize(
    ("start", "working_days", "expected"),
    [
        (date(2026, 12, 22), 7, Deadline(date(2026, 12, 31), provisional=False)),
        (date(2026, 12, 23), 7, Deadline(date(2027, 1, 4), True, (2027,))),
        (date(2026, 12, 3), 20, Deadline(date(2026, 12, 31), provisional=False)),
        (date(2026, 12, 4), 20, Deadline(date(2027, 1, 4), True, (2027,))),
        (date(2026, 11, 5), 40, Deadline(date(2026, 12, 31), provisional=False)),
        (date(2026, 11, 6), 40, Deadline(date(2027, 1, 4), True, (2027,))),
        # 12/18 (1) 12/21–25 12/28–31 (10) | 1/1 元旦 | 1/4–8 1/11–15 (20)
        (date(2026, 12, 17), 20, Deadline(date(2027, 1, 15), True, (2027,))),
    ],
)
def test_deadline_reaching_a_year_without_data_is_provisional(
    calendar, start, working_days, expected
):
    assert calendar.deadline(start, working_days) == expected


def test_year_without_data_skips_statutory_holidays_without_adjusted_days(calendar):
    # 2027 fallback: 除夕 Fri 2/5 to 初三 Mon 2/8; 2/1–2/4 (1–4), 2/9–2/11 (5–7).
    assert calendar.deadline(date(2027, 1, 29), 7) == Deadline(
        date(2027, 2, 11), True, (2027,)
    )
    # … 2/12 (8), 2/15–19, 2/22–26 (18), 3/1, 3/2 (20).
    assert calendar.add_working_days(date(2027, 1, 29), 20) == date(2027, 3, 2)
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert not calendar.is_working_day(date(2027, 2, 5))
    assert not calendar.is_working_day(date(2027, 2, 8))
    assert calendar.is_working_day(date(2027, 2, 9))
    assert not calendar.is_working_day(date(2027, 2, 6))  # Saturday, no 调休
    assert calendar.is_provisional(date(2027, 2, 9))
    assert not calendar.is_provisional(date(2026, 12, 31))


def test_override_settles_a_day_of_a_year_without_data():
    cal = WorkingDayCalendar({date(2027, 2, 10): False, date(2027, 2, 20): True})
    assert not cal.is_provisional(date(2027, 2, 10))
    assert not cal.is_working_day(date(2027, 2, 10))
    assert cal.is_working_day(date(2027, 2, 20))  # a Saturday 调休上班
    assert cal.is_provisional(date(2027, 2, 11))
    assert cal.add_working_days(date(2027, 1, 29), 7) == date(2027, 2, 12)


def test_fallback_statutory_holidays_are_days_off_in_the_loaded_years():
    # Checks the lunar table and the 清明 formula against real notices.
    for year in (2025, 2026):
        days = statutory_holidays(year)
        assert len(days) == 13
        assert not [day for day in days if chinese_calendar.is_workday(day)]


@pytest.mark.parametrize(
    ("year", "qingming", "new_year_eve", "dragon_boat", "mid_autumn"),
    [
        (2027, date(2027, 4, 5), date(2027, 2, 5), date(2027, 6, 9), date(2027, 9, 15)),
        (
            2028,
            date(2028, 4, 4),
            date(2028, 1, 25),
            date(2028, 5, 28),
            date(2028, 10, 3),
        ),
        (
            2031,
            date(2031, 4, 5),
            date(2031, 1, 22),
            date(2031, 6, 24),
            date(2031, 10, 1),
        ),
    ],
)
def test_statutory_holidays_of_later_years(
    year, qingming, new_year_eve, dragon_boat, mid_autumn
):
    days = statutory_holidays(year)
    spring_festival = {new_year_eve + dt.timedelta(days=i) for i in range(4)}
    assert {qingming, dragon_boat, mid_autumn} | spring_festival <= days
    assert {date(year, 5, 1), date(year, 5, 2), date(year, 10, 3)} <= days


def test_working_days_between_counts_after_start_through_end(calendar):
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 9, 30)) == 0
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 7)) == 0
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    with pytest.raises(ValueError, match="before start"):
        calendar.working_days_between(date(2026, 10, 10), date(2026, 9, 30))


def test_rejects_datetimes_and_negative_periods(calendar):
    with pytest.raises(TypeError):
        calendar.is_working_day(dt.datetime(2026, 10, 10, 9, 0))  # noqa: DTZ001
    with pytest.raises(ValueError, match="negative"):
        calendar.deadline(date(2026, 10, 10), -1)


@pytest.mark.django_db
def test_selector_builds_the_calendar_from_stored_overrides():
    CalendarOverride.objects.create(
        day=date(2026, 3, 2), is_working_day=False, name="临时停工"
    )
    CalendarOverride.objects.create(
        day=date(2027, 1, 2),
        is_working_day=True,
        name="调休上班",
        source="国务院办公厅关于2027年部分节假日安排的通知",
    )
    cal = working_day_calendar()
    assert cal.add_working_days(date(2026, 2, 10), 20) == date(2026, 3, 17)
    assert cal.is_working_day(date(2027, 1, 2))
    assert not cal.is_provisional(date(2027, 1, 2))
    assert working_day_calendar(count_from_day_after_start=False).add_working_days(
        date(2026, 2, 10), 20
    ) == date(2026, 3, 16)
    assert str(CalendarOverride.objects.first()) == "2027-01-02 调休上班（上班）"


@pytest.mark.django_db
def test_back_office_lists_overrides_newest_first(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser(
            "calendar", password="a-long-password-1"
        )
    )
    CalendarOverride.objects.create(day=date(2026, 10, 1), name="国庆节")
    CalendarOverride.objects.create(day=date(2027, 1, 1), name="元旦")
    response = client.get(reverse("wagtailsnippets_core_calendaroverride:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "工作日历调整" in html
    assert html.index("元旦") < html.index("国庆节")
    filtered = client.get(
        reverse("wagtailsnippets_core_calendaroverride:list"),
        {"is_working_day": "true"},
    )
    assert filtered.status_code == 200
    assert "国庆节" not in filtered.content.decode()


@pytest.mark.django_db
def test_back_office_adds_an_override_with_a_history_entry(client, django_user_model):
    from wagtail.models import ModelLogEntry

    client.force_login(
        django_user_model.objects.create_superuser(
            "calendar", password="a-long-password-1"
        )
    )
    response = client.post(
        reverse("wagtailsnippets_core_calendaroverride:add"),
        {"day": "2027-02-20", "is_working_day": "on", "name": "调休上班", "source": ""},
    )
    assert response.status_code == 302
    override = CalendarOverride.objects.get(day=date(2027, 2, 20))
    assert override.is_working_day
    assert ModelLogEntry.objects.filter(
        object_id=str(override.pk), action="wagtail.create"
    ).exists()
    assert working_day_calendar().is_working_day(date(2027, 2, 20))


# --- The commands: workdays add, load_holidays -------------------------------


def workdays(*args) -> str:
    from django.core.management import call_command

    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_workdays_add_across_national_day_2026():
    # 9/30 is day 0; 10/1–10/7 off, 10/8 (1), 10/9 (2), Sat 10/10 调休上班 (3).
    assert workdays("add", "2026-09-30", "3") == "2026-10-10"
    assert json.loads(workdays("add", "2026-09-30", "3", "--json")) == {
        "date": "2026-10-10",
        "provisional": False,
        "missing_years": [],
    }
    # Spring Festival 2026: 2/15–2/23 off, Sat 2/14 and Sat 2/28 调休上班.
    assert workdays("add", "2026-02-13", "1") == "2026-02-14"
    assert workdays("add", "2026-02-14", "1") == "2026-02-24"


@pytest.mark.django_db
def test_workdays_add_into_a_year_not_loaded_is_provisional_until_it_is(tmp_path):
    from django.core.management import call_command

    assert json.loads(workdays("add", "2026-12-23", "7", "--json")) == {
        "date": "2027-01-04",
        "provisional": True,
        "missing_years": [2027],
    }
    assert "暂定：2027年节假日安排尚未载入" in workdays("add", "2026-12-23", "7")

    # A 2027 arrangement (made up for the test): 1/1 and Monday 1/4 off,
    # Sunday 1/10 a 调休 working day.
    arrangement = tmp_path / "2027.csv"
    arrangement.write_text(
        "date,kind\n2027-01-01,holiday\n2027-01-04,holiday\n2027-01-10,workday\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("load_holidays", str(arrangement), "--source", "测试通知", stdout=out)
    assert "已载入 2027 年节假日安排：放假 2 天，调休上班 1 天。" in out.getvalue()
    assert json.loads(workdays("add", "2026-12-23", "7", "--json")) == {
        "date": "2027-01-05",
        "provisional": False,
        "missing_years": [],
    }
    # Days the arrangement does not name follow the week, without fallback.
    assert workdays("add", "2027-01-08", "1") == "2027-01-10"
    assert workdays("add", "2027-06-08", "1") == "2027-06-09"  # 端午 not assumed


@pytest.mark.django_db
def test_load_holidays_reports_every_wrong_row_and_loads_nothing(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from gongkai.core.models import HolidayArrangement

    arrangement = tmp_path / "2027.csv"
    arrangement.write_text(
        "date,kind\n2027-01-01,holiday\n2027/02/06,holiday\n2027-02-07,休息\n"
        "2027-01-01,workday\n",
        encoding="gb18030",
    )
    err = StringIO()
    with pytest.raises(CommandError, match="有 3 行不正确，未载入任何日期"):
        call_command("load_holidays", str(arrangement), stderr=err)
    assert "第3行：日期“2027/02/06”应写作 YYYY-MM-DD。" in err.getvalue()
    assert (
        "第4行：类型“休息”应为 holiday（放假）或 workday（调休上班）。"
        in err.getvalue()
    )
    assert "第5行：2027-01-01 与前面的行矛盾。" in err.getvalue()
    assert not CalendarOverride.objects.exists()
    assert not HolidayArrangement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "2026/10/01", "3"), "起始日期“2026/10/01”应写作 YYYY-MM-DD"),
        (("add", "2026-10-01", "-1"), "工作日数“-1”应为非负整数"),
        (("add", "2026-10-01", "三"), "工作日数“三”应为非负整数"),
    ],
)
def test_workdays_refuses_bad_input_in_chinese(args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        workdays(*args)
