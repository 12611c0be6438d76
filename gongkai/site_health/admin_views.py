"""The office's health-check page under 报告: the latest verdict with its
reasons, the findings by indicator with links to the pages, the trend of
past runs, a button to check now, and closing a zombie column."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.accounts.selectors import agency_of
from gongkai.publishing.models import ColumnPage
from gongkai.site_health import reporting, selectors, services
from gongkai.site_health.admin_forms import CloseColumnForm
from gongkai.site_health.choices import Indicator, Verdict
from gongkai.site_health.errors import InvalidSuccessorError, NoPortalError
from gongkai.site_health.tasks import run_health_check_task

TREND_RUNS = 30
# Chart geometry (viewBox units).
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 600, 160, 24


def can_check(user) -> bool:
    """The office (政务公开统筹) follows the site's health; departments do
    not."""
    return user.is_superuser or user.is_in_office


def _agency(request):
    if not can_check(request.user):
        raise PermissionDenied
    agency = agency_of(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def dashboard(request):
    agency = _agency(request)
    runs = selectors.recent_runs(agency=agency, limit=TREND_RUNS)
    latest = runs[0] if runs else None
    report = reporting.run_as_dict(latest, findings_limit=200) if latest else None
    return TemplateResponse(
        request,
        "site_health/dashboard.html",
        {
            "agency": agency,
            "run": latest,
            "report": report,
            "failed": latest is not None and latest.verdict == Verdict.FAILED,
            "runs": runs,
            "chart": _chart(list(reversed(runs))),
            "closable": {Indicator.ZOMBIE_COLUMNS, Indicator.SLEEPING_TOPICS},
        },
    )


def _chart(runs) -> dict:
    """Points of the reference score over the runs (a veto plots at 0)."""
    if not runs:
        return {}
    inner_width = CHART_WIDTH - 2 * CHART_PAD
    inner_height = CHART_HEIGHT - 2 * CHART_PAD
    step = inner_width / max(len(runs) - 1, 1)
    points = []
    for index, run in enumerate(runs):
        value = float(run.score) if run.score is not None else 0.0
        x = CHART_PAD + index * step
        y = CHART_PAD + inner_height * (1 - value / 100)
        points.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "failed": run.verdict == Verdict.FAILED,
                "label": f"{run.checked_on:%Y-%m-%d} {run.get_verdict_display()} "
                + (str(run.score) if run.score is not None else _("单项否决")),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "pass_y": round(CHART_PAD + inner_height * 0.4, 1),
        "left": CHART_PAD,
        "right": CHART_WIDTH - CHART_PAD,
    }


@require_POST
def run_now(request):
    agency = _agency(request)
    try:
        run_health_check_task.enqueue(agency.pk, request.user.pk)
    except NoPortalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已完成（或已开始）网站健康检查。"))
    return redirect("site_health_dashboard")


def close_column(request, pk: int):
    """关闭栏目: its items go to a successor, old addresses keep working."""
    agency = _agency(request)
    column = get_object_or_404(ColumnPage.objects.live(), pk=pk, agency=agency)
    form = CloseColumnForm(request.POST or None, column=column)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.close_column(
                column=column,
                successor=form.cleaned_data["successor"],
                actor=request.user,
            )
        except InvalidSuccessorError as error:
            form.add_error("successor", str(error))
        else:
            messages.success(
                request,
                _(
                    "栏目“%(title)s”已关闭，%(count)s个页面已移入“%(successor)s”，原地址自动跳转。"
                )
                % {
                    "title": column.title,
                    "count": moved,
                    "successor": form.cleaned_data["successor"].title,
                },
            )
            return redirect("site_health_dashboard")
    return TemplateResponse(
        request,
        "site_health/close_column.html",
        {"column": column, "form": form},
        status=400 if request.method == "POST" else 200,
    )
