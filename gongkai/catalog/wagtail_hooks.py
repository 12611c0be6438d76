"""The generated guide on the portal's 政府信息公开指南 column, and the
guide's log action."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gongkai.catalog import guide, selectors
from gongkai.catalog.columns import GUIDE_SLUG, ROOT_SLUG


def _is_guide_column(column) -> bool:
    if column.slug != GUIDE_SLUG:
        return False
    parent = column.get_parent()
    return parent is not None and parent.slug == ROOT_SLUG


@hooks.register("column_page_content")
def guide_on_its_column(*, column, request):
    if not column.agency_id or not _is_guide_column(column):
        return ""
    version = selectors.current_guide(agency=column.agency)
    if version is None:
        return ""
    return render_to_string(
        "catalog/guide_column.html",
        {"version": version, "sections": guide.sections_from_json(version.sections)},
        request=request,
    )


@hooks.register("column_content_updated_on")
def guide_column_updated_on(*, column):
    if not column.agency_id or not _is_guide_column(column):
        return None
    return selectors.guide_changed_on(agency=column.agency)


@hooks.register("register_log_actions")
def register_catalog_log_actions(actions):
    actions.register_action(
        "catalog.guide_versioned", _("指南更新"), _("生成政府信息公开指南新版本")
    )
