"""The portal's land market (/land-market/): the year's supply plan, the
announcements with their parcels (filtered by year, use, township or a
word), each announcement and each parcel with its history, and the parcels
as CSV. Only what went live through 三审 is shown; results only once their
成交公示 is public."""

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _l

from gongkai.core.tables import table_csv
from gongkai.core.views import agency_for_request
from gongkai.land_market import selectors
from gongkai.land_market.choices import LandUse


def _filtered_parcels(request, agency):
    parcels = selectors.public_parcels(agency=agency)
    year = request.GET.get("year", "")
    use = request.GET.get("use", "")
    township = request.GET.get("township", "").strip()
    words = request.GET.get("q", "").strip()
    if year.isdigit():
        parcels = parcels.filter(announcement__sale_starts_on__year=int(year))
    if use in LandUse.values:
        parcels = parcels.filter(use=use)
    if township:
        parcels = parcels.filter(township__contains=township)
    if words:
        parcels = parcels.filter(
            Q(code__contains=words)
            | Q(location__contains=words)
            | Q(announcement__number__contains=words)
        )
    return parcels, {"year": year, "use": use, "township": township, "q": words}


def index(request):
    agency = agency_for_request(request)
    parcels, filters = _filtered_parcels(request, agency)
    rows = [selectors.public_parcel(parcel) for parcel in parcels[:200]]
    return render(
        request,
        "land_market/index.html",
        {
            "agency": agency,
            "plans": list(selectors.public_plans(agency=agency)[:3]),
            "announcements": list(selectors.public_announcements(agency=agency)[:20]),
            "rows": rows,
            "total": parcels.count(),
            "filters": filters,
            "uses": LandUse.choices,
        },
    )


PARCEL_HEADERS = (
    _l("公告编号"),
    _l("宗地编号"),
    _l("位置"),
    _l("镇（街道）"),
    _l("面积（平方米）"),
    _l("用途"),
    _l("出让方式"),
    _l("出让活动开始日期"),
    _l("起始价（万元）"),
    _l("出让结果"),
    _l("受让人"),
    _l("成交价（万元）"),
)


def _parcel_rows(parcels):
    for parcel in parcels.iterator(chunk_size=1000):
        row = selectors.public_parcel(parcel)
        yield [
            parcel.announcement.number,
            parcel.code,
            parcel.location,
            parcel.township,
            parcel.area_m2,
            parcel.get_use_display(),
            parcel.announcement.get_method_display(),
            parcel.announcement.sale_starts_on.isoformat(),
            parcel.starting_price,
            row.outcome_label,
            parcel.buyer if row.result_public else "",
            parcel.deal_price if row.result_public else None,
        ]


def parcels_csv(request):
    agency = agency_for_request(request)
    parcels, _filters = _filtered_parcels(request, agency)
    response = HttpResponse(
        table_csv(PARCEL_HEADERS, _parcel_rows(parcels)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="land-parcels.csv"'
    return response


def announcement(request, pk: int):
    agency = agency_for_request(request)
    found = selectors.public_announcements(agency=agency).filter(pk=pk).first()
    if found is None:
        raise Http404
    return render(
        request,
        "land_market/announcement.html",
        {
            "agency": agency,
            "announcement": found,
            "rows": [selectors.public_parcel(p) for p in found.parcels.all()],
            "notices": sorted(found.published_notices, key=lambda n: n.published_on),
        },
    )


def parcel(request, pk: int):
    agency = agency_for_request(request)
    found = selectors.public_parcels(agency=agency).filter(pk=pk).first()
    if found is None:
        raise Http404
    return render(
        request,
        "land_market/parcel.html",
        {
            "agency": agency,
            "row": selectors.public_parcel(found),
            "parcel": found,
            "history": selectors.parcel_history(found),
        },
    )
