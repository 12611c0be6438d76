"""The portal's decision catalogue (/decisions/) and each decision's hub
(/decisions/<pk>/). Their stages change with the calendar (a stage becomes
late on its expected day), so they are not kept in the page cache."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gongkai.core.views import agency_for_request
from gongkai.decisions import selectors


@never_cache
def catalogue(request):
    agency = agency_for_request(request)
    catalogues = list(selectors.public_catalogues(agency=agency))
    year = request.GET.get("year", "")
    chosen = next(
        (item for item in catalogues if str(item.year) == year),
        catalogues[0] if catalogues else None,
    )
    return render(
        request,
        "decisions/catalogue.html",
        {
            "agency": agency,
            "catalogues": catalogues,
            "catalogue": chosen,
            "rows": selectors.catalogue_rows(catalogue=chosen) if chosen else [],
        },
    )


@never_cache
def hub(request, pk: int):
    agency = agency_for_request(request)
    decision = selectors.public_decision(agency=agency, pk=pk)
    if decision is None:
        raise Http404
    today = timezone.localdate()
    stages = selectors.decision_stages(decision=decision, today=today)
    return render(
        request,
        "decisions/hub.html",
        {
            "agency": agency,
            "decision": decision,
            "stages": stages,
            "done": sum(1 for stage in stages if stage.is_done),
        },
    )
