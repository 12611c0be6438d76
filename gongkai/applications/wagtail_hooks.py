"""Back office of the applications: the ledger (台账) with natural persons'
names masked (PI-04), registration of applications received in person, by
post, fax or e-mail, the case screens, the editable notice templates,
依申请转主动 reviews, and the deadlines on the dashboard."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from gongkai.applications import admin_views, letters, selectors, services
from gongkai.applications.admin_forms import ApplicationForm
from gongkai.applications.models import (
    Appeal,
    Application,
    LetterTemplate,
    ProactiveReview,
)


def _case_url(application: Application) -> str:
    return reverse("applications_case", args=[application.pk])


class DeadlineColumn(Column):
    """The stored reply deadline, marked while provisional."""

    def get_value(self, instance):
        if instance.replied_on or instance.reply_due_on is None:
            return ""
        value = letters.format_date(instance.reply_due_on)
        return f"{value}（暂定）" if instance.reply_due_provisional else value


class ApplicationEditView(EditView):
    """Only a case the user may see (own agency; for departments, assigned)."""

    def get_object(self, queryset=None):
        application = super().get_object(queryset)
        if (
            not selectors.visible_cases(user=self.request.user)
            .filter(pk=application.pk)
            .exists()
        ):
            raise PermissionDenied
        return application


class ApplicationViewSet(SnippetViewSet):
    model = Application
    edit_view_class = ApplicationEditView
    icon = "mail"
    menu_label = _("申请台账")
    add_to_admin_menu = False
    list_display = [
        TitleColumn("number", label=_("申请编号"), get_url=_case_url),
        "received_on",
        "channel",
        "applicant_type",
        "masked_applicant_name",
        DeadlineColumn("reply_due_on", label=_("答复期限")),
        "replied_on",
        "outcome",
    ]
    list_filter = ["channel", "applicant_type", "outcome"]
    list_export = [
        "number",
        "received_on",
        "get_channel_display",
        "get_applicant_type_display",
        "masked_applicant_name",
        "description",
        "reply_due_on",
        "replied_on",
        "get_outcome_display",
    ]
    export_headings = {
        "get_channel_display": _("申请方式"),
        "get_applicant_type_display": _("申请人类型"),
        "masked_applicant_name": _("申请人"),
        "get_outcome_display": _("办理结果"),
    }
    search_fields = ["number", "description"]
    search_backend_name = None
    ordering = ["-received_on"]

    def get_queryset(self, request):
        return selectors.visible_cases(user=request.user)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    HelpPanel(
                        content=_(
                            "收到日期按条例第三十一条确定：当面提交为提交之日；邮寄为签收之日"
                            "（平常信件为当日与申请人确认之日）；网络、传真、电子邮件为双方确认之日。"
                        )
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("agency"),
                            FieldPanel("number"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("channel"), FieldPanel("received_on")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("applicant_type"),
                            FieldPanel("applicant_name"),
                            FieldRowPanel(
                                [FieldPanel("id_type"), FieldPanel("id_number")]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("credit_code"),
                                    FieldPanel("legal_representative"),
                                ]
                            ),
                            FieldRowPanel(
                                [FieldPanel("contact_person"), FieldPanel("phone")]
                            ),
                            FieldRowPanel([FieldPanel("address"), FieldPanel("email")]),
                        ],
                        heading=_("申请人"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("info_title"),
                            FieldPanel("info_document_number"),
                            FieldPanel("description"),
                            FieldPanel("purpose"),
                            FieldRowPanel(
                                [FieldPanel("provision_form"), FieldPanel("obtain_way")]
                            ),
                        ],
                        heading=_("所需信息"),
                    ),
                ],
                heading=_("申请登记"),
            ),
            ObjectList(
                [FieldPanel("handling_departments")],
                heading=_("承办"),
            ),
        ],
        base_form_class=ApplicationForm,
    )


class AppealViewSet(SnippetViewSet):
    model = Appeal
    icon = "warning"
    menu_label = _("行政复议、行政诉讼")
    list_display = ["kind", "filed_on", "decided_on", "result", "application"]
    list_filter = ["kind", "result"]


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full"
    menu_label = _("告知文书模板")
    list_display = ["kind_label", "agency", "updated_at"]
    panels = [
        FieldPanel("agency"),
        FieldPanel("kind"),
        HelpPanel(
            content=format_html(
                "<p>{}</p><ul>{}</ul>",
                _(
                    "正文中可使用以下占位符，生成文书时替换为案件信息；缺少的信息显示为“____”。"
                ),
                format_html_join(
                    "",
                    "<li>{}：{}</li>",
                    (
                        ("{{" + name + "}}", hint)
                        for name, hint in letters.PLACEHOLDERS.items()
                    ),
                ),
            )
        ),
        FieldPanel("body"),
    ]


class ProactiveReviewViewSet(SnippetViewSet):
    """Reviews are opened by the platform from similar requests; the office
    decides them."""

    model = ProactiveReview
    icon = "resubmit"
    menu_label = _("依申请转主动")
    list_display = ["topic", "applicant_count", "decision", "item", "created_at"]
    list_filter = ["decision"]
    panels = [
        FieldPanel("agency"),
        FieldPanel("topic"),
        FieldPanel("applications", read_only=True),
        FieldPanel("decision"),
        FieldPanel("reason"),
        FieldPanel("decided_on"),
        FieldPanel("item"),
    ]


class ApplicationsViewSetGroup(SnippetViewSetGroup):
    items = (
        ApplicationViewSet,
        ProactiveReviewViewSet,
        AppealViewSet,
        LetterTemplateViewSet,
    )
    menu_icon = "mail"
    menu_label = _("依申请公开")
    menu_name = "applications"
    menu_order = 300


register_snippet(ApplicationsViewSetGroup)


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path(
            "applications/case/<int:pk>/",
            admin_views.case_detail,
            name="applications_case",
        ),
        path(
            "applications/case/<int:pk>/assist/",
            admin_views.assist,
            name="applications_assist",
        ),
        path(
            "applications/case/<int:pk>/<slug:action>/",
            admin_views.case_action,
            name="applications_case_action",
        ),
        path(
            "applications/case/<int:pk>/personal-data/reveal/",
            admin_views.reveal_personal_data,
            name="applications_reveal",
        ),
        path(
            "applications/case/<int:pk>/export/archive/",
            admin_views.export_file,
            name="applications_export",
        ),
        path(
            "applications/attachments/<int:pk>/",
            admin_views.attachment_download,
            name="applications_attachment",
        ),
        path(
            "applications/letters/<int:pk>/<str:file_format>/",
            admin_views.letter_download,
            name="applications_letter",
        ),
    ]


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    for action, label in (
        ("applications.letter", _("生成告知文书")),
        ("applications.correction_requested", _("补正告知")),
        ("applications.correction_received", _("收到补正材料")),
        ("applications.consultation", _("会商、征求意见")),
        ("applications.consultation_answered", _("收到意见")),
        ("applications.assisted", _("协办意见")),
        ("applications.extended", _("延期答复")),
        ("applications.replied", _("答复办结")),
        ("applications.abandoned", _("视为放弃申请办结")),
        ("applications.delivered", _("登记送达")),
        ("applications.personal_data_revealed", _("查看完整个人信息")),
        (
            "applications.personal_data_reveal_refused",
            _("查看完整个人信息（密码错误）"),
        ),
        ("applications.exported", _("导出案卷")),
        ("applications.attachment_downloaded", _("下载申请附件")),
        ("applications.reminded", _("期限提醒")),
    ):
        actions.register_action(action, label, label)


class DueApplicationsPanel(Component):
    """依申请公开 cases due within 5 working days, overdue, or waiting past
    their correction period, on the admin home page."""

    name = "due_applications"
    order = 90
    template_name = "applications/admin/due_panel.html"

    def __init__(self, cases):
        self.cases = cases

    def get_context_data(self, parent_context=None):
        return {"cases": self.cases}


@hooks.register("construct_homepage_panels")
def add_due_applications_panel(request, panels):
    if not request.user.has_perm("applications.view_application"):
        return
    cases = selectors.due_cases(cases=selectors.visible_cases(user=request.user))
    if cases:
        panels.append(DueApplicationsPanel(cases))


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def after_registration(request, instance):
    """A registered or corrected application gets its deadline, and is
    compared with other applicants' requests (依申请转主动)."""
    if isinstance(instance, Application):
        services.refresh_deadline(instance)
        services.prompt_proactive_review(instance)
