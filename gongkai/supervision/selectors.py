"""Reads of 督办: each task's state on a day, as the office's dashboard,
the XLSX export and ``supervision_report`` show it."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from gongkai.supervision.due_rules import KIND_LABELS, STATE_LABELS, task_state
from gongkai.supervision.models import PlanTask, WorkPlan


@dataclass(frozen=True)
class TaskStatus:
    task: PlanTask
    state: str
    answers_on: dt.date | None
    last_report_on: dt.date | None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def task_statuses(*, plan: WorkPlan, today: dt.date | None = None) -> list[TaskStatus]:
    today = today or timezone.localdate()
    tasks = (
        plan.tasks.annotate(last_report_on=Max("reports__reported_on"))
        .prefetch_related("departments")
        .order_by("number")
    )
    statuses = []
    for task in tasks:
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
