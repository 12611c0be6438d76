"""``manage.py annual_report YEAR [--json]``: the figures of the annual
report's tables 二, 三 and 四 (2021 format), keyed by the official labels."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.applications import report, selectors
from gongkai.core.errors import DomainError
from gongkai.publishing import importing


class Command(BaseCommand):
    help = "输出政府信息公开工作年度报告表二、表三、表四的数据。"

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--agency", help="机关名称（只有一个机关时可省略）")
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, year, agency, as_json, **options):
        try:
            target = importing.agency_for_import(name=agency)
            figures = selectors.annual_report_figures(agency=target, year=year)
        except DomainError as error:
            raise CommandError(str(error)) from error
        except report.ReportCheckError as error:
            raise CommandError(
                _(
                    "表三勾稽关系不成立（%(column)s 列）：第一项加第二项之和应等于第三项加第四项之和。"
                )
                % {"column": error}
            ) from error
        if as_json:
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
            return
        table = figures[report.TABLE_3]
        self.stdout.write(f"{figures['机关']} {year} 年度 · {report.TABLE_3}")
        for label in (report.RECEIVED, report.CARRIED_IN):
            self.stdout.write(f"{label}：{table[label][report.TOTAL_COLUMN]}")
        results = table[report.RESULTS]
        self.stdout.write(
            f"{report.RESULTS}{report.TOTAL_ROW}："
            f"{results[report.TOTAL_ROW][report.TOTAL_COLUMN]}"
        )
        self.stdout.write(
            f"{report.CARRIED_OUT}：{table[report.CARRIED_OUT][report.TOTAL_COLUMN]}"
        )
