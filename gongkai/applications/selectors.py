"""Reads of the applications: the annual report's figures (tables 二, 三
and 四 of the 2021 format) for an agency and a year."""

from datetime import date

from django.db.models import Q

from gongkai.accounts.models import Agency
from gongkai.applications import report
from gongkai.applications.models import Appeal, Application


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


def case_deadlines(*, application: Application, calendar, today):
    """The statutory deadlines of ``application`` on ``today``."""
    from gongkai.applications.deadlines import CaseDates
    from gongkai.applications.deadlines import case_deadlines as compute

    return compute(
        CaseDates(received_on=application.received_on), calendar=calendar, today=today
    )
