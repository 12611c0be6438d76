"""Back-office screens of a case (办理): its deadlines and countdown, the
steps of handling it, its notices as DOCX and PDF, the audited reveal of the
applicant's full data, and the export of the closed file (案卷)."""

import time

from django.contrib import messages
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from gongkai.accounts.selectors import can_see_personal_data
from gongkai.applications import admin_forms, archive, selectors, services
from gongkai.applications.models import Application, ApplicationAttachment, Letter
from gongkai.core.errors import DomainError
from gongkai.core.selectors import working_day_calendar

# After re-entering the password, the office may export the full case file
# for this many seconds.
REVEAL_SECONDS = 300

# The steps of a case: the form, and the service called with the case, the
# user and the form's ``arguments()``.
ACTIONS = {
    "correction": (admin_forms.CorrectionRequestForm, services.request_correction),
    "correction-received": (
        admin_forms.CorrectionReceivedForm,
        services.record_correction,
    ),
    "consultation": (admin_forms.ConsultationForm, services.start_consultation),
    "answer": (admin_forms.ConsultationAnswerForm, services.record_answer),
    "extension": (admin_forms.ExtensionForm, services.extend),
    "reply": (admin_forms.ReplyForm, services.reply),
    "abandon": (admin_forms.AbandonForm, services.close_abandoned),
    "delivery": (admin_forms.DeliveryForm, services.record_delivery),
}
# Steps on a record of the case (the consultation, the letter) rather than
# the case itself.
ON_RECORD = {"answer", "delivery"}
# Steps still possible once the case is closed.
AFTER_CLOSING = {"delivery"}


