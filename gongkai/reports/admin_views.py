"""The office's screens of the annual report: drafting, preview, the DOCX
and PDF downloads, sending it to 三审, reopening it; and the import of the
departments' figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from gongkai.accounts.selectors import agency_of
from gongkai.applications.report import ReportCheckError
from gongkai.core.errors import DomainError
from gongkai.core.files import uploaded_file
from gongkai.reports import documents, entered, selectors, services
from gongkai.reports.admin_forms import DraftForm, FiguresImportForm
from gongkai.reports.models import AnnualDisclosureReport

CHANGE = "reports.change_annualdisclosurereport"


def can_edit_reports(user) -> bool:
    """The office writes and publishes the report (条例 Art. 4: the office
    in charge of disclosure work)."""
    return user.is_active and (user.is_superuser or user.has_perm(CHANGE))


def visible_reports(user):
    reports = AnnualDisclosureReport.objects.select_related("agency", "item")
    if user.is_superuser:
        return reports
    return reports.filter(agency=agency_of(user))


def _report(request, pk: int) -> AnnualDisclosureReport:
    if not can_edit_reports(request.user):
        raise PermissionDenied
    return get_object_or_404(visible_reports(request.user), pk=pk)


def _edit_url(report) -> str:
    return reverse(
        "wagtailsnippets_reports_annualdisclosurereport:edit", args=[report.pk]
    )


def draft(request):
    if not can_edit_reports(request.user):
        raise PermissionDenied
    form = DraftForm(request.POST or None)
    agency = agency_of(request.user)
    if request.method == "POST" and form.is_valid() and agency is not None:
        report = services.draft_annual_report(
            agency=agency, year=form.cleaned_data["year"], actor=request.user
        )
        return redirect(_edit_url(report))
    return TemplateResponse(
        request, "reports/admin/draft.html", {"form": form, "agency": agency}
    )


def _document(report):
    data = selectors.report_figures(report)
    return data, selectors.report_document(report, data)


def preview(request, pk: int):
    report = _report(request, pk)
    try:
        _data, document = _document(report)
    except ReportCheckError as error:
        messages.error(
            request,
            _("表三数据不满足勾稽关系（%(column)s列），无法预览。") % {"column": error},
        )
        return redirect(_edit_url(report))
    return TemplateResponse(
        request,
        "reports/admin/preview.html",
        {
            "report": report,
            "document": document,
            "body": documents.render_html(document),
        },
    )


def download(request, pk: int, file_format: str):
    report = _report(request, pk)
    try:
        _data, document = _document(report)
    except ReportCheckError as error:
        messages.error(
            request,
            _("表三数据不满足勾稽关系（%(column)s列），无法生成文件。")
            % {"column": error},
        )
        return redirect(_edit_url(report))
    if file_format == "docx":
        content = documents.render_docx(document)
        content_type = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
    elif file_format == "pdf":
        content = documents.render_pdf(document)
        content_type = "application/pdf"
    else:
        raise PermissionDenied
    log(
        instance=report,
        action="reports.downloaded",
        user=request.user,
        data={"format": file_format},
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{report.title}.{file_format}"
    )
    return response


@require_POST
def submit(request, pk: int):
    report = _report(request, pk)
    try:
        services.submit_annual_report(report=report, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("年度报告已送三审，终审通过后在“政府信息公开年报”栏目发布。")
        )
    return redirect(_edit_url(report))


@require_POST
def reopen(request, pk: int):
    report = _report(request, pk)
    try:
        services.reopen_annual_report(report=report, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("年度报告已撤回为草稿，表格重新按平台数据计算。"))
    return redirect(_edit_url(report))


def import_figures(request):
    """导入填报数据: the office imports the departments' figures."""
    if not can_edit_reports(request.user):
        raise PermissionDenied
    form = FiguresImportForm(request.POST or None, request.FILES or None)
    lines: list[str] = []
    agency = agency_of(request.user)
    if request.method == "POST" and form.is_valid() and agency is not None:
        with uploaded_file(form.cleaned_data["file"], stem="figures") as path:
            try:
                report = entered.import_entered_figures(
                    path=path, agency=agency, actor=request.user
                )
            except DomainError as error:
                lines = [str(error)]
                messages.error(request, str(error))
            else:
                lines = report.lines()
                if report.rejected:
                    messages.error(
                        request, _("导入未完成：有错误的行，整个文件未导入。")
                    )
                else:
                    messages.success(request, _("填报数据已导入。"))
    return TemplateResponse(
        request,
        "core/admin/import.html",
        {"form": form, "lines": lines, "title": _("导入年报填报数据")},
    )
