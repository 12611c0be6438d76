"""Reads of the applications: a case's deadlines, the cases due soon or
overdue, and the annual report's figures (tables 二, 三 and 四 of the 2021
format) for an agency and a year."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from gongkai.accounts.models import Agency
from gongkai.applications import deadlines, report, similarity
from gongkai.applications.models import Appeal, Application, ConsultationKind
from gongkai.core.errors import DomainError
from gongkai.core.selectors import working_day_calendar

logger = logging.getLogger(__name__)

# Requests further apart than this are not compared for 依申请转主动.
SIMILAR_WITHIN_DAYS = 365


def annual_report_figures(*, agency: Agency, year: int) -> dict:
    """Tables 二, 三 and 四, keyed by their official labels. Raises
    ``report.ReportCheckError`` when table 三's check rule fails."""
    from gongkai.publishing.selectors import proactive_disclosure_figures

    cases = (
        report.CaseFacts(
            received_on=received_on,
            applicant_type=applicant_type,
            closed_on=replied_on,
            outcome=outcome,
        )
        for received_on, applicant_type, replied_on, outcome in Application.objects.filter(
            Q(replied_on__isnull=True) | Q(replied_on__gte=date(year, 1, 1)),
            agency=agency,
            received_on__lte=date(year, 12, 31),
        ).values_list("received_on", "applicant_type", "replied_on", "outcome")
    )
    appeals = (
        report.AppealFacts(
            kind=appeal.kind,
            filed_on=appeal.filed_on,
            result_label=appeal.get_result_display() if appeal.result else "",
            decided_on=appeal.decided_on,
        )
        for appeal in Appeal.objects.filter(agency=agency, filed_on__year=year)
    )
    return {
        "年度": year,
        "机关": agency.name,
        "二、主动公开政府信息情况": proactive_disclosure_figures(
            agency=agency, year=year
        ),
        report.TABLE_3: report.table_3(cases, year=year),
        report.TABLE_4: report.table_4(appeals, year=year),
    }


def case_dates(application: Application) -> deadlines.CaseDates:
    """The dates the clock of ``application`` depends on: its correction,
    its extension, and the consultations that stop the clock."""
    consultations = ()
    if application.pk is not None:
        consultations = tuple(
            deadlines.Consultation(sent_on=sent_on, answered_on=answered_on)
            for sent_on, answered_on in application.consultations.filter(
                kind__in=ConsultationKind.pausing()
            ).values_list("sent_on", "answered_on")
        )
    return deadlines.CaseDates(
        received_on=application.received_on,
        correction_requested_on=application.correction_requested_on,
        correction_due_on=application.correction_due_on,
        correction_received_on=application.correction_received_on,
        consultations=consultations,
        extension_working_days=application.extension_working_days,
    )


def case_deadlines(
    *, application: Application, calendar=None, today=None
) -> deadlines.CaseDeadlines:
    """The statutory deadlines of ``application`` on ``today``."""
    return deadlines.case_deadlines(
        case_dates(application),
        calendar=calendar or working_day_calendar(),
        today=today or timezone.localdate(),
    )


def visible_cases(*, user):
    """The cases ``user`` may see: the office all of its agency's, other
    departments those assigned to them (协助调查); superusers every case."""
    from gongkai.accounts.selectors import agency_of

    cases = Application.objects.all()
    if user.is_superuser:
        return cases
    agency = agency_of(user)
    if agency is None or not user.has_perm("applications.view_application"):
        return cases.none()
    cases = cases.filter(agency=agency)
    if user.has_perm("applications.change_application"):
        return cases
    return cases.filter(handling_departments=user.department_id)


def due_cases(*, agency=None, today=None, calendar=None, cases=None) -> list[tuple]:
    """Open cases due within 5 working days, overdue, or past their
    correction period uncorrected (to be closed as abandoned), most urgent
    first:
    (application, deadlines) pairs. The stored reply date narrows the
    search; the deadline is computed afresh for each case."""
    today = today or timezone.localdate()
    calendar = calendar or working_day_calendar()
    horizon = calendar.deadline(today, deadlines.DUE_SOON_WORKING_DAYS).due_on
    cases = (
        (Application.objects.all() if cases is None else cases)
        .filter(
            Q(reply_due_on__lte=horizon)
            | Q(correction_received_on__isnull=True, correction_due_on__lt=today),
            replied_on__isnull=True,
        )
        .select_related("agency")
    )
    if agency is not None:
        cases = cases.filter(agency=agency)
    found = []
    for application in cases:
        try:
            case = case_deadlines(
                application=application, calendar=calendar, today=today
            )
        except DomainError as error:
            logger.warning("deadline of application %s: %s", application.pk, error)
            continue
        if case.is_overdue or case.is_due_soon or case.is_abandoned:
            found.append((application, case))
    found.sort(key=lambda pair: (pair[1].working_days_left or 0, pair[0].pk))
    return found


def request_text(application: Application) -> str:
    return " ".join(
        filter(
            None,
            (
                application.info_title,
                application.info_document_number,
                application.description,
            ),
        )
    )


def applicant_key(application: Application) -> str:
    """Who applied: the ID number's blind index, the credit code, or the
    name; different keys are different applicants."""
    return (
        application.id_number_index
        or application.credit_code
        or application.applicant_name.strip()
    )


def similar_requests(
    *, application: Application, days: int = SIMILAR_WITHIN_DAYS
) -> list[tuple[Application, float]]:
    """Applications from other applicants to the same agency within
    ``days`` before or after this one, asking for similar information."""
    if application.pk is None:
        return []
    window = timedelta(days=days)
    candidates = {
        other.pk: other
        for other in Application.objects.filter(
            agency_id=application.agency_id,
            received_on__gte=application.received_on - window,
            received_on__lte=application.received_on + window,
        ).exclude(pk=application.pk)
        if applicant_key(other) != applicant_key(application)
    }
    matches = similarity.similar(
        request_text(application),
        ((pk, request_text(other)) for pk, other in candidates.items()),
        threshold=settings.PROACTIVE_PROMPT_SIMILARITY,
    )
    return [(candidates[match.key], match.score) for match in matches]
