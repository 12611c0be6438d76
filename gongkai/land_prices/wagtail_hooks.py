"""Back office of land prices: the systems and the quarterly figures (the
agency's own), the renewal reminder on the home page, and the portal
column's link to the charts."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.core.admin_panels import RowsPanel
from gongkai.decisions.admin_forms import ScopedAdminForm
from gongkai.land_prices import selectors
from gongkai.land_prices.models import LandPriceSystem, QuarterlyFigure


class SystemViewSet(ScopedSnippetViewSet):
    model = LandPriceSystem
    icon = "table"
    menu_label = _("地价标准")
    list_display = ["title", "kind", "effective_on", "published_on"]
    list_filter = ["kind"]
    edit_handler = ObjectList(LandPriceSystem.panels, base_form_class=ScopedAdminForm)

    def visible(self, user):
        return selectors.visible_systems(user)


class FigureViewSet(ScopedSnippetViewSet):
    model = QuarterlyFigure
    icon = "order"
    menu_label = _("季度数据")
    list_display = ["year", "quarter", "indicator", "use", "value", "published_on"]
    list_filter = ["indicator", "use", "year"]
    edit_handler = ObjectList(QuarterlyFigure.panels, base_form_class=ScopedAdminForm)

    def visible(self, user):
        return selectors.visible_figures(user)


class LandPricesViewSetGroup(SnippetViewSetGroup):
    items = (SystemViewSet, FigureViewSet)
    menu_icon = "table"
    menu_label = _("地价信息")
    menu_name = "land_prices"
    menu_order = 341


register_snippet(LandPricesViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_renewal_panel(request, panels):
    if not (
        request.user.is_superuser
        or request.user.has_perm("land_prices.change_landpricesystem")
    ):
        return
    reminders = selectors.renewal_reminders(
        systems=selectors.visible_systems(request.user), today=timezone.localdate()
    )
    if reminders:
        panels.append(
            RowsPanel(
                name="land_price_renewal",
                order=87,
                template_name="land_prices/renewal_panel.html",
                rows=reminders,
            )
        )


@hooks.register("column_page_content")
def land_prices_on_column(*, column, request):
    if column.slug != selectors.COLUMN_SLUG or not column.agency_id:
        return ""
    return render_to_string("land_prices/column_content.html", {}, request=request)


@hooks.register("column_content_updated_on")
def land_prices_column_updated_on(*, column):
    """The 地价信息 column is filled by published prices and figures: site
    health counts it as updated on the last of their publication days."""
    if column.slug != selectors.COLUMN_SLUG or not column.agency_id:
        return None
    return selectors.last_published_on(agency=column.agency, today=timezone.localdate())
