"""Back office of major decisions: the yearly catalogues (office), the
decisions and evaluations (each department its own), the portal column's
catalogue table, links from items to their decision and evaluation, and
the audit labels."""

from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gongkai.accounts.viewsets import ScopedSnippetViewSet
from gongkai.decisions import admin_views, selectors
from gongkai.decisions.admin_forms import PolicyEvaluationForm, ScopedAdminForm
from gongkai.decisions.models import Decision, DecisionCatalogue, PolicyEvaluation
from gongkai.decisions.panels import DecisionHubPanel, EvaluationStatePanel

DECISION_COLUMN_SLUG = "major-decisions"


class CatalogueViewSet(ScopedSnippetViewSet):
    model = DecisionCatalogue
    icon = "list-ol"
    menu_label = _("决策事项目录")
    list_display = ["__str__", "approved_on", "published_on"]
    edit_handler = ObjectList(DecisionCatalogue.panels, base_form_class=ScopedAdminForm)

    def visible(self, user):
        return selectors.visible_catalogues(user)


class DecisionViewSet(ScopedSnippetViewSet):
    model = Decision
    icon = "tasks"
    menu_label = _("决策事项")
    list_display = ["title", "catalogue", "department", "planned_on", "issued_on"]
    list_filter = ["catalogue", "department"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [DecisionHubPanel(heading=_("全过程信息")), *Decision.panels],
        base_form_class=ScopedAdminForm,
    )

    def visible(self, user):
        return selectors.visible_decisions(user)


class EvaluationViewSet(ScopedSnippetViewSet):
    model = PolicyEvaluation
    icon = "doc-full"
    menu_label = _("政策评价")
    list_display = ["title", "department", "evaluated_to", "status"]
    list_filter = ["status", "department"]
    edit_handler = ObjectList(
        [
            EvaluationStatePanel(heading=_("发布")),
            FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("document"), FieldPanel("decision")]),
            FieldRowPanel([FieldPanel("evaluated_from"), FieldPanel("evaluated_to")]),
            FieldPanel("methods"),
            MultiFieldPanel(
                [
                    FieldPanel("standards"),
                    FieldPanel("scope"),
                    FieldPanel("usage"),
                    FieldPanel("results"),
                    FieldPanel("problems"),
                ],
                heading=_("评价内容"),
            ),
            FieldPanel("conclusion"),
            FieldPanel("application"),
        ],
        base_form_class=PolicyEvaluationForm,
    )

    def visible(self, user):
        return selectors.visible_evaluations(user)


class DecisionsViewSetGroup(SnippetViewSetGroup):
    items = (CatalogueViewSet, DecisionViewSet, EvaluationViewSet)
    menu_icon = "tasks"
    menu_label = _("重大行政决策")
    menu_name = "major_decisions"
    menu_order = 335


register_snippet(DecisionsViewSetGroup)


@hooks.register("register_admin_urls")
def register_decision_urls():
    return [
        path(
            "decisions/evaluations/<int:pk>/submit/",
            admin_views.submit_evaluation,
            name="decisions_evaluation_submit",
        ),
        path(
            "decisions/evaluations/<int:pk>/reopen/",
            admin_views.reopen_evaluation,
            name="decisions_evaluation_reopen",
        ),
    ]


@hooks.register("column_page_content")
def catalogue_on_decision_column(*, column, request):
    """The 重大行政决策 column shows the current catalogue and the open
    consultations above its items."""
    if column.slug != DECISION_COLUMN_SLUG or not column.agency_id:
        return ""
    from gongkai.consultations.selectors import public_consultations

    catalogue = selectors.public_catalogues(agency=column.agency).first()
    consultations = [
        item for item in public_consultations(agency=column.agency) if item.is_open()
    ]
    if catalogue is None and not consultations:
        return ""
    return render_to_string(
        "decisions/column_content.html",
        {
            "catalogue": catalogue,
            "rows": selectors.catalogue_rows(catalogue=catalogue) if catalogue else [],
            "consultations": consultations,
        },
        request=request,
    )


@hooks.register("item_related_links")
def decision_and_evaluation_links(*, item):
    links = [
        (str(_("重大行政决策事项")), decision.title, decision.get_absolute_url())
        for decision in selectors.decisions_linking(item=item)
    ]
    links += [
        (str(_("政策评价")), evaluation.item.title, evaluation.item.url)
        for evaluation in selectors.published_evaluations_of(item=item)
    ]
    return links


@hooks.register("register_log_actions")
def register_decision_log_actions(actions):
    for action, label in (
        ("decisions.evaluation_submitted", _("政策评价送审")),
        ("decisions.evaluation_reopened", _("政策评价撤回")),
        ("decisions.evaluation_published", _("政策评价发布")),
    ):
        actions.register_action(action, label, label)
