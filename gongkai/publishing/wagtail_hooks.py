"""Back-office screens of proactive disclosure."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gongkai.publishing.admin_views import timeliness_report


@hooks.register("register_admin_urls")
def register_timeliness_url():
    return [path("timeliness/", timeliness_report, name="publishing_timeliness")]


@hooks.register("register_reports_menu_item")
def register_timeliness_menu_item():
    return MenuItem(
        _("发布时效"), reverse("publishing_timeliness"), icon_name="date", order=110
    )
