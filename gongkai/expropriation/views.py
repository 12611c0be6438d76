"""The portal's expropriation projects (/expropriation/): found by
township, village or a word; each project's hub with its stages; and the
printable village notice (PDF, A4 or A3, with its QR code).
Not kept in the page cache: a stage becomes late with the calendar, and
staff edit the projects directly."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gongkai.core.selectors import working_day_calendar
from gongkai.core.views import agency_for_request
from gongkai.expropriation import selectors, stages
from gongkai.expropriation.notices import bulletin_notice
from gongkai.expropriation.pdf import SIZES, notice_pdf


@never_cache
def project_list(request):
    agency = agency_for_request(request)
    today = timezone.localdate()
    filters = {
        key: request.GET.get(key, "").strip()[:50]
        for key in ("township", "village", "q")
    }
    projects = list(
        selectors.public_projects(
            agency=agency,
            today=today,
            township=filters["township"],
            village=filters["village"],
            words=filters["q"],
        )
    )
    calendar = working_day_calendar()
    rows = []
    for project in projects:
        found = selectors.project_stages(project, today=today, calendar=calendar)
        rows.append((project, stages.current_stage(found)))
    return render(
        request,
        "expropriation/list.html",
        {
            "agency": agency,
            "rows": rows,
            "filters": filters,
            "townships": selectors.townships(agency=agency, today=today),
            "searched": any(filters.values()),
        },
    )


@never_cache
def project_hub(request, pk: int):
    agency = agency_for_request(request)
    today = timezone.localdate()
    project = selectors.public_project(agency=agency, pk=pk, today=today)
    if project is None:
        raise Http404
    found = selectors.project_stages(
        project, today=today, calendar=working_day_calendar()
    )
    return render(
        request,
        "expropriation/hub.html",
        {
            "agency": agency,
            "project": project,
            "stages": found,
            "current": stages.current_stage(found),
            "done": sum(1 for stage in found if stage.is_done),
        },
    )


@never_cache
def village_notice_pdf(request, pk: int, village_pk: int):
    agency = agency_for_request(request)
    project = selectors.public_project(agency=agency, pk=pk, today=timezone.localdate())
    if project is None:
        raise Http404
    village = get_object_or_404(project.villages.all(), pk=village_pk)
    size = request.GET.get("size", "A4").upper()
    if size not in SIZES:
        raise Http404
    document = selectors.notice_document(project, stage=request.GET.get("stage", ""))
    url = request.build_absolute_uri(project.get_absolute_url())
    notice = bulletin_notice(
        selectors.village_facts(
            project=project, village=village, document=document, url=url
        )
    )
    response = HttpResponse(
        notice_pdf(notice, url=url, size=size), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="notice-{project.pk}-{village.pk}-{size}.pdf"'
    )
    return response
