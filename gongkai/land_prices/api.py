"""The land-price endpoints of the read-only API (/api/land-prices/...),
documented in the OpenAPI schema; published data only."""

from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema

from gongkai.core.views import agency_for_request
from gongkai.land_prices import selectors
from gongkai.land_prices.choices import Indicator, PriceUse

router = Router(tags=["地价信息"])


class PriceOut(Schema):
    use: str
    use_label: str
    grade: str
    price: Decimal


class PriceSystemOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    document_number: str
    effective_on: date
    published_on: date
    in_force: bool
    prices: list[PriceOut]


class FigureOut(Schema):
    year: int
    quarter: int
    indicator: str
    indicator_label: str
    use: str
    use_label: str
    value: Decimal
    published_on: date


class FigureFilters(Schema):
    indicator: Indicator | None = None
    use: PriceUse | None = None
    year: int | None = None


# What is public changes with the day (公布日期, 实施日期): never cached.
NO_STORE = "no-store"


@router.get("/systems", response=list[PriceSystemOut], summary="基准地价和标定地价")
def list_systems(request, response: HttpResponse):
    response["Cache-Control"] = NO_STORE
    agency = agency_for_request(request)
    today = timezone.localdate()
    in_force = {
        s.pk for s in selectors.systems_in_force(agency=agency, today=today).values()
    }
    return [
        {
            "id": system.pk,
            "kind": system.kind,
            "kind_label": system.get_kind_display(),
            "title": system.title,
            "document_number": system.document_number,
            "effective_on": system.effective_on,
            "published_on": system.published_on,
            "in_force": system.pk in in_force,
            "prices": [
                {
                    "use": price.use,
                    "use_label": price.get_use_display(),
                    "grade": price.grade,
                    "price": price.price,
                }
                for price in system.prices.all()
            ],
        }
        for system in selectors.public_systems(agency=agency, today=today)
    ]


@router.get(
    "/quarterly", response=list[FigureOut], summary="季度地价监测和房地产用地供应数据"
)
def list_quarterly(request, response: HttpResponse, filters: Query[FigureFilters]):
    response["Cache-Control"] = NO_STORE
    agency = agency_for_request(request)
    figures = selectors.public_figures(agency=agency, today=timezone.localdate())
    if filters.indicator:
        figures = figures.filter(indicator=filters.indicator)
    if filters.use:
        figures = figures.filter(use=filters.use)
    if filters.year:
        figures = figures.filter(year=filters.year)
    return [
        {
            "year": f.year,
            "quarter": f.quarter,
            "indicator": f.indicator,
            "indicator_label": f.get_indicator_display(),
            "use": f.use,
            "use_label": f.get_use_display(),
            "value": f.value,
            "published_on": f.published_on,
        }
        for f in figures
    ]
