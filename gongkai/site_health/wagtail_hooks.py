"""Back office of the health check: the page under 报告, its actions, and
the labels of its log entries."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gongkai.site_health import admin_views


@hooks.register("register_admin_urls")
def register_site_health_urls():
    return [
        path("site-health/", admin_views.dashboard, name="site_health_dashboard"),
        path("site-health/run/", admin_views.run_now, name="site_health_run"),
        path(
            "site-health/columns/<int:pk>/close/",
            admin_views.close_column,
            name="site_health_close_column",
        ),
    ]


class SiteHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_check(request.user)


@hooks.register("register_reports_menu_item")
def register_site_health_menu_item():
    return SiteHealthMenuItem(
        _("网站健康检查"),
        reverse("site_health_dashboard"),
        icon_name="pick",
        order=130,
    )


@hooks.register("register_log_actions")
def register_site_health_log_actions(actions):
    actions.register_action(
        "site_health.checked", _("网站健康检查"), _("执行网站健康检查")
    )
    actions.register_action(
        "site_health.column_closed", _("关闭栏目"), _("关闭栏目并移交信息")
    )
