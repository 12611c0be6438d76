"""The portal's application pages: file an application online (/apply/) and
follow it with its number and private query code (/apply/status/)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from gongkai.applications import selectors, services
from gongkai.applications.forms import OnlineApplicationForm, StatusQueryForm
from gongkai.applications.models import Application, id_number_index
from gongkai.core import abuse
from gongkai.core.audit import client_address
from gongkai.core.selectors import working_day_calendar


def _agency(request):
    site = Site.find_for_request(request)
    home = site.root_page.specific if site else None
    return getattr(home, "agency", None)


def _client(request) -> str:
    return client_address(request)


def _too_many(request, template: str, context: dict):
    context["limited"] = True
    return render(request, template, context, status=429)


@never_cache
def apply(request):
    """政府信息公开申请: the form, and on success the number and query code,
    shown once."""
    agency = _agency(request)
    template = "applications/apply.html"
    context = {"agency": agency, "notice_version": services.NOTICE_VERSION}
    if request.method != "POST":
        context["form"] = OnlineApplicationForm(initial={"started": abuse.form_token()})
        return render(request, template, context)
    form = OnlineApplicationForm(request.POST, request.FILES)
    context["form"] = form
    if abuse.over_limit(
        f"apply:ip:{_client(request)}",
        limit=settings.APPLICATION_LIMIT_PER_HOUR,
        seconds=3600,
    ):
        return _too_many(request, template, context)
    if abuse.looks_automated(
        honeypot=request.POST.get(abuse.HONEYPOT_FIELD, ""),
        token=request.POST.get("started", ""),
    ):
        form.add_error(None, _("提交过快或页面已过期，请检查填写内容后再次提交。"))
        form.data = form.data.copy()
        form.data["started"] = abuse.form_token()
        return render(request, template, context, status=400)
    if not form.is_valid() or agency is None:
        if agency is None:
            form.add_error(None, _("本网站尚未设置受理机关，暂不能在线申请。"))
        return render(request, template, context, status=400)
    data = form.application_data()
    if data["id_number"] and abuse.over_limit(
        f"apply:id:{id_number_index(data['id_number'])}",
        limit=settings.APPLICATION_LIMIT_PER_ID_PER_DAY,
        seconds=86400,
    ):
        return _too_many(request, template, context)
    filed = services.file_online_application(
        agency=agency, data=data, attachments=form.cleaned_data.get("attachments", [])
    )
    deadlines = selectors.case_deadlines(
        application=filed.application,
        calendar=working_day_calendar(),
        today=timezone.localdate(),
    )
    return render(
        request,
        "applications/submitted.html",
        {"filed": filed, "deadlines": deadlines, "agency": agency},
    )


@never_cache
def status(request):
    """申请查询: number and query code in a POST body (never in the URL)."""
    template = "applications/status.html"
    form = StatusQueryForm(request.POST or None)
    context = {"form": form}
    if request.method != "POST":
        return render(request, template, context)
    if abuse.over_limit(
        f"status:ip:{_client(request)}",
        limit=settings.STATUS_QUERY_LIMIT_PER_HOUR,
        seconds=3600,
    ):
        return _too_many(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=400)
    agency = _agency(request)
    application = Application.objects.filter(
        agency=agency, number=form.cleaned_data["number"].strip()
    ).first()
    if application is None or not services.query_code_matches(
        application, form.cleaned_data["code"]
    ):
        form.add_error(None, _("申请编号或查询码不正确。"))
        return render(request, template, context, status=400)
    context["application"] = application
    context["letters"] = [
        (letter, services.letter_token(letter))
        for letter in application.letters.all()
        if letter.shown_to_applicant
    ]
    context["deadlines"] = selectors.case_deadlines(
        application=application,
        calendar=working_day_calendar(),
        today=timezone.localdate(),
    )
    return render(request, template, context)


@never_cache
def letter(request, token: str, file_format: str):
    """A notice of the applicant's case, through the short-lived link the
    status page gave after checking the number and query code."""
    found = services.letter_from_token(token)
    if found is None or file_format not in {"docx", "pdf"}:
        raise Http404
    content, content_type, name = services.rendered_letter(found, file_format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
