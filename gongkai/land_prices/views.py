"""The portal's land prices (/land-prices/): the benchmark and standard
prices in force with their history, and the quarterly figures as charts
with their data tables; each downloadable as CSV, XLSX or JSON.
Not kept in the page cache: what is public depends on the day (a figure
goes public on its 公布日期), and staff edit the figures directly."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.core.tables import table_csv, table_xlsx
from gongkai.core.views import agency_for_request
from gongkai.land_prices import charts, selectors
from gongkai.land_prices.choices import Indicator

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@never_cache
def index(request):
    agency = agency_for_request(request)
    today = timezone.localdate()
    in_force = selectors.systems_in_force(agency=agency, today=today)
    systems = list(selectors.public_systems(agency=agency, today=today))
    tables = selectors.quarter_tables(
        selectors.public_figures(agency=agency, today=today)
    )
    figures = []
    for table in tables:
        unit = (
            _("元/平方米")
            if table.indicator == Indicator.MONITORED_PRICE
            else _("公顷")
        )
        figures.append(
            {
                "table": table,
                "trend": charts.line_chart(
                    title=_("%(label)s按季度变化") % {"label": table.label},
                    categories=table.quarters,
                    series=table.series(),
                    unit=unit,
                ),
                "latest": charts.bar_chart(
                    title=_("%(label)s：%(quarter)s分用途")
                    % {"label": table.label, "quarter": table.quarters[-1]},
                    bars=table.latest(),
                    unit=unit,
                ),
                "quarter": table.quarters[-1],
            }
        )
    return render(
        request,
        "land_prices/index.html",
        {
            "agency": agency,
            "in_force": [
                (system, selectors.price_grid(system)) for system in in_force.values()
            ],
            "history": systems,
            "figures": figures,
        },
    )


def _download(*, name: str, title: str, headers, rows, fmt: str) -> HttpResponse:
    if fmt == "csv":
        body = table_csv(headers, rows)
    elif fmt == "xlsx":
        body = table_xlsx(title, headers, rows)
    else:
        body = json.dumps(
            [dict(zip(map(str, headers), row, strict=True)) for row in rows],
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@never_cache
def quarterly_download(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    agency = agency_for_request(request)
    figures = selectors.public_figures(agency=agency, today=timezone.localdate())
    return _download(
        name="land-quarterly",
        title=_("季度数据"),
        headers=selectors.FIGURE_HEADERS,
        rows=selectors.figure_rows(figures),
        fmt=fmt,
    )


@never_cache
def prices_download(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    agency = agency_for_request(request)
    systems = selectors.public_systems(agency=agency, today=timezone.localdate())
    return _download(
        name="land-prices",
        title=_("地价"),
        headers=selectors.PRICE_HEADERS,
        rows=selectors.price_rows(systems),
        fmt=fmt,
    )
