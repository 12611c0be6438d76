"""Back office of the annual report: the reports (office only) with their
locked tables and actions, the departments' entered figures (each its own),
the admin URLs, the due reminder on the home page and the audit labels."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from gongkai.accounts.selectors import agency_of
from gongkai.reports import admin_views, selectors
from gongkai.reports.admin_forms import EnteredFigureForm
from gongkai.reports.models import AnnualDisclosureReport, EnteredFigure
from gongkai.reports.panels import LockedTablesPanel


class ReportIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = []
        if admin_views.can_edit_reports(self.request.user):
            buttons.append(
                HeaderButton(
                    _("起草年度报告"), url=reverse("reports_draft"), icon_name="plus"
                )
            )
        return buttons


class ReportEditView(EditView):
    """Text sections are editable while a draft only; once sent to review
    the report is what the reviewers see (reopen it to change it)."""

    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if (
            not admin_views.visible_reports(self.request.user)
            .filter(pk=report.pk)
            .exists()
        ):
            raise PermissionDenied
        return report

    def post(self, request, *args, **kwargs):
        if not self.object.is_draft:
            from django.contrib import messages
            from django.shortcuts import redirect

            messages.error(request, _("年度报告已送审或已发布，请先撤回为草稿再修改。"))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)


class AnnualReportViewSet(SnippetViewSet):
    model = AnnualDisclosureReport
    icon = "doc-full-inverse"
    menu_label = _("年度报告")
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView
    list_display = ["__str__", "year", "status", "item", "updated_at"]
    list_filter = ["status"]
    ordering = ["-year"]

    def get_queryset(self, request):
        return admin_views.visible_reports(request.user)

    panels = [
        LockedTablesPanel(heading=_("数据表格（按平台数据生成，不可手工修改）")),
        FieldRowPanel(
            [FieldPanel("agency", read_only=True), FieldPanel("year", read_only=True)]
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_overview"),
                FieldPanel("overview_lead"),
                FieldPanel("proactive_text"),
                FieldPanel("on_request_text"),
                FieldPanel("management_text"),
                FieldPanel("platform_text"),
                FieldPanel("oversight_text"),
            ],
            heading=_("一、总体情况"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_proactive"),
                FieldPanel("title_requests"),
                FieldPanel("title_appeals"),
            ],
            heading=_("二至四部分标题（表格见上）"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_problems"), FieldPanel("problems_text")],
            heading=_("五、存在的主要问题及改进情况"),
        ),
        MultiFieldPanel(
            [FieldPanel("title_other"), FieldPanel("other_text")],
            heading=_("六、其他需要报告的事项"),
        ),
    ]


class EnteredFigureEditView(EditView):
    def get_object(self, queryset=None):
        figure = super().get_object(queryset)
        if (
            not selectors.visible_entered_figures(user=self.request.user)
            .filter(pk=figure.pk)
            .exists()
        ):
            raise PermissionDenied
        return figure


class EnteredFigureIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if admin_views.can_edit_reports(self.request.user):
            buttons.append(
                HeaderButton(
                    _("导入填报数据"),
                    url=reverse("reports_import_figures"),
                    icon_name="upload",
                )
            )
        return buttons


class EnteredFigureViewSet(SnippetViewSet):
    """Figures table 二 needs until their modules exist, entered by the
    responsible department."""

    model = EnteredFigure
    icon = "table"
    menu_label = _("年报填报数据")
    index_view_class = EnteredFigureIndexView
    edit_view_class = EnteredFigureEditView
    list_display = [
        "department",
        "year",
        "licensing_decisions",
        "penalty_decisions",
        "coercion_decisions",
        "fees_amount",
    ]
    list_filter = ["year", "department"]
    ordering = ["-year", "department__name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("agency"), FieldPanel("year"), FieldPanel("department")]
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("rules_issued"),
                            FieldPanel("rules_repealed"),
                            FieldPanel("rules_in_force"),
                        ]
                    ),
                ],
                heading=_("规章（本机关有规章制定权的才填写）"),
            ),
            FieldRowPanel(
                [
                    FieldPanel("licensing_decisions"),
                    FieldPanel("penalty_decisions"),
                    FieldPanel("coercion_decisions"),
                ]
            ),
            FieldPanel("fees_amount"),
            FieldPanel("note"),
        ],
        base_form_class=EnteredFigureForm,
    )

    def get_queryset(self, request):
        return selectors.visible_entered_figures(user=request.user)


class ReportsViewSetGroup(SnippetViewSetGroup):
    items = (AnnualReportViewSet, EnteredFigureViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("年度报告")
    menu_name = "annual_reports"
    menu_order = 330


register_snippet(ReportsViewSetGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("annual-reports/draft/", admin_views.draft, name="reports_draft"),
        path(
            "annual-reports/figures/import/",
            admin_views.import_figures,
            name="reports_import_figures",
        ),
        path(
            "annual-reports/<int:pk>/preview/",
            admin_views.preview,
            name="reports_preview",
        ),
        path(
            "annual-reports/<int:pk>/download/<str:file_format>/",
            admin_views.download,
            name="reports_download",
        ),
        path(
            "annual-reports/<int:pk>/submit/", admin_views.submit, name="reports_submit"
        ),
        path(
            "annual-reports/<int:pk>/reopen/", admin_views.reopen, name="reports_reopen"
        ),
    ]


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    for action, label in (
        ("reports.submitted", _("年度报告送审")),
        ("reports.reopened", _("年度报告撤回为草稿")),
        ("reports.published", _("年度报告发布")),
        ("reports.downloaded", _("下载年度报告")),
        ("reports.reminded", _("年度报告期限提醒")),
        ("reports.figures_imported", _("导入年报填报数据")),
    ):
        actions.register_action(action, label, label)


class AnnualReportDuePanel(Component):
    """From 1 January until the previous year's report is published: the
    days left to 31 January (条例 Art. 49), or how late it is."""

    name = "annual_report_due"
    order = 80
    template_name = "reports/admin/due_panel.html"

    def __init__(self, reminder, report):
        self.reminder = reminder
        self.report = report

    def get_context_data(self, parent_context=None):
        return {"reminder": self.reminder, "report": self.report}


@hooks.register("construct_homepage_panels")
def add_annual_report_panel(request, panels):
    if not admin_views.can_edit_reports(request.user):
        return
    agency = agency_of(request.user)
    if agency is None:
        return
    reminder = selectors.reminder_for(agency=agency)
    if reminder is not None:
        report = AnnualDisclosureReport.objects.filter(
            agency=agency, year=reminder.year
        ).first()
        panels.append(AnnualReportDuePanel(reminder, report))
