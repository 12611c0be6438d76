"""Site chrome: the navigation and the agency shown on every portal page."""

from django import template
from wagtail.models import Site

from gongkai.publishing import selectors
from gongkai.publishing.models import ColumnPage

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def portal_navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    columns: list[ColumnPage] = []
    if site is not None:
        for top in selectors.subcolumns(column=site.root_page):
            columns.append(top)
            columns.extend(selectors.subcolumns(column=top))
    current_path = getattr(context.get("page"), "path", "")
    return {
        "home": site.root_page if site else None,
        "home_is_current": bool(site) and current_path == site.root_page.path,
        "links": [
            {
                "column": column,
                "is_current": current_path == column.path,
                "is_active": bool(current_path)
                and current_path.startswith(column.path),
            }
            for column in columns
        ],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def portal_agency(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return getattr(site, "agency", None) if site else None
