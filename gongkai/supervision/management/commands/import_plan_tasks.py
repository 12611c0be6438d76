"""``manage.py import_plan_tasks FILE --title T --year Y --issued-on DATE``:
load a work plan's 任务分解表 from XLSX or CSV (UTF-8 or GBK)."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.publishing import importing
from gongkai.supervision import services


class Command(BaseCommand):
    help = (
        "导入工作方案的任务分解表（表头：序号、工作任务、工作要点、工作要求、责任单位、"
        "时限要求；空白的合并单元格沿用上一行）；按序号更新已有任务。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="任务分解表（.xlsx 或 .csv）")
        parser.add_argument("--title", required=True, help="工作方案名称")
        parser.add_argument("--year", type=int, required=True, help="年度")
        parser.add_argument(
            "--issued-on", required=True, help="印发日期 YYYY-MM-DD（相对时限由此起算）"
        )
        parser.add_argument("--agency", help="机关名称（只有一个机关时可省略）")

    def handle(self, *args, file, title, year, issued_on, agency, **options):
        try:
            issued = dt.date.fromisoformat(issued_on)
        except ValueError as error:
            raise CommandError(_("印发日期应写作 YYYY-MM-DD。")) from error
        try:
            target = importing.agency_for_import(name=agency)
            plan = services.get_or_create_plan(
                agency=target, title=title, year=year, issued_on=issued
            )
            report = services.import_task_sheet(plan=plan, path=Path(file))
        except DomainError as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings:
            self.stdout.write(warning)
        self.stdout.write(
            _("新增任务 %(created)d 项，更新 %(updated)d 项。")
            % {"created": report.created, "updated": report.updated}
        )
        for error in report.errors:
            self.stdout.write(
                _("第 %(row)d 行：%(message)s")
                % {"row": error.row, "message": error.message}
            )
        if report.errors:
            raise CommandError(
                _("有 %(count)d 行被拒绝，请修改后重新导入。")
                % {"count": len(report.errors)}
            )
