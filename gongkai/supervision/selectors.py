"""Reads of 督办: each task's state on a day, as the office's dashboard,
the XLSX export and ``supervision_report`` show it."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils import timezone

from gongkai.core.selectors import working_day_calendar
from gongkai.supervision import events, measures
from gongkai.supervision.due_rules import (
    KIND_LABELS,
    ON_TRACK,
    OVERDUE,
    STATE_LABELS,
    EventTally,
    event_task_state,
    task_state,
)
from gongkai.supervision.measures import counted_measure_state
from gongkai.supervision.models import PlanTask, StandingMeasure, WorkPlan

# An event's deadline within this many working days makes its task due soon
# (as the 发布时效 report warns, publishing.deadlines).
EVENT_DUE_SOON_WORKING_DAYS = 5


@dataclass(frozen=True)
class TaskStatus:
    task: PlanTask
    state: str
    answers_on: dt.date | None
    last_report_on: dt.date | None
    # Tasks that run from events the platform records (起算事件).
    tally: EventTally | None = None
    occurrences: tuple[events.Occurrence, ...] = ()

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def attention(self) -> list[events.Occurrence]:
        """The occurrences open past their deadline or met late."""
        today = timezone.localdate()
        return [
            occurrence
            for occurrence in self.occurrences
            if (occurrence.done_on or today) > occurrence.due_on
        ]


def task_statuses(*, plan: WorkPlan, today: dt.date | None = None) -> list[TaskStatus]:
    today = today or timezone.localdate()
    tasks = (
        plan.tasks.annotate(last_report_on=Max("reports__reported_on"))
        .prefetch_related("departments")
        .order_by("number")
    )
    statuses = []
    for task in tasks:
        event_status = _event_status(plan=plan, task=task, today=today)
        if event_status is not None:
            statuses.append(event_status)
            continue
        state, answers_on = task_state(
            due_on=task.due_on,
            done_on=task.done_on,
            last_report_on=task.last_report_on,
            started_on=plan.issued_on,
            cycle_days=task.review_cycle_days,
            today=today,
        )
        statuses.append(TaskStatus(task, state, answers_on, task.last_report_on))
    return statuses


def _event_status(*, plan: WorkPlan, task: PlanTask, today: dt.date):
    """A task whose period runs from events the platform records, or a
    standing task whose occasions it records, judged on every occurrence
    since the plan was issued; None when no app records them (the report
    cycle applies)."""
    if task.due_on is not None or task.done_on:
        return None
    if task.is_relative:
        found = events.source_for(task.event)
    elif task.is_standing:
        found = events.standing_source_for(task.requirement)
    else:
        found = None
    if found is None:
        return None
    _name, source = found
    occurrences = tuple(
        source(
            agency=plan.agency,
            departments=task.departments.all(),
            since=plan.issued_on,
            today=today,
        )
    )
    calendar = working_day_calendar()
    tally = event_task_state(
        [(occurrence.due_on, occurrence.done_on) for occurrence in occurrences],
        today=today,
        due_soon_until=calendar.add_working_days(today, EVENT_DUE_SOON_WORKING_DAYS),
    )
    return TaskStatus(
        task,
        tally.state,
        tally.answers_on,
        task.last_report_on,
        tally=tally,
        occurrences=occurrences,
    )


def _tally(tally: EventTally | None) -> dict | None:
    if tally is None:
        return None
    return {
        "件数": tally.total,
        "按期": tally.on_time,
        "逾期完成": tally.late,
        "未完成": tally.open,
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def report_rows(*, plan: WorkPlan, today: dt.date | None = None) -> list[dict]:
    """One object per task: the sheet's own fields under their Chinese
    headers, then what the platform parsed and the state."""
    return [
        {
            "序号": status.task.number,
            "工作任务": status.task.task,
            "工作要求": {
                "要点": status.task.focus,
                "具体要求": status.task.requirement,
            },
            "责任单位": status.task.responsible,
            "时限要求": status.task.deadline_text,
            "牵头单位": status.task.lead_units,
            "具体落实单位": status.task.implementing_units,
            "责任科室": [
                department.name for department in status.task.departments.all()
            ],
            "时限类型": KIND_LABELS[status.task.due_kind],
            "起算事件": status.task.event or None,
            "完成期限": _date(status.task.due_on),
            "下次报送期限": _date(status.answers_on),
            "最近报送": _date(status.last_report_on),
            "起算事件记录": _tally(status.tally),
            "状态": status.state_label,
        }
        for status in task_statuses(plan=plan, today=today)
    ]


def by_department(statuses: list[TaskStatus]) -> dict[str, dict[str, int]]:
    """Counts of task states per responsible unit (lead or implementing)."""
    table: dict[str, dict[str, int]] = {}
    for status in statuses:
        for unit in dict.fromkeys(
            [*status.task.lead_units, *status.task.implementing_units]
        ):
            row = table.setdefault(unit, dict.fromkeys(STATE_LABELS, 0))
            row[status.state] += 1
    return table


@dataclass(frozen=True)
class MeasureStatus:
    measure: StandingMeasure
    year: int
    held: int  # records in ``year``
    state: str
    answers_on: dt.date | None
    last_on: dt.date | None  # the last record, or the last update

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_counted(self) -> bool:
        return self.measure.times_per_year > 0


def measure_statuses(
    *, plan: WorkPlan, today: dt.date | None = None, year: int | None = None
) -> list[MeasureStatus]:
    """The plan's 保障措施 in ``year`` (this year by default: a plan's yearly
    measures hold while it is in force). Counted measures are judged on the
    records of the year; the guide and catalogue on when they last changed."""
    today = today or timezone.localdate()
    year = year or today.year
    statuses = []
    for measure in plan.measures.annotate(
        held=Count("records", filter=Q(records__held_on__year=year)),
        last_on=Max("records__held_on"),
    ):
        if measure.times_per_year:
            state, answers_on = counted_measure_state(
                held=measure.held,
                required=measure.times_per_year,
                year=year,
                today=today,
            )
            last_on = measure.last_on
        else:
            state, answers_on, last_on = _kept_current(
                measure=measure, agency=plan.agency
            )
        statuses.append(
            MeasureStatus(measure, year, measure.held, state, answers_on, last_on)
        )
    return statuses


def _kept_current(*, measure: StandingMeasure, agency):
    """The guide and the catalogue are generated from the agency record, the
    column tree and the published items and follow every change; the state
    shows when they last changed, and is overdue should they ever lag
    behind (the daily ``refresh_catalogue`` puts them right)."""
    from gongkai.catalog import selectors as catalog

    if measure.kind == measures.GUIDE:
        current = catalog.guide_is_current(agency=agency)
        changed_on = catalog.guide_changed_on(agency=agency)
    else:
        current = catalog.catalogue_is_current(agency=agency)
        changed_on = catalog.catalogue_changed_on(agency=agency)
    last_on = max(filter(None, (changed_on, measure.last_on)), default=None)
    return (ON_TRACK if current else OVERDUE), None, last_on


def measure_rows(*, plan: WorkPlan, today: dt.date | None = None) -> list[dict]:
    return [
        {
            "措施": status.measure.get_kind_display(),
            "方案要求": status.measure.requirement,
            "年度": status.year,
            "每年至少次数": status.measure.times_per_year or None,
            "本年完成次数": status.held if status.is_counted else None,
            "最近一次": _date(status.last_on),
            "状态": status.state_label,
        }
        for status in measure_statuses(plan=plan, today=today)
    ]
