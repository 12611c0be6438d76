"""Back office of mining rights: transfers, approval results and
勘查开采信息公示 (each department its own, the office all), their notices,
the period deadlines on the home page, the portal column and the audit
labels."""

from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.core.admin_panels import add_urgent_rows
from gongkai.core.selectors import working_day_calendar
from gongkai.mining_rights import admin_views, selectors
from gongkai.mining_rights.admin_forms import MiningRecordForm
from gongkai.mining_rights.models import (
    MiningApproval,
    MiningDisclosure,
    MiningRightTransfer,
)
from gongkai.mining_rights.panels import MiningNoticesPanel


def _handler(model):
    return ObjectList(
        [MiningNoticesPanel(heading=_("发布")), *model.panels],
        base_form_class=MiningRecordForm,
    )


class TransferViewSet(ScopedSnippetViewSet):
    model = MiningRightTransfer
    icon = "doc-full"
    menu_label = _("矿业权出让")
    list_display = ["number", "name", "right_type", "sale_starts_on", "outcome"]
    list_filter = ["right_type", "outcome"]
    search_fields = ["number", "name", "mineral"]
    edit_handler = _handler(MiningRightTransfer)

    def visible(self, user):
        return selectors.visible_transfers(user)


class ApprovalViewSet(ScopedSnippetViewSet):
    model = MiningApproval
    icon = "tick"
    menu_label = _("审批结果")
    list_display = ["name", "holder", "kind", "approved_on"]
    list_filter = ["right_type", "kind"]
    search_fields = ["name", "holder", "license_number"]
    edit_handler = _handler(MiningApproval)

    def visible(self, user):
        return selectors.visible_approvals(user)


class DisclosureViewSet(ScopedSnippetViewSet):
    model = MiningDisclosure
    icon = "list-ul"
    menu_label = _("勘查开采信息公示")
    list_display = ["name", "holder", "year"]
    list_filter = ["year"]
    search_fields = ["name", "holder", "license_number"]
    edit_handler = _handler(MiningDisclosure)

    def visible(self, user):
        return selectors.visible_disclosures(user)


class MiningViewSetGroup(SnippetViewSetGroup):
    items = (TransferViewSet, ApprovalViewSet, DisclosureViewSet)
    menu_icon = "doc-full"
    menu_label = _("矿业权")
    menu_name = "mining_rights"
    menu_order = 343


register_snippet(MiningViewSetGroup)


@hooks.register("register_admin_urls")
def register_mining_urls():
    return [
        path(
            "mining-rights/<str:model>/<str:kind>/<int:pk>/submit/",
            admin_views.submit_notice,
            name="mining_rights_notice_submit",
        ),
        path(
            "mining-rights/notices/<int:pk>/reopen/",
            admin_views.reopen_notice,
            name="mining_rights_notice_reopen",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_mining_deadline_panel(request, panels):
    if not admin_views.can_manage(request.user):
        return
    add_urgent_rows(
        panels,
        selectors.mining_deadlines(
            transfers=selectors.visible_transfers(request.user),
            today=timezone.localdate(),
            periods=selectors.mining_policy().periods(),
            calendar=working_day_calendar(),
        ),
        name="mining_deadlines",
        order=89,
        template_name="mining_rights/admin/deadline_panel.html",
    )


@hooks.register("column_page_content")
def mining_on_column(*, column, request):
    if column.slug != selectors.COLUMN_SLUG or not column.agency_id:
        return ""
    return render_to_string("mining_rights/column_content.html", {}, request=request)


@hooks.register("item_precheck_findings")
def mining_period_findings(*, item, today):
    """终审 of a mining-right announcement or result is refused once
    publishing it today would break its periods."""
    from gongkai.mining_rights.models import MiningNotice
    from gongkai.review.checks.findings import period_finding

    if not item.pk:
        return []
    notice = (
        MiningNotice.objects.filter(item_id=item.pk, transfer__isnull=False)
        .select_related("transfer")
        .first()
    )
    if notice is None:
        return []
    policy = selectors.mining_policy()
    return [
        period_finding(
            severity=problem.severity,
            location=str(_("矿业权出让")),
            message=problem.message,
        )
        for problem in selectors.transfer_problems(
            transfer=notice.transfer,
            kind=notice.kind,
            today=today,
            periods=policy.periods(),
            publicity_working_days=policy.publicity_working_days,
            confirmation_working_days=policy.confirmation_working_days,
            calendar=working_day_calendar(),
        )
    ]


@hooks.register("register_log_actions")
def register_mining_log_actions(actions):
    for action, label in (
        ("mining_rights.notice_submitted", _("矿业权信息送审")),
        ("mining_rights.notice_reopened", _("矿业权信息撤回")),
        ("mining_rights.notice_published", _("矿业权信息发布")),
    ):
        actions.register_action(action, label, label)
