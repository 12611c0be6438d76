"""Back office of the machine pre-review (机器预审): the office edits the
sensitive-expression and miswritten-word lists, each change kept as a
revision in the entry's history."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.review.models import CommonMisspelling, SensitiveExpression


class SensitiveExpressionViewSet(SnippetViewSet):
    model = SensitiveExpression
    icon = "warning"
    menu_label = _("敏感表述")
    list_display = ["expression", "severity", "note", "updated_at"]
    list_filter = ["severity"]
    search_fields = ["expression", "note"]
    search_backend_name = None
    ordering = ["expression"]


class CommonMisspellingViewSet(SnippetViewSet):
    model = CommonMisspelling
    icon = "edit"
    menu_label = _("常见错别字")
    list_display = ["wrong", "right", "note", "updated_at"]
    search_fields = ["wrong", "right", "note"]
    search_backend_name = None
    ordering = ["wrong"]


class CheckListViewSetGroup(SnippetViewSetGroup):
    items = (SensitiveExpressionViewSet, CommonMisspellingViewSet)
    menu_icon = "list-ul"
    menu_label = _("机器预审词库")
    menu_name = "check_lists"
    menu_order = 850


register_snippet(CheckListViewSetGroup)
