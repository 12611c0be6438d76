"""The 时限要求 cell of a 任务分解表 as a due rule. Pure.

The table uses three kinds (domain-rules §2, issue 督办):

- a fixed date: "2023年10月底前…", "2023年12月底前完成", "2023年6月30日前";
- a period after an event: "信息形成或变更之日起20个工作日内公开",
  "决策文件出台后的10个工作日内", "本方案发布之日起20个工作日内…"; the
  platform attaches it to the real events and counts working days;
- a standing obligation: "长期坚持", "及时公开", checked on a cycle the office
  sets.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

FIXED = "fixed"
RELATIVE = "relative"
STANDING = "standing"
KIND_LABELS = {FIXED: "限期完成", RELATIVE: "事件后限期", STANDING: "长期坚持"}

_FIXED_MONTH_END = re.compile(r"(\d{4})年(\d{1,2})月(?:底|末)(?:前|之前)?")
_FIXED_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前)")
_RELATIVE = re.compile(
    r"(?P<event>[^，。；]*?)(?:之日起|之日后|后的?|起)(?P<count>\d+)个?(?P<unit>工作日|日|天)内"
)


@dataclass(frozen=True)
class DueRule:
    kind: str
    text: str
    due_on: dt.date | None = None  # fixed
    event: str = ""  # relative: what starts the period
    days: int = 0
    working_days: bool = True

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def parse_due_rule(text: str) -> DueRule:
    """The due rule of one 时限要求 cell; an unrecognised text is a standing
    obligation (the office sets its cycle), never silently a date."""
    text = (text or "").strip()
    match = _FIXED_DAY.search(text)
    if match:
        year, month, day = map(int, match.groups())
        return DueRule(kind=FIXED, text=text, due_on=dt.date(year, month, day))
    match = _FIXED_MONTH_END.search(text)
    if match:
        year, month = int(match[1]), int(match[2])
        last = calendar.monthrange(year, month)[1]
        return DueRule(kind=FIXED, text=text, due_on=dt.date(year, month, last))
    match = _RELATIVE.search(text)
    if match:
        return DueRule(
            kind=RELATIVE,
            text=text,
            event=match["event"].strip(),
            days=int(match["count"]),
            working_days=match["unit"] == "工作日",
        )
    return DueRule(kind=STANDING, text=text)


ON_TRACK = "on_track"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
DONE = "done"
STATE_LABELS = {
    ON_TRACK: "正常推进",
    DUE_SOON: "即将到期",
    OVERDUE: "已逾期",
    DONE: "已完成",
}
DUE_SOON_DAYS = 14


def task_state(
    *,
    due_on: dt.date | None,
    done_on: dt.date | None,
    last_report_on: dt.date | None,
    started_on: dt.date,
    cycle_days: int,
    today: dt.date,
) -> tuple[str, dt.date | None]:
    """The state of a task on ``today`` and the date it answers to next.

    A task with a due date is done once completed, overdue after the date,
    due soon within two weeks of it. A standing task, or one that runs from
    events, answers each cycle: a progress report is due ``cycle_days``
    after the last one (or after the plan was issued).
    """
    if done_on is not None:
        return DONE, due_on
    if due_on is None:
        due_on = (last_report_on or started_on) + dt.timedelta(days=cycle_days)
    if today > due_on:
        return OVERDUE, due_on
    if (due_on - today).days <= DUE_SOON_DAYS:
        return DUE_SOON, due_on
    return ON_TRACK, due_on


@dataclass(frozen=True)
class EventTally:
    """A task that runs from events, judged on its occurrences."""

    state: str
    answers_on: dt.date | None  # the earliest open deadline
    total: int
    on_time: int
    late: int  # met, but after the deadline
    open: int


def event_task_state(
    occurrences: list[tuple[dt.date, dt.date | None]],
    *,
    today: dt.date,
    due_soon_until: dt.date,
) -> EventTally:
    """The state of a task from its events' (deadline, met on) pairs: overdue
    while an occurrence is open past its deadline, due soon while one falls
    due by ``due_soon_until``, on track otherwise. Occurrences met late stay
    counted (they are reported as 逾期完成) but no longer hold the task."""
    on_time = sum(1 for due, done in occurrences if done is not None and done <= due)
    late = sum(1 for due, done in occurrences if done is not None and done > due)
    open_dues = sorted(due for due, done in occurrences if done is None)
    answers_on = open_dues[0] if open_dues else None
    if answers_on is not None and today > answers_on:
        state = OVERDUE
    elif answers_on is not None and answers_on <= due_soon_until:
        state = DUE_SOON
    else:
        state = ON_TRACK
    return EventTally(
        state=state,
        answers_on=answers_on,
        total=len(occurrences),
        on_time=on_time,
        late=late,
        open=len(open_dues),
    )
