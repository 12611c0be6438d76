"""Back office for the working-day calendar: administrators enter a new year's
State Council holiday notice here before the chinesecalendar package has it
(domain-rules §5.4)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gongkai.core.models import CalendarOverride


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    icon = "date"
    menu_label = _("工作日历调整")
    menu_order = 910
    list_display = ["day", "name", "is_working_day"]
    list_filter = ["is_working_day"]
    ordering = "-day"


register_snippet(CalendarOverrideViewSet)
