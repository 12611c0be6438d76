"""``manage.py draft_annual_report YEAR``: create (or open) the annual
report's draft and optionally write its DOCX and PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.applications.report import ReportCheckError
from gongkai.core.errors import DomainError
from gongkai.publishing import importing
from gongkai.reports import selectors, services
from gongkai.reports.documents import render_docx, render_pdf


class Command(BaseCommand):
    help = "按平台数据起草某年度的政府信息公开工作年度报告，可同时导出 DOCX 和 PDF。"

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--agency", help="机关名称（只有一个机关时可省略）")
        parser.add_argument("--docx", metavar="FILE", help="把报告写入此 DOCX 文件")
        parser.add_argument("--pdf", metavar="FILE", help="把报告写入此 PDF 文件")

    def handle(self, *args, year, agency, docx, pdf, **options):
        try:
            target = importing.agency_for_import(name=agency)
            report = services.draft_annual_report(agency=target, year=year, actor=None)
            data = selectors.report_figures(report)
        except ReportCheckError as error:
            raise CommandError(
                _("表三数据不满足勾稽关系（%(column)s列），请核对申请台账。")
                % {"column": error}
            ) from error
        except DomainError as error:
            raise CommandError(str(error)) from error
        document = selectors.report_document(report, data)
        if docx:
            Path(docx).write_bytes(render_docx(document))
        if pdf:
            Path(pdf).write_bytes(render_pdf(document))
        self.stdout.write(
            _("%(title)s：%(status)s。")
            % {"title": report.title, "status": report.get_status_display()}
        )
        for label in data.get("未填报", []):
            self.stdout.write(
                _("提示：“%(label)s”无科室填报，按0计。") % {"label": label}
            )
