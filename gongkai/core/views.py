"""Liveness: answers only when the database does."""

from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001  # any database failure means "not ok"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def agency_for_request(request):
    """The agency whose portal answers ``request`` (its site's home page),
    or 404 when the site has none."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    agency = getattr(site.root_page.specific, "agency", None) if site else None
    if agency is None:
        raise Http404
    return agency
