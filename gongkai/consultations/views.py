"""The portal's consultations: the list (/consultations/) and each one with
its draft, explanation, channels, other participation, approved comments and
the comment form (/consultations/<pk>/). Not kept in the page cache: the
form carries a CSRF token and the page changes with every approved comment."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.consultations import drafts, selectors, services
from gongkai.consultations.errors import ConsultationRefusedError
from gongkai.consultations.forms import CommentForm
from gongkai.consultations.models import ConsultationPolicy
from gongkai.core import abuse
from gongkai.core.audit import client_address
from gongkai.core.views import agency_for_request
from gongkai.decisions.selectors import public_decision


@never_cache
def consultation_list(request):
    agency = agency_for_request(request)
    today = timezone.localdate()
    consultations = list(selectors.public_consultations(agency=agency))
    return render(
        request,
        "consultations/list.html",
        {
            "agency": agency,
            "open": [item for item in consultations if item.is_open(today)],
            "others": [item for item in consultations if not item.is_open(today)],
        },
    )


@never_cache
def consultation_detail(request, pk: int):
    agency = agency_for_request(request)
    consultation = selectors.public_consultations(agency=agency).filter(pk=pk).first()
    if consultation is None:
        raise Http404
    policy = ConsultationPolicy.load(request_or_site=request)
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        consultation=consultation,
        max_length=policy.comment_max_length,
    )
    status = 200
    if request.method == "POST":
        status = _take_comment(request, consultation, form, policy)
        if status == 303:
            return redirect(f"{consultation.get_absolute_url()}?submitted=1#comments")
    today = timezone.localdate()
    report = getattr(consultation, "adoption_report", None)
    return render(
        request,
        "consultations/detail.html",
        {
            "agency": agency,
            "consultation": consultation,
            # The decision is linked once its catalogue is public.
            "decision": public_decision(agency=agency, pk=consultation.decision_id)
            if consultation.decision_id
            else None,
            "sections": drafts.sections(consultation.draft_text),
            "is_open": consultation.is_open(today),
            "form": form,
            "comments": selectors.public_comments(consultation=consultation),
            "participations": [
                item
                for item in consultation.participations.all()
                if item.is_announced(today)
            ],
            "adoption_item": report.item
            if report is not None and report.item is not None and report.item.live
            else None,
            "limited": status == 429,
            "submitted": request.method == "GET"
            and request.GET.get("submitted") == "1",
        },
        status=status,
    )


def _take_comment(request, consultation, form, policy) -> int:
    """The HTTP status of a comment sent: 303 when taken."""
    if abuse.over_limit(
        f"comment:ip:{client_address(request)}",
        limit=policy.comments_per_hour,
        seconds=3600,
    ):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试。"))
        return 429
    if abuse.looks_automated(
        honeypot=request.POST.get(abuse.HONEYPOT_FIELD, ""),
        token=request.POST.get("started", ""),
    ):
        form.is_valid()
        form.add_error(None, _("提交过快或页面已过期，请检查填写内容后再次提交。"))
        form.data = form.data.copy()
        form.data["started"] = abuse.form_token()
        return 400
    if not form.is_valid():
        return 400
    try:
        services.submit_comment(
            consultation=consultation,
            data=services.CommentData(
                body=form.cleaned_data["body"],
                section_key=form.cleaned_data["section_key"],
                name=form.cleaned_data["name"],
                contact=form.cleaned_data["contact"],
            ),
            client_address=client_address(request),
        )
    except ConsultationRefusedError as error:
        form.add_error(None, str(error))
        return 400
    return 303
