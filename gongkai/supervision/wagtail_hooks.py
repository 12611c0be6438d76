"""Back office of 督办: work plans, their tasks and progress reports, and
the dashboard under 报告."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.supervision import admin_views
from gongkai.supervision.models import (
    MeasureRecord,
    PlanTask,
    ProgressReport,
    StandingMeasure,
    WorkPlan,
)


class WorkPlanViewSet(SnippetViewSet):
    model = WorkPlan
    icon = "doc-full"
    menu_label = _("工作方案")
    list_display = ["title", "year", "issued_on"]


class PlanTaskViewSet(SnippetViewSet):
    model = PlanTask
    icon = "tasks"
    menu_label = _("督办任务")
    list_display = [
        "number",
        "requirement",
        "responsible",
        "deadline_text",
        "due_on",
        "done_on",
    ]
    list_filter = ["plan", "due_kind"]
    ordering = ["plan", "number"]


class ProgressReportViewSet(SnippetViewSet):
    model = ProgressReport
    icon = "edit"
    menu_label = _("进展报送")
    list_display = ["task", "department", "reported_on", "completes_task"]


class StandingMeasureViewSet(SnippetViewSet):
    model = StandingMeasure
    icon = "group"
    menu_label = _("保障措施")
    list_display = ["kind", "plan", "times_per_year"]
    list_filter = ["plan"]


class MeasureRecordViewSet(SnippetViewSet):
    model = MeasureRecord
    icon = "date"
    menu_label = _("保障措施落实记录")
    list_display = ["held_on", "title", "measure", "participants"]
    list_filter = ["measure__kind"]


class SupervisionViewSetGroup(SnippetViewSetGroup):
    items = (
        WorkPlanViewSet,
        PlanTaskViewSet,
        ProgressReportViewSet,
        StandingMeasureViewSet,
        MeasureRecordViewSet,
    )
    menu_icon = "tasks"
    menu_label = _("督办")
    menu_name = "supervision"
    menu_order = 320


register_snippet(SupervisionViewSetGroup)


@hooks.register("register_admin_urls")
def register_supervision_urls():
    return [
        path("supervision/", admin_views.dashboard, name="supervision_dashboard"),
        path(
            "supervision/<int:pk>/",
            admin_views.dashboard,
            name="supervision_plan",
        ),
        path(
            "supervision/tasks/<int:pk>/report/",
            admin_views.report,
            name="supervision_report",
        ),
        path(
            "supervision/measures/<int:pk>/record/",
            admin_views.record_measure,
            name="supervision_record_measure",
        ),
        path(
            "supervision/<int:pk>/export/",
            admin_views.export,
            name="supervision_export",
        ),
    ]


class SupervisionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("supervision.view_plantask")


@hooks.register("register_reports_menu_item")
def register_supervision_menu_item():
    return SupervisionMenuItem(
        _("督办情况"), reverse("supervision_dashboard"), icon_name="tasks", order=120
    )


@hooks.register("register_log_actions")
def register_supervision_log_actions(actions):
    actions.register_action("supervision.reported", _("报送进展"), _("报送进展"))
    actions.register_action(
        "supervision.measure_recorded", _("登记保障措施"), _("登记保障措施落实")
    )
