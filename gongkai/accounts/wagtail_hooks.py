"""Back office for agencies and departments; department changes on the user
form go through the service so the permission group follows."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.accounts import services
from gongkai.accounts.admin_views import AuditLogView
from gongkai.accounts.models import Agency, Department
from gongkai.accounts.selectors import can_read_audit_log


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("机关")
    list_display = ["name", "credit_code", "phone"]
    search_fields = ["name", "credit_code"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("科室")
    list_display = ["name", "agency", "head_name", "is_office"]
    list_filter = ["agency", "is_office"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, DepartmentViewSet)
    menu_icon = "site"
    menu_label = _("机关与科室")
    menu_name = "organisation"
    menu_order = 900


register_snippet(OrganisationViewSetGroup)


def _sync_department(request, user):
    department = user.department
    if department is None or not user.groups.filter(pk=department.group_id).exists():
        services.assign_user_to_department(
            user=user, department=department, actor=request.user
        )


@hooks.register("after_create_user")
def sync_department_after_create(request, user):
    _sync_department(request, user)


@hooks.register("after_edit_user")
def sync_department_after_edit(request, user):
    _sync_department(request, user)


@hooks.register("after_create_snippet")
def give_new_department_a_group(request, instance):
    if isinstance(instance, Department):
        services.provide_department_group(department=instance)


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("accounts.logged_in", _("登录"), _("登录"))
    actions.register_action("accounts.logged_out", _("退出登录"), _("退出登录"))
    actions.register_action("accounts.login_failed", _("登录失败"), _("登录失败"))
    actions.register_action(
        "accounts.department_assigned", _("调整所属科室"), _("调整所属科室")
    )
    actions.register_action(
        "accounts.columns_changed", _("调整负责栏目"), _("调整负责栏目")
    )


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("audit-log/", AuditLogView.as_view(), name="accounts_audit_log"),
        path(
            "audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name="accounts_audit_log_results",
        ),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_audit_log(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("审计日志"), reverse("accounts_audit_log"), icon_name="history", order=100
    )