def assist(request, pk: int):
    """A handling department answers with what it found (协助调查)."""
    application = _case(request, pk)
    department = request.user.department
    if (
        department is None
        or not application.handling_departments.filter(pk=department.pk).exists()
    ):
        raise PermissionDenied
    if application.is_closed:
        messages.error(request, _("该申请已办结归档，不能再修改。"))
        return redirect("applications_case", pk=pk)
    form = admin_forms.AssistanceForm(
        request.POST or None, application=application, calendar=None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_assistance(
                application=application,
                department=department,
                findings=form.cleaned_data["findings"],
                user=request.user,
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已提交协办意见。"))
            return redirect("applications_case", pk=pk)
    return TemplateResponse(
        request,
        "applications/admin/action.html",
        {"application": application, "form": form, "title": form.title},
        status=400 if request.method == "POST" else 200,
    )


def _case(request, pk: int, *, change: bool = False) -> Application:
    application = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    permission = "change" if change else "view"
    if not request.user.has_perm(f"applications.{permission}_application"):
        raise PermissionDenied
    if not selectors.visible_cases(user=request.user).filter(pk=pk).exists():
        raise PermissionDenied
    return application


def case_detail(request, pk: int):
    """One case as staff handle it: deadlines with the countdown, the steps
    taken, the notices, the history."""
    application = _case(request, pk)
    deadlines = selectors.case_deadlines(
        application=application, calendar=working_day_calendar()
    )
    return TemplateResponse(
        request,
        "applications/admin/case.html",
        {
            "application": application,
            "deadlines": deadlines,
            "overdue_days": -(deadlines.working_days_left or 0),
            "consultations": application.consultations.all(),
            "awaiting_answers": application.consultations.filter(
                answered_on__isnull=True
            ).exists(),
            "correction_notice_open": timezone.localdate()
            <= deadlines.correction_notice_due.due_on,
            "letters": application.letters.all(),
            "attachments": application.attachments.all(),
            "departments": application.handling_departments.all(),
            "history": ModelLogEntry.objects.for_instance(application).select_related(
                "user"
            ),
            "can_change": request.user.has_perm("applications.change_application"),
            "can_reveal": can_see_personal_data(request.user),
            "can_assist": request.user.department_id is not None
            and application.handling_departments.filter(
                pk=request.user.department_id
            ).exists(),
            "similar": selectors.similar_requests(application=application)
            if request.user.has_perm("applications.change_application")
            else [],
        },
    )


def case_action(request, pk: int, action: str):
    """One step of handling: a form, then the service, refused in Chinese
    when a rule forbids it; nothing is half done."""
    if action not in ACTIONS:
        raise PermissionDenied
    application = _case(request, pk, change=True)
    if application.is_closed and action not in AFTER_CLOSING:
        messages.error(request, _("该申请已办结归档，不能再修改。"))
        return redirect("applications_case", pk=pk)
    form_class, service = ACTIONS[action]
    calendar = working_day_calendar()
    form = form_class(request.POST or None, application=application, calendar=calendar)
    if request.method == "POST" and form.is_valid():
        try:
            arguments = form.arguments()
            if action not in ON_RECORD:
                arguments["application"] = application
            service(user=request.user, **arguments)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("已保存：%(step)s。") % {"step": form_class.title}
            )
            return redirect("applications_case", pk=pk)
    return TemplateResponse(
        request,
        "applications/admin/action.html",
        {"application": application, "form": form, "title": form_class.title},
        status=400 if request.method == "POST" else 200,
    )


def attachment_download(request, pk: int):
    """An applicant's attachment (it may show personal data), for the
    office; every download is in the audit log."""
    attachment = get_object_or_404(
        ApplicationAttachment.objects.select_related("application"), pk=pk
    )
    _case(request, attachment.application_id)
    if not can_see_personal_data(request.user):
        raise PermissionDenied
    content = services.attachment_content(attachment)
    log(
        instance=attachment.application,
        action="applications.attachment_downloaded",
        user=request.user,
        data={"attachment": attachment.pk, "name": attachment.name},
    )
    return _attachment(content, "application/octet-stream", attachment.name)


def letter_download(request, pk: int, file_format: str):
    letter = get_object_or_404(Letter.objects.select_related("application"), pk=pk)
    _case(request, letter.application_id)
    content, content_type, name = services.rendered_letter(letter, file_format)
    return _attachment(content, content_type, name)


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "no-store"
    return response


def _reveal_key(application: Application) -> str:
    return f"applications:revealed:{application.pk}"


def _recently_revealed(request, application: Application) -> bool:
    """Whether the user re-authenticated for this case in the last minutes."""
    revealed_at = request.session.get(_reveal_key(application), 0)
    return time.time() - revealed_at < REVEAL_SECONDS


def reveal_personal_data(request, pk: int):
    """显示完整信息: office staff only, after entering their password again,
    with a reason; every reveal is written to the audit log (PI-04)."""
    application = _case(request, pk)
    if not can_see_personal_data(request.user):
        raise PermissionDenied
    form = admin_forms.RevealForm(request.POST or None)
    revealed = False
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=request.user.get_username(),
            password=form.cleaned_data["password"],
        )
        if user is None or user.pk != request.user.pk:
            form.add_error("password", _("密码不正确。"))
            log(
                instance=application,
                action="applications.personal_data_reveal_refused",
                user=request.user,
                data={"reason": form.cleaned_data["reason"]},
            )
        else:
            request.session[_reveal_key(application)] = time.time()
            log(
                instance=application,
                action="applications.personal_data_revealed",
                user=request.user,
                data={"reason": form.cleaned_data["reason"]},
            )
            revealed = True
    return TemplateResponse(
        request,
        "applications/admin/reveal.html",
        {"application": application, "form": form, "revealed": revealed},
        status=400 if request.method == "POST" and not revealed else 200,
    )


@require_POST
def export_file(request, pk: int):
    """The case file (案卷) as one ZIP: the application, its notices as DOCX
    and PDF, consultations, deliveries and the history. Personal data is
    masked and attachments left out, unless the office re-authenticated on
    the reveal page minutes ago; every export is audited."""
    application = _case(request, pk)
    full = can_see_personal_data(request.user) and _recently_revealed(
        request, application
    )
    content = archive.case_archive(application, full_personal_data=full)
    log(
        instance=application,
        action="applications.exported",
        user=request.user,
        data={"full_personal_data": full},
    )
    return _attachment(content, "application/zip", f"{application.number}-案卷.zip")
