"""From 1 January, remind the office that the annual report is due by 31
January (条例 Art. 49), once, and once more when it is overdue."""

from django.core.management.base import BaseCommand

from gongkai.reports.services import remind_annual_report


class Command(BaseCommand):
    help = "1月1日起提醒办公室于1月31日前发布上一年度政府信息公开工作年度报告（逾期再提醒一次）。"

    def handle(self, *args, **options):
        sent = remind_annual_report()
        if options["verbosity"]:
            self.stdout.write(f"已发送提醒 {sent} 封。")
