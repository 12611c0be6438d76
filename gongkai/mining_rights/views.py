"""The portal's mining rights (/mining-rights/): transfers with their
results once publicised, approval results and 勘查开采信息公示, with the
transfers downloadable as CSV."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.core.tables import table_csv
from gongkai.core.views import agency_for_request
from gongkai.mining_rights import selectors

HEADERS = (
    _l("公告编号"), _l("矿业权类型"), _l("矿区（勘查区）名称"), _l("矿种"), _l("位置"), _l("面积（平方千米）"),
    _l("出让方式"), _l("起始价（万元）"), _l("出让活动开始日期"), _l("出让结果"), _l("竞得人"), _l("成交价（万元）"),
)  # fmt: skip


def index(request):
    agency = agency_for_request(request)
    transfers = list(selectors.public_transfers(agency=agency))
    return render(
        request,
        "mining_rights/index.html",
        {
            "agency": agency,
            "transfers": [(t, selectors.result_public(t)) for t in transfers],
            "approvals": list(selectors.public_approvals(agency=agency)[:50]),
            "disclosures": list(selectors.public_disclosures(agency=agency)[:50]),
        },
    )


def transfers_csv(request):
    agency = agency_for_request(request)
    rows = []
    for transfer in selectors.public_transfers(agency=agency):
        public = selectors.result_public(transfer)
        rows.append(
            [
                transfer.number,
                transfer.get_right_type_display(),
                transfer.name,
                transfer.mineral,
                transfer.location,
                transfer.area_km2,
                transfer.get_method_display(),
                transfer.starting_price,
                transfer.sale_starts_on.isoformat(),
                transfer.get_outcome_display() if public else _("出让中"),
                transfer.winner if public else "",
                transfer.deal_price if public else None,
            ]  # fmt: skip
        )
    response = HttpResponse(
        table_csv(HEADERS, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="mining-rights.csv"'
    return response


def transfer(request, pk: int):
    agency = agency_for_request(request)
    found = selectors.public_transfers(agency=agency).filter(pk=pk).first()
    if found is None:
        raise Http404
    return render(
        request,
        "mining_rights/transfer.html",
        {
            "agency": agency,
            "transfer": found,
            "result_public": selectors.result_public(found),
        },
    )
