"""The office's 督办 dashboard: the plan's tasks by state and by unit, and
its XLSX export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gongkai.accounts.selectors import agency_of
from gongkai.supervision import exports, selectors, services
from gongkai.supervision.admin_forms import MeasureRecordForm, ProgressForm
from gongkai.supervision.due_rules import STATE_LABELS
from gongkai.supervision.models import PlanTask, StandingMeasure, WorkPlan


def _plan(request, pk: int | None) -> WorkPlan:
    if not request.user.has_perm("supervision.view_plantask"):
        raise PermissionDenied
    plans = WorkPlan.objects.all()
    if not request.user.is_superuser:
        plans = plans.filter(agency=agency_of(request.user))
    if pk is None:
        plan = plans.first()
        if plan is None:
            raise PermissionDenied
        return plan
    return get_object_or_404(plans, pk=pk)


def dashboard(request, pk: int | None = None):
    plan = _plan(request, pk)
    statuses = selectors.task_statuses(plan=plan)
    counts = dict.fromkeys(STATE_LABELS, 0)
    for status in statuses:
        counts[status.state] += 1
    return TemplateResponse(
        request,
        "supervision/dashboard.html",
        {
            "plan": plan,
            "plans": WorkPlan.objects.filter(agency=plan.agency),
            "statuses": statuses,
            "reportable": {
                status.task.pk
                for status in statuses
                if can_report(request.user, status.task)
            },
            "counts": [
                (STATE_LABELS[key], key, value) for key, value in counts.items()
            ],
            "units": sorted(selectors.by_department(statuses).items()),
            "measures": selectors.measure_statuses(plan=plan),
            "can_record": request.user.has_perm("supervision.add_measurerecord"),
            "state_keys": list(STATE_LABELS),
            "state_labels": list(STATE_LABELS.values()),
        },
    )


def can_report(user, task) -> bool:
    """The office, and the departments the task names (through this form
    only: they cannot report on other tasks)."""
    if user.has_perm("supervision.change_plantask"):
        return True
    return (
        user.has_perm("supervision.view_plantask")
        and user.department_id is not None
        and task.departments.filter(pk=user.department_id).exists()
    )


def report(request, pk: int):
    """报送进展: a department reports on its task, with its evidence."""
    task = get_object_or_404(PlanTask.objects.select_related("plan"), pk=pk)
    _plan(request, task.plan_id)
    if not can_report(request.user, task):
        raise PermissionDenied
    form = ProgressForm(request.POST or None, task=task, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.report_progress(
            task=task,
            department=request.user.department,
            user=request.user,
            **form.cleaned_data,
        )
        messages.success(request, _("已报送进展。"))
        return redirect("supervision_plan", pk=task.plan_id)
    return TemplateResponse(
        request,
        "supervision/report.html",
        {"task": task, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def record_measure(request, pk: int):
    """The office records a meeting, report or training session held."""
    measure = get_object_or_404(StandingMeasure.objects.select_related("plan"), pk=pk)
    _plan(request, measure.plan_id)
    if not request.user.has_perm("supervision.add_measurerecord"):
        raise PermissionDenied
    form = MeasureRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_measure(
            measure=measure, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("已登记。"))
        return redirect("supervision_plan", pk=measure.plan_id)
    return TemplateResponse(
        request,
        "supervision/record_measure.html",
        {"measure": measure, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def export(request, pk: int):
    plan = _plan(request, pk)
    content = exports.tasks_workbook(
        selectors.report_rows(plan=plan), selectors.measure_rows(plan=plan)
    )
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"supervision-{plan.year}.xlsx"
    )
    return response
