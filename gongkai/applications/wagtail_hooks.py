"""Back office of the applications: the ledger (台账) as staff see it, with
natural persons' names masked in the list (PI-04)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.applications.models import Appeal, Application


class ApplicationViewSet(SnippetViewSet):
    model = Application
    icon = "mail"
    menu_label = _("申请台账")
    list_display = [
        "number",
        "received_on",
        "channel",
        "applicant_type",
        "masked_applicant_name",
        "replied_on",
        "outcome",
    ]
    list_filter = ["channel", "applicant_type", "outcome"]
    search_fields = ["number", "description"]
    search_backend_name = None
    ordering = ["-received_on"]


class AppealViewSet(SnippetViewSet):
    model = Appeal
    icon = "warning"
    menu_label = _("行政复议、行政诉讼")
    list_display = ["kind", "filed_on", "decided_on", "result", "application"]
    list_filter = ["kind", "result"]


class ApplicationsViewSetGroup(SnippetViewSetGroup):
    items = (ApplicationViewSet, AppealViewSet)
    menu_icon = "mail"
    menu_label = _("依申请公开")
    menu_name = "applications"
    menu_order = 300


register_snippet(ApplicationsViewSetGroup)
