"""Back office of the land market: plans, announcements and parcels (the
agency's own), the import, the deadline list and its home-page panel, the
portal column's tables, the pre-review period check and the audit labels."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.core.admin_panels import add_urgent_rows
from gongkai.core.selectors import working_day_calendar
from gongkai.decisions.admin_forms import ScopedAdminForm
from gongkai.land_market import admin_views, selectors
from gongkai.land_market.admin_forms import AnnouncementForm, ParcelForm
from gongkai.land_market.models import Parcel, SupplyPlan, TransferAnnouncement
from gongkai.land_market.panels import NoticesPanel


class SupplyPlanViewSet(ScopedSnippetViewSet):
    model = SupplyPlan
    icon = "list-ol"
    menu_label = _("土地供应计划")
    list_display = ["__str__", "year"]
    edit_handler = ObjectList(
        [NoticesPanel(heading=_("发布")), *SupplyPlan.panels],
        base_form_class=ScopedAdminForm,
    )

    def visible(self, user):
        return selectors.visible_plans(user)


class AnnouncementViewSet(ScopedSnippetViewSet):
    model = TransferAnnouncement
    icon = "doc-full"
    menu_label = _("出让公告")
    list_display = ["number", "method", "sale_starts_on", "listing_ends_on"]
    list_filter = ["method"]
    search_fields = ["number", "title"]
    edit_handler = ObjectList(
        [NoticesPanel(heading=_("发布")), *TransferAnnouncement.panels],
        base_form_class=AnnouncementForm,
    )

    def visible(self, user):
        return selectors.visible_announcements(user)


class ParcelViewSet(ScopedSnippetViewSet):
    model = Parcel
    icon = "site"
    menu_label = _("宗地")
    list_display = ["code", "location", "use", "area_m2", "outcome", "announcement"]
    list_filter = ["use", "outcome"]
    search_fields = ["code", "location", "township", "buyer"]
    edit_handler = ObjectList(Parcel.panels, base_form_class=ParcelForm)

    def visible(self, user):
        return selectors.visible_parcels(user)


class LandMarketViewSetGroup(SnippetViewSetGroup):
    items = (SupplyPlanViewSet, AnnouncementViewSet, ParcelViewSet)
    menu_icon = "site"
    menu_label = _("土地市场")
    menu_name = "land_market"
    menu_order = 340

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            MenuItem(
                _("导入宗地"),
                reverse("land_market_import"),
                icon_name="upload",
                order=900,
            ),
            MenuItem(
                _("法定期限"),
                reverse("land_market_deadlines"),
                icon_name="date",
                order=910,
            ),
        ]


register_snippet(LandMarketViewSetGroup)


@hooks.register("register_admin_urls")
def register_land_market_urls():
    return [
        path(
            "land-market/notices/<str:kind>/<int:pk>/submit/",
            admin_views.submit_notice,
            name="land_market_notice_submit",
        ),
        path(
            "land-market/notices/<int:pk>/reopen/",
            admin_views.reopen_notice,
            name="land_market_notice_reopen",
        ),
        path(
            "land-market/import/", admin_views.import_parcels, name="land_market_import"
        ),
        path(
            "land-market/deadlines/",
            admin_views.deadlines,
            name="land_market_deadlines",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_land_deadline_panel(request, panels):
    if not admin_views.can_manage(request.user):
        return
    add_urgent_rows(
        panels,
        selectors.land_deadlines(
            announcements=selectors.visible_announcements(request.user),
            today=timezone.localdate(),
            periods=selectors.land_periods(),
            calendar=working_day_calendar(),
        ),
        name="land_deadlines",
        order=86,
        template_name="land_market/admin/deadline_panel.html",
    )


@hooks.register("column_page_content")
def land_market_on_column(*, column, request):
    if column.slug != selectors.COLUMN_SLUG or not column.agency_id:
        return ""
    announcements = list(selectors.public_announcements(agency=column.agency)[:10])
    plans = list(selectors.public_plans(agency=column.agency)[:1])
    if not announcements and not plans:
        return ""
    return render_to_string(
        "land_market/column_content.html",
        {"announcements": announcements, "plans": plans},
        request=request,
    )


@hooks.register("item_precheck_findings")
def announcement_period_findings(*, item, today):
    """终审 of an announcement is refused once publishing it today would
    break the 20-day lead or the listing minimum; a 成交公示 past its 10
    working days passes only with the delay's reason."""
    from gongkai.land_market.choices import NoticeKind
    from gongkai.land_market.models import LandMarketNotice
    from gongkai.land_market.periods import result_problems
    from gongkai.review.checks.findings import period_finding

    if not item.pk:
        return []
    notice = (
        LandMarketNotice.objects.filter(
            item_id=item.pk,
            kind__in=[NoticeKind.ANNOUNCEMENT, NoticeKind.TRANSACTION],
        )
        .select_related("announcement")
        .first()
    )
    if notice is None:
        return []
    periods, calendar = selectors.land_periods(), working_day_calendar()
    if notice.kind == NoticeKind.ANNOUNCEMENT:
        location = _("出让公告")
        problems = selectors.announcement_problems(
            announcement=notice.announcement,
            published_on=today,
            periods=periods,
            calendar=calendar,
        )
    else:
        location = _("成交公示")
        problems = result_problems(
            sold_on=notice.announcement.sold_on,
            published_on=today,
            periods=periods,
            calendar=calendar,
        )
    return [
        period_finding(
            severity=problem.severity, location=str(location), message=problem.message
        )
        for problem in problems
    ]


@hooks.register("register_log_actions")
def register_land_market_log_actions(actions):
    for action, label in (
        ("land_market.notice_submitted", _("土地市场信息送审")),
        ("land_market.notice_reopened", _("土地市场信息撤回")),
        ("land_market.notice_published", _("土地市场信息发布")),
        ("land_market.imported", _("导入宗地")),
    ):
        actions.register_action(action, label, label)
