"""Back office of expropriation: projects (each department its own, the
office all) with their stages, 定点定向公开, the 征收土地公告 deadline on the
home page, the portal column's link and the audit labels."""

from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.core.admin_panels import add_urgent_rows
from gongkai.core.selectors import working_day_calendar
from gongkai.decisions.admin_forms import ScopedAdminForm
from gongkai.expropriation import admin_views, selectors
from gongkai.expropriation.models import ExpropriationProject
from gongkai.expropriation.panels import ProjectStagesPanel


class ProjectViewSet(ScopedSnippetViewSet):
    model = ExpropriationProject
    icon = "site"
    menu_label = _("征地项目")
    menu_name = "expropriation"
    menu_order = 342
    add_to_admin_menu = True
    list_display = ["name", "department", "approval_number", "published_on"]
    list_filter = ["department"]
    search_fields = ["name", "approval_number"]
    edit_handler = ObjectList(
        [ProjectStagesPanel(heading=_("征地环节")), *ExpropriationProject.panels],
        base_form_class=ScopedAdminForm,
    )

    def visible(self, user):
        return selectors.visible_projects(user)


register_snippet(ProjectViewSet)


@hooks.register("register_admin_urls")
def register_expropriation_urls():
    return [
        path(
            "expropriation/<int:pk>/villages/",
            admin_views.village_notices,
            name="expropriation_village_notices",
        ),
        path(
            "expropriation/deliveries/<int:pk>/photo/",
            admin_views.delivery_photo,
            name="expropriation_delivery_photo",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_expropriation_due_panel(request, panels):
    if not admin_views.can_manage(request.user):
        return
    add_urgent_rows(
        panels,
        selectors.announcement_deadlines(
            projects=selectors.visible_projects(request.user),
            today=timezone.localdate(),
            calendar=working_day_calendar(),
        ),
        name="expropriation_due",
        order=88,
        template_name="expropriation/admin/due_panel.html",
    )


@hooks.register("column_page_content")
def expropriation_on_column(*, column, request):
    if column.slug != selectors.COLUMN_SLUG or not column.agency_id:
        return ""
    projects = list(
        selectors.public_projects(agency=column.agency, today=timezone.localdate())[:10]
    )
    return render_to_string(
        "expropriation/column_content.html", {"projects": projects}, request=request
    )


@hooks.register("register_log_actions")
def register_expropriation_log_actions(actions):
    label = _("登记征地告知送达")
    actions.register_action("expropriation.delivery_recorded", label, label)
