"""Back office of the review: the machine pre-review (机器预审) word lists,
which the office edits with history; the pre-review at submission; the
reviewer's queue (待我审核)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.review import services
from gongkai.review.admin_views import (
    editor_findings,
    mask_personal_data,
    precheck_report,
    review_queue,
)
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


def _refuse_submission_with_findings(request, page):
    """After a save with "submit for review": run the machine pre-review on
    what was submitted and take the submission back if it must not go on.
    The draft itself is kept; the editor sees every finding."""
    if "action-submit" not in request.POST:
        return None
    item = page.specific
    if not hasattr(item, "body_text"):
        return None
    item = item.get_latest_revision_as_object()
    findings = services.precheck_findings(item=item)
    problem = services.precheck_problem(item=item, findings=findings)
    if not problem:
        return None
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=request.user)
    wagtail_messages.error(
        request,
        problem,
        buttons=[
            wagtail_messages.button(
                reverse("review_precheck_report", args=[page.pk]), _("查看预审结果")
            )
        ],
    )
    for finding in findings[:20]:
        messages.warning(request, services.describe(finding))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_edit_page")
def precheck_after_edit(request, page):
    return _refuse_submission_with_findings(request, page)


@hooks.register("after_create_page")
def precheck_after_create(request, page):
    return _refuse_submission_with_findings(request, page)


@hooks.register("item_editor_notices")
def precheck_notice(*, item, request):
    return editor_findings(item=item, request=request)


@hooks.register("insert_editor_js")
def precheck_editor_js():
    return format_html(
        '<script src="{}" defer></script>', static("review/editor-findings.js")
    )


@hooks.register("insert_global_admin_css")
def precheck_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("review/editor-findings.css")
    )


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("review-queue/", review_queue, name="review_queue"),
        path(
            "items/<int:page_id>/precheck/",
            precheck_report,
            name="review_precheck_report",
        ),
        path(
            "items/<int:page_id>/mask/",
            mask_personal_data,
            name="review_mask_personal_data",
        ),
    ]


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("review.masked", _("一键脱敏"), _("一键脱敏"))


class PrecheckButton(PageMenuItem):
    label = _("机器预审")
    icon_name = "search"
    url_name = "review_precheck_report"

    def is_shown(self, user):
        return (
            isinstance(self.page.specific, GovernmentInformationPage)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def precheck_button(page, user, view_name, next_url=None):
    yield PrecheckButton(page=page, priority=62)


class ReviewQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.is_superuser
            or request.user.groups.filter(name__regex=r"·(初审|复审|终审)$").exists()
        )


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return ReviewQueueMenuItem(
        _("待我审核"), reverse("review_queue"), icon_name="tasks", order=150
    )
