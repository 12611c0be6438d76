"""Writes of 督办: a work plan's task table loaded from its rows or from a
sheet (XLSX, or CSV in UTF-8 or GBK) of the same shape, and progress
reports."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import Agency, Department
from gongkai.accounts.selectors import staff_emails
from gongkai.core.selectors import working_day_calendar
from gongkai.publishing.importing import ImportRefusedError, RowError
from gongkai.publishing.importing.sheets import cell_text, map_headers, read_sheet
from gongkai.supervision.due_rules import RELATIVE, parse_due_rule
from gongkai.supervision.models import PlanTask, ProgressReport, WorkPlan
from gongkai.supervision.units import parse_responsible_units

SHEET_HEADERS = {
    "序号": "number",
    "工作任务": "task",
    "工作要点": "focus",
    "工作要求": "requirement",
    "责任单位": "responsible",
    "时限要求": "deadline",
}
REQUIRED_HEADERS = ("序号", "工作任务", "工作要求", "责任单位", "时限要求")
# Merged cells: a blank one repeats the row above.
CARRIED_DOWN = ("task", "focus", "requirement", "responsible", "deadline")
# "本方案发布之日起…": periods that run from the plan itself.
PLAN_EVENTS = ("本方案发布", "本方案印发", "方案印发", "方案发布")


@dataclass
class TaskImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _due_on(plan: WorkPlan, rule) -> dt.date | None:
    if rule.due_on is not None:
        return rule.due_on
    if rule.kind == RELATIVE and rule.event in PLAN_EVENTS:
        if rule.working_days:
            return working_day_calendar().deadline(plan.issued_on, rule.days).due_on
        return plan.issued_on + dt.timedelta(days=rule.days)
    return None


@transaction.atomic
def save_task(*, plan: WorkPlan, row: dict) -> tuple[PlanTask, bool]:
    """Create or update the task numbered ``row["number"]`` from its cells."""
    units = parse_responsible_units(row["responsible"])
    rule = parse_due_rule(row["deadline"])
    task, created = PlanTask.objects.update_or_create(
        plan=plan,
        number=int(row["number"]),
        defaults={
            "task": row["task"],
            "focus": row.get("focus", ""),
            "requirement": row["requirement"],
            "responsible": row["responsible"],
            "lead_units": list(units.lead),
            "implementing_units": list(units.implementing),
            "deadline_text": row["deadline"],
            "due_kind": rule.kind,
            "due_on": _due_on(plan, rule),
            "event": rule.event,
            "period_days": rule.days,
        },
    )
    names = set(units.lead) | set(units.implementing)
    task.departments.set(Department.objects.filter(agency=plan.agency, name__in=names))
    return task, created


def load_tasks(*, plan: WorkPlan, rows: list[dict]) -> TaskImportReport:
    report = TaskImportReport()
    for row in rows:
        _task, created = save_task(plan=plan, row=row)
        if created:
            report.created += 1
        else:
            report.updated += 1
    return report


def import_task_sheet(*, plan: WorkPlan, path: Path) -> TaskImportReport:
    """Load the 任务分解表 at ``path``. Every row is checked; a bad row is
    reported with its number and nothing of it is written."""
    rows = read_sheet(path=path)
    if not rows:
        raise ImportRefusedError(_("表格是空的。"))
    positions, _names, warnings = map_headers(
        rows[0], headers=SHEET_HEADERS, required=REQUIRED_HEADERS
    )
    report = TaskImportReport(warnings=warnings)
    above = dict.fromkeys(CARRIED_DOWN, "")
    seen: dict[int, int] = {}
    for row_number, cells in enumerate(rows[1:], start=2):
        values = {
            key: cell_text(cells[position]) if position < len(cells) else ""
            for key, position in positions.items()
        }
        if not any(values.values()):
            continue
        for key in CARRIED_DOWN:
            values[key] = values.get(key) or above[key]
        above = {key: values.get(key, "") for key in CARRIED_DOWN}
        number = values.get("number", "")
        problems = []
        if not number.isdigit():
            problems.append(_("“序号”应为数字。"))
        for key, header in (
            ("requirement", "工作要求"),
            ("responsible", "责任单位"),
            ("deadline", "时限要求"),
        ):
            if not values.get(key):
                problems.append(_("“%(header)s”不能为空。") % {"header": header})
        if not problems and int(number) in seen:
            problems.append(
                _("序号%(number)s与第%(row)d行重复。")
                % {"number": number, "row": seen[int(number)]}
            )
        if problems:
            report.errors.append(RowError(row_number, "".join(problems)))
            continue
        seen[int(number)] = row_number
        _task, created = save_task(plan=plan, row=values)
        if created:
            report.created += 1
        else:
            report.updated += 1
    return report


@transaction.atomic
def get_or_create_plan(
    *, agency: Agency, title: str, year: int, issued_on: dt.date, document=None
) -> WorkPlan:
    plan, created = WorkPlan.objects.get_or_create(
        agency=agency,
        title=title,
        defaults={"year": year, "issued_on": issued_on, "document": document},
    )
    if created:
        log(instance=plan, action="wagtail.create", user=None)
    return plan


@transaction.atomic
def report_progress(
    *,
    task: PlanTask,
    department: Department | None,
    reported_on: dt.date,
    note: str,
    evidence_item=None,
    evidence_url: str = "",
    evidence_case=None,
    completes_task: bool = False,
    user=None,
) -> ProgressReport:
    """A department reports on its task; a report that completes a task
    with a deadline marks it done on that day."""
    report = ProgressReport.objects.create(
        task=task,
        department=department,
        reported_on=reported_on,
        note=note,
        evidence_item=evidence_item,
        evidence_url=evidence_url,
        evidence_case=evidence_case,
        completes_task=completes_task,
    )
    if completes_task and task.done_on is None:
        task.done_on = reported_on
        task.save(update_fields=["done_on", "updated_at"])
    log(
        instance=task,
        action="supervision.reported",
        user=user,
        data={"report": report.pk},
    )
    return report


def remind_overdue(*, today: dt.date | None = None) -> int:
    """E-mail each overdue task's departments (and the office) once for each
    deadline missed; returns how many reminders went out."""
    from django.core.mail import send_mail
    from django.utils import timezone

    from gongkai.supervision.due_rules import OVERDUE
    from gongkai.supervision.selectors import task_statuses

    today = today or timezone.localdate()
    sent = 0
    for plan in WorkPlan.objects.select_related("agency"):
        for status in task_statuses(plan=plan, today=today):
            task = status.task
            if status.state != OVERDUE or task.reminded_for == status.answers_on:
                continue
            recipients = staff_emails(
                agency=plan.agency, departments=task.departments.all()
            )
            if recipients:
                send_mail(
                    _("【督办逾期】%(plan)s 第%(number)d项")
                    % {"plan": plan.title, "number": task.number},
                    _(
                        "工作要求：%(requirement)s\n责任单位：%(units)s\n时限要求：%(deadline)s\n"
                        "应于%(due)s前完成或报送进展，现已逾期。请登录管理后台报送进展。"
                    )
                    % {
                        "requirement": task.requirement,
                        "units": task.responsible,
                        "deadline": task.deadline_text,
                        "due": status.answers_on.isoformat(),
                    },
                    None,
                    recipients,
                )
                sent += 1
            task.reminded_for = status.answers_on
            task.save(update_fields=["reminded_for"])
    return sent


@transaction.atomic
def load_standing_measures(*, plan: WorkPlan, text: str, actor=None) -> int:
    """The plan's 保障措施 as measures, read from its text; loading the same
    text again changes nothing. Returns how many measures the plan has."""
    from gongkai.supervision.measures import parse_standing_measures
    from gongkai.supervision.models import StandingMeasure

    for spec in parse_standing_measures(text):
        measure, created = StandingMeasure.objects.update_or_create(
            plan=plan,
            kind=spec.kind,
            defaults={
                "requirement": spec.requirement,
                "times_per_year": spec.times_per_year,
            },
        )
        if created:
            log(instance=measure, action="wagtail.create", user=actor)
    return plan.measures.count()


@transaction.atomic
def record_measure(
    *,
    measure,
    held_on: dt.date,
    title: str,
    note: str = "",
    participants: int | None = None,
    evidence_item=None,
    evidence_url: str = "",
    actor=None,
):
    """The office records a meeting, report or training session held."""
    from django.utils import timezone

    from gongkai.core.errors import DomainError
    from gongkai.supervision.models import MeasureRecord

    if held_on > timezone.localdate():
        raise DomainError(_("日期不能晚于今天。"))
    record = MeasureRecord.objects.create(
        measure=measure,
        held_on=held_on,
        title=title,
        note=note,
        participants=participants,
        evidence_item=evidence_item,
        evidence_url=evidence_url,
    )
    log(
        instance=measure,
        action="supervision.measure_recorded",
        user=actor,
        data={"record": record.pk, "held_on": held_on.isoformat()},
    )
    return record
