"""The statutory rules of a consultation, pure over dates and the working-day
calendar.

- The comment period is generally not less than 30 days; a shorter one must
  say why in the notice (国务院令第713号 Art. 15).
- A hearing's participant list is published in advance and its materials
  reach the participants 7 days before it (Art. 16).
- Within 10 working days after the decision document is issued, the
  handling department publishes how the comments were collected and used,
  and why the main ones not adopted were not (the bureau's work plan 二、1,
  task 16 of 附件1).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.core.calendar import WorkingDayCalendar

MIN_PERIOD_DAYS = 30
HEARING_MATERIALS_DAYS = 7
ADOPTION_REPORT_WORKING_DAYS = 10
# The countdown warns this many working days before the report is due.
ADOPTION_WARNING_WORKING_DAYS = 3


def period_days(opens_on: dt.date, closes_on: dt.date) -> int:
    """Days of the comment period, both ends included: 1 to 30 May is 30."""
    return (closes_on - opens_on).days + 1


def period_problems(
    *,
    opens_on: dt.date | None,
    closes_on: dt.date | None,
    shortened_reason: str,
    min_days: int = MIN_PERIOD_DAYS,
    published_on: dt.date | None = None,
) -> dict[str, str]:
    """What is wrong with the period, by field; empty when it may be used.
    With ``published_on`` (the day it goes public), the public has the days
    from then, or from the first day if that is later: a consultation
    published late has fewer days than its dates say."""
    if opens_on is None or closes_on is None:
        return {"closes_on": _("请填写征求意见的起止日期。")}
    if closes_on < opens_on:
        return {"closes_on": _("截止日期不能早于开始日期。")}
    if published_on is not None and closes_on < published_on:
        return {"closes_on": _("征求意见截止日期已过，请修改起止日期后再发布。")}
    start = max(opens_on, published_on) if published_on else opens_on
    days = period_days(start, closes_on)
    if days < min_days and not shortened_reason.strip():
        return {
            "shortened_reason": _(
                "征求意见期限为%(days)d天，少于%(min)d天，须说明缩短期限的理由"
                "（理由将在征求意见页面公开）。"
            )
            % {"days": days, "min": min_days}
        }
    return {}


def hearing_problems(
    *,
    held_on: dt.date,
    participants_published_on: dt.date | None,
    materials_sent_on: dt.date | None,
) -> dict[str, str]:
    """A hearing publishes its participant list before it is held, and its
    materials reach the participants at least 7 days before."""
    problems = {}
    if participants_published_on is None or participants_published_on >= held_on:
        problems["participants_published_on"] = _(
            "听证会须在举行前公布听证参加人名单。"
        )
    if (
        materials_sent_on is None
        or (held_on - materials_sent_on).days < HEARING_MATERIALS_DAYS
    ):
        problems["materials_sent_on"] = _(
            "听证材料须于听证会举行%(days)d日前送达听证参加人。"
        ) % {"days": HEARING_MATERIALS_DAYS}
    return problems


class CountdownState:
    WAITING = "waiting"  # no decision document yet
    RUNNING = "running"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ON_TIME = "on_time"
    LATE = "late"


@dataclass(frozen=True)
class AdoptionCountdown:
    state: str
    due_on: dt.date | None = None
    # Working days left after today up to the due day (0 on the day itself);
    # negative once overdue: working days past it.
    working_days_left: int | None = None
    published_on: dt.date | None = None
    provisional: bool = False

    @property
    def is_open(self) -> bool:
        return self.state in (
            CountdownState.RUNNING,
            CountdownState.DUE_SOON,
            CountdownState.OVERDUE,
        )

    @property
    def is_breach(self) -> bool:
        return self.state in (CountdownState.OVERDUE, CountdownState.LATE)


def adoption_due(*, issued_on: dt.date, calendar: WorkingDayCalendar):
    """The last day to publish the adoption report: the 10th working day
    after the decision document was issued."""
    return calendar.deadline(issued_on, ADOPTION_REPORT_WORKING_DAYS)


def adoption_countdown(
    *,
    issued_on: dt.date | None,
    published_on: dt.date | None,
    today: dt.date,
    calendar: WorkingDayCalendar,
    warning_days: int = ADOPTION_WARNING_WORKING_DAYS,
) -> AdoptionCountdown:
    if issued_on is None:
        return AdoptionCountdown(state=CountdownState.WAITING)
    deadline = adoption_due(issued_on=issued_on, calendar=calendar)
    due_on = deadline.due_on
    if published_on is not None:
        return AdoptionCountdown(
            state=CountdownState.ON_TIME
            if published_on <= due_on
            else CountdownState.LATE,
            due_on=due_on,
            published_on=published_on,
            provisional=deadline.provisional,
        )
    if today > due_on:
        left = -calendar.working_days_between(due_on, today)
        state = CountdownState.OVERDUE
    else:
        left = calendar.working_days_between(today, due_on)
        state = (
            CountdownState.DUE_SOON if left <= warning_days else CountdownState.RUNNING
        )
    return AdoptionCountdown(
        state=state,
        due_on=due_on,
        working_days_left=left,
        provisional=deadline.provisional,
    )


@dataclass(frozen=True)
class GroupAnswer:
    label: str
    comments: int
    verdict: str
    reason: str


def answer_problems(
    groups: list[GroupAnswer], *, concentrated: int, undecided: str, rejected: set[str]
) -> list[str]:
    """Why the adoption report cannot go out yet: a group not answered, or a
    concentrated opinion (at least ``concentrated`` similar comments) not
    adopted, or partly, without its reason (work plan 二、1: 较为集中意见不予采纳
    的原因)."""
    problems = []
    for group in groups:
        if group.verdict == undecided:
            problems.append(_("“%(label)s”尚未标明是否采纳。") % {"label": group.label})
        elif (
            group.verdict in rejected
            and group.comments >= concentrated
            and not group.reason.strip()
        ):
            problems.append(
                _("“%(label)s”有%(count)d条意见，未采纳或部分采纳的须说明理由。")
                % {"label": group.label, "count": group.comments}
            )
    return problems
