"""``manage.py import_report_figures FILE``: import the departments' table
二 figures (XLSX or CSV, UTF-8 or GBK); all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.publishing import importing
from gongkai.reports.entered import import_entered_figures


class Command(BaseCommand):
    help = (
        "导入各科室填报的年报表二数据（XLSX 或 CSV）；任何一行有错误时整个文件不导入。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", help="机关名称（只有一个机关时可省略）")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    def handle(self, *args, file, agency, dry_run, **options):
        try:
            target = importing.agency_for_import(name=agency)
            report = import_entered_figures(
                path=Path(file), agency=target, actor=None, dry_run=dry_run
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.rejected:
            raise CommandError(
                _("有 %(count)d 行错误，整个文件未导入。") % {"count": report.rejected}
            )
