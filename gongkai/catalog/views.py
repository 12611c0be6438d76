"""The portal's guide (/guide/) and catalogue (/catalogue/): always the
current version, with the dated versions before it."""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from gongkai.catalog import exports, guide, selectors
from gongkai.catalog.models import GuideVersion
from gongkai.core.views import agency_for_request

ENTRIES_PER_PAGE = 50
CACHE_SECONDS = 24 * 3600


def guide_page(request, pk: int | None = None):
    agency = agency_for_request(request)
    versions = selectors.guide_versions(agency=agency)
    if pk is None:
        version = versions.first()
    else:
        version = get_object_or_404(GuideVersion, pk=pk, agency=agency)
    sections = guide.sections_from_json(version.sections) if version else []
    return render(
        request,
        "catalog/guide.html",
        {
            "agency": agency,
            "version": version,
            "is_current": version is not None and version == versions.first(),
            "sections": sections,
            "versions": versions[:20],
        },
    )


def _filters(request) -> dict:
    """as_of (a past day's catalogue), column and year from the query, each
    ignored when malformed."""
    filters = {"column": request.GET.get("column", "")[:255]}
    year = request.GET.get("year", "")
    filters["year"] = int(year) if year.isdigit() and len(year) == 4 else None
    try:
        as_of = dt.date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        as_of = None
    filters["as_of"] = as_of if as_of and as_of < timezone.localdate() else None
    return filters


def catalogue_page(request):
    agency = agency_for_request(request)
    filters = _filters(request)
    entries = selectors.catalogue_entries(agency=agency, **filters)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalog/catalogue.html",
        {
            "agency": agency,
            "entries_page": page,
            "filters": filters,
            "query": query.urlencode(),
            "columns": selectors.catalogue_columns(agency=agency),
            "version_days": selectors.catalogue_version_days(agency=agency),
            "changed_on": selectors.catalogue_changed_on(agency=agency),
        },
    )


def catalogue_download(request, file_format: str):
    if file_format not in ("xlsx", "csv"):
        raise Http404
    agency = agency_for_request(request)
    filters = _filters(request)
    entries = selectors.catalogue_entries(agency=agency, **filters)
    day = filters["as_of"] or timezone.localdate()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    name = f"catalogue-{day:%Y%m%d}.{file_format}"

    def build() -> bytes:
        if file_format == "xlsx":
            title = _("%(agency)s主动公开基本目录（%(day)s）") % {
                "agency": agency.name,
                "day": day.isoformat(),
            }
            return exports.catalogue_workbook(entries, title=title, base_url=base_url)
        return exports.catalogue_csv(entries, base_url=base_url)

    # A large catalogue takes seconds to write: the same file is served
    # again until a line of the catalogue changes.
    stamp = selectors.catalogue_stamp(agency=agency)
    key = "catalogue:" + ":".join(
        str(part)
        for part in (agency.pk, file_format, day, filters["column"], filters["year"])
    )
    key = f"{key}:{stamp}"
    content = cache.get_or_set(key, build, timeout=CACHE_SECONDS)
    content_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if file_format == "xlsx"
        else "text/csv; charset=utf-8"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
