import io

import pytest
from django.urls import reverse
from docx import Document

from gongkai.reports import services
from gongkai.reports.models import AnnualDisclosureReport, EnteredFigure

pytestmark = pytest.mark.django_db


def _edit_url(report):
    return reverse(
        "wagtailsnippets_reports_annualdisclosurereport:edit", args=[report.pk]
    )


def test_the_office_opens_the_draft_with_its_tables_filled_and_no_number_inputs(
    client, agency, office, imported_ledger
):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    client.force_login(office)
    response = client.get(_edit_url(report))
    assert response.status_code == 200
    page = response.content.decode()
    assert "申请人情况" in page and "未经复议直接起诉" in page
    assert "下载 DOCX" in page and "发布（送三审）" in page
    assert 'name="rules_issued"' not in page and 'name="frozen_figures"' not in page
    assert "行政处罚·本年处理决定数量" in page  # not entered: warned


def test_the_office_downloads_the_docx(client, agency, office, imported_ledger):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    client.force_login(office)
    response = client.get(reverse("reports_download", args=[report.pk, "docx"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert len(document.tables) >= 3


def test_the_office_drafts_a_report_from_the_admin(client, agency, office):
    client.force_login(office)
    response = client.post(reverse("reports_draft"), {"year": 2026})
    report = AnnualDisclosureReport.objects.get(agency=agency, year=2026)
    assert response.status_code == 302 and response["Location"] == _edit_url(report)
    assert "主动公开政府信息" in report.proactive_text


def test_submitting_with_empty_sections_shows_the_refusal(client, agency, office):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    client.force_login(office)
    response = client.post(reverse("reports_submit", args=[report.pk]), follow=True)
    assert "尚未填写，不能发布" in response.content.decode()


def test_other_departments_cannot_open_or_download_the_report(
    client, agency, office, planning
):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    client.force_login(planning)
    assert client.get(_edit_url(report)).status_code in (302, 403)
    download = client.get(reverse("reports_download", args=[report.pk, "docx"]))
    assert download.status_code in (302, 403) and not download.has_header(
        "Content-Disposition"
    )
    assert client.post(reverse("reports_submit", args=[report.pk])).status_code in (
        302,
        403,
    )
    report.refresh_from_db()
    assert report.is_draft


def test_a_department_sees_and_enters_only_its_own_figures(
    client, agency, office, planning
):
    own = EnteredFigure.objects.create(
        agency=agency, year=2026, department=planning.department, licensing_decisions=3
    )
    other = EnteredFigure.objects.create(
        agency=agency, year=2026, department=office.department, penalty_decisions=2
    )
    client.force_login(planning)
    index = client.get(reverse("wagtailsnippets_reports_enteredfigure:list"))
    assert list(index.context["object_list"]) == [own]
    edit = "wagtailsnippets_reports_enteredfigure:edit"
    assert client.get(reverse(edit, args=[own.pk])).status_code == 200
    assert client.get(reverse(edit, args=[other.pk])).status_code in (302, 403, 404)
    client.post(
        reverse(edit, args=[other.pk]),
        {
            "agency": agency.pk,
            "year": 2026,
            "department": office.department.pk,
            "penalty_decisions": 99,
        },
    )
    other.refresh_from_db()
    assert other.penalty_decisions == 2
    form = client.get(reverse("wagtailsnippets_reports_enteredfigure:add")).context[
        "form"
    ]
    assert list(form.fields["department"].queryset) == [planning.department]


def test_the_office_sees_the_due_reminder_on_the_admin_home(client, agency, office):
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.date(2027, 1, 21), tick=False):
        client.force_login(office)
        page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2026年度报告应于2027年1月31日前公布，还剩 10 天" in page


def test_the_office_previews_the_report_and_downloads_the_pdf(
    client, agency, office, imported_ledger
):
    from pypdf import PdfReader

    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    client.force_login(office)
    preview = client.get(reverse("reports_preview", args=[report.pk])).content.decode()
    assert "三、收到和处理政府信息公开申请情况" in preview and "申请人情况" in preview
    response = client.get(reverse("reports_download", args=[report.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert PdfReader(io.BytesIO(response.content)).metadata.title == report.title


def test_the_office_imports_the_figures_in_the_admin(client, agency, office, planning):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office)
    upload = SimpleUploadedFile(
        "figures.csv",
        "年度,填报科室,行政处罚本年处理决定数量\n2026,规划科,7\n".encode("gbk"),
    )
    page = client.post(
        reverse("reports_import_figures"), {"file": upload}
    ).content.decode()
    assert "新增 1 条" in page
    assert (
        EnteredFigure.objects.get(department=planning.department).penalty_decisions == 7
    )
