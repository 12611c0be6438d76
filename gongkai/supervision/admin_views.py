"""The office's 督办 dashboard: the plan's tasks by state and by unit, and
its XLSX export."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from gongkai.accounts.selectors import agency_of
from gongkai.supervision import exports, selectors
from gongkai.supervision.due_rules import STATE_LABELS
from gongkai.supervision.models import WorkPlan


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
            "counts": [
                (STATE_LABELS[key], key, value) for key, value in counts.items()
            ],
            "units": sorted(selectors.by_department(statuses).items()),
            "state_keys": list(STATE_LABELS),
            "state_labels": list(STATE_LABELS.values()),
        },
    )


def export(request, pk: int):
    plan = _plan(request, pk)
    content = exports.tasks_workbook(selectors.report_rows(plan=plan))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''supervision-{plan.year}.xlsx"
    )
    return response
