"""Back-office screens of proactive disclosure."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from gongkai.accounts.selectors import can_read_audit_log
from gongkai.publishing import selectors
from gongkai.publishing.admin_views import (
    draft_interpretation,
    timeliness_report,
    withdraw_item,
)
from gongkai.publishing.models import GovernmentInformationPage


@hooks.register("register_admin_urls")
def register_publishing_urls():
    return [
        path("timeliness/", timeliness_report, name="publishing_timeliness"),
        path(
            "items/<int:page_id>/withdraw/",
            withdraw_item,
            name="publishing_withdraw_item",
        ),
        path(
            "items/<int:page_id>/interpretation/",
            draft_interpretation,
            name="publishing_draft_interpretation",
        ),
    ]


class WithdrawButton(PageMenuItem):
    label = _("撤稿")
    icon_name = "download"
    url_name = "publishing_withdraw_item"

    def is_shown(self, user):
        return (
            isinstance(self.page.specific, GovernmentInformationPage)
            and self.page.live
            and can_read_audit_log(user)
        )


@hooks.register("register_page_header_buttons")
def withdraw_button(page, user, view_name, next_url=None):
    yield WithdrawButton(page=page, priority=61)


class InterpretationButton(PageMenuItem):
    label = _("政策解读")
    icon_name = "doc-full"
    url_name = "publishing_draft_interpretation"

    def is_shown(self, user):
        item = self.page.specific
        return (
            isinstance(item, GovernmentInformationPage)
            and not item.is_interpretation
            and item.requires_interpretation
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def interpretation_button(page, user, view_name, next_url=None):
    yield InterpretationButton(page=page, priority=60)


def _ever_published(pages) -> bool:
    return any(page.first_published_at for page in pages)


@hooks.register("before_delete_page")
def keep_published_items(request, page):
    # Nothing once public is deleted from the record: withdraw it instead.
    if isinstance(page.specific, GovernmentInformationPage) and page.first_published_at:
        messages.error(request, _("已发布过的信息不能删除，请使用“撤稿”。"))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def keep_published_items_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and _ever_published(
        [obj for obj in objects if isinstance(obj.specific, GovernmentInformationPage)]
    ):
        messages.error(request, _("已发布过的信息不能删除，请使用“撤稿”。"))
        return redirect("wagtailadmin_explore_root")
    return None


@hooks.register("before_serve_document")
def keep_unpublished_attachments_private(document, request):
    """Staff may open any file; the public only those of live items."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not selectors.document_is_public(document=document):
        raise Http404
    return None


@hooks.register("register_log_actions")
def register_publishing_log_actions(actions):
    actions.register_action("publishing.withdrawn", _("撤稿"), _("撤稿"))


@hooks.register("register_reports_menu_item")
def register_timeliness_menu_item():
    return MenuItem(
        _("发布时效"), reverse("publishing_timeliness"), icon_name="date", order=110
    )
