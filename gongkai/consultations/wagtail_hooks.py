"""Back office of consultations: the consultations (each department its
own), their moderation and adoption screens, the deadline list, the
homepage warning of adoption reports due, and the audit labels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.consultations import admin_views, selectors
from gongkai.consultations.models import Consultation
from gongkai.consultations.panels import ConsultationStatePanel
from gongkai.core.admin_panels import RowsPanel
from gongkai.decisions.admin_forms import ScopedAdminForm


class ConsultationViewSet(ScopedSnippetViewSet):
    model = Consultation
    icon = "group"
    menu_label = _("征求意见")
    menu_order = 340
    add_to_admin_menu = True
    list_display = ["title", "department", "opens_on", "closes_on", "status"]
    list_filter = ["status", "department"]
    search_fields = ["title", "draft_title"]
    edit_handler = ObjectList(
        [ConsultationStatePanel(heading=_("发布和办理")), *Consultation.panels],
        base_form_class=ScopedAdminForm,
    )

    def visible(self, user):
        return selectors.visible_consultations(user)


register_snippet(ConsultationViewSet)


@hooks.register("register_admin_urls")
def register_consultation_urls():
    return [
        path(
            "consultations/<int:pk>/publish/",
            admin_views.publish,
            name="consultations_publish",
        ),
        path(
            "consultations/<int:pk>/withdraw/",
            admin_views.withdraw,
            name="consultations_withdraw",
        ),
        path(
            "consultations/<int:pk>/comments/",
            admin_views.moderate,
            name="consultations_moderate",
        ),
        path(
            "consultations/<int:pk>/adoption/",
            admin_views.adoption,
            name="consultations_adoption",
        ),
        path(
            "consultations/deadlines/",
            admin_views.deadlines,
            name="consultations_deadlines",
        ),
    ]


class DeadlinesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_manage(request.user)


@hooks.register("register_reports_menu_item")
def register_deadlines_menu_item():
    return DeadlinesMenuItem(
        _("意见采纳反馈期限"),
        reverse("consultations_deadlines"),
        icon_name="time",
        order=720,
    )


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    for action, label in (
        ("consultations.published", _("发布征求意见")),
        ("consultations.withdrawn", _("撤回征求意见")),
        ("consultations.comment_approved", _("公众意见审核通过")),
        ("consultations.comment_rejected", _("公众意见不予通过")),
        ("consultations.grouped", _("公众意见自动归类")),
        ("consultations.group_answered", _("填写意见采纳情况")),
        ("consultations.comment_moved", _("调整意见归类")),
        ("consultations.adoption_submitted", _("意见采纳情况送审")),
        ("consultations.adoption_reopened", _("意见采纳情况撤回")),
        ("consultations.adoption_published", _("意见采纳情况发布")),
    ):
        actions.register_action(action, label, label)


@hooks.register("construct_homepage_panels")
def add_adoption_due_panel(request, panels):
    if not admin_views.can_manage(request.user):
        return
    rows = [
        row
        for row in selectors.adoption_countdowns(
            consultations=selectors.visible_consultations(request.user)
        )
        if row.countdown.state in ("overdue", "due_soon")
    ]
    if rows:
        panels.append(
            RowsPanel(
                name="adoption_due",
                order=85,
                template_name="consultations/admin/due_panel.html",
                rows=rows,
            )
        )
