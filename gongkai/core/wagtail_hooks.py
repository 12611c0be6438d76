"""Back office for the working-day calendar: administrators enter a new year's
State Council holiday notice here before the chinesecalendar package has it
(domain-rules §5.4)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.core.models import CalendarOverride, HolidayArrangement


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    icon = "date"
    menu_label = _("工作日历调整")
    list_display = ["day", "name", "is_working_day"]
    list_filter = ["is_working_day"]
    ordering = "-day"


class HolidayArrangementViewSet(SnippetViewSet):
    model = HolidayArrangement
    icon = "calendar-check"
    menu_label = _("已载入的节假日安排")
    list_display = ["year", "source", "updated_at"]
    ordering = "-year"


class CalendarViewSetGroup(SnippetViewSetGroup):
    items = (CalendarOverrideViewSet, HolidayArrangementViewSet)
    menu_icon = "date"
    menu_label = _("工作日历")
    menu_name = "working_day_calendar"
    menu_order = 910


register_snippet(CalendarViewSetGroup)
