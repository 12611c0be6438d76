"""The portal's land market (/land-market/): the year's supply plan, the
announcements with their parcels (filtered by year, use, township or a
word), each announcement and each parcel with its history, and the parcels
as CSV. Only what went live through 三审 is shown; results only once their
成交公示 is public."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

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
        from django.db.models import Q

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


def parcels_csv(request):
    agency = agency_for_request(request)
    parcels, _filters = _filtered_parcels(request, agency)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="land-parcels.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("公告编号"),
            _("宗地编号"),
            _("位置"),
            _("镇（街道）"),
            _("面积（平方米）"),
            _("用途"),
            _("出让方式"),
            _("出让活动开始日期"),
            _("起始价（万元）"),
            _("出让结果"),
            _("受让人"),
            _("成交价（万元）"),
        ]
    )
    for parcel in parcels.iterator(chunk_size=1000):
        row = selectors.public_parcel(parcel)
        writer.writerow(
            [
                parcel.announcement.number,
                parcel.code,
                parcel.location,
                parcel.township,
                parcel.area_m2,
                parcel.get_use_display(),
                parcel.announcement.get_method_display(),
                parcel.announcement.sale_starts_on.isoformat(),
                parcel.starting_price if parcel.starting_price is not None else "",
                row.outcome_label,
                parcel.buyer if row.result_public else "",
                parcel.deal_price if row.result_public and parcel.deal_price else "",
            ]
        )
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
