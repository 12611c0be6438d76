"""督办情况: every task of a work plan with its units, due rule and state."""

import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.supervision import exports, selectors
from gongkai.supervision.models import WorkPlan


class Command(BaseCommand):
    help = (
        "输出工作方案任务分解表的督办情况和保障措施；--json 输出任务JSON，"
        "--xlsx 导出表格。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, help="工作方案ID（默认最新一个）")
        parser.add_argument("--json", action="store_true", help="输出JSON")
        parser.add_argument("--xlsx", help="导出为XLSX文件")

    def handle(self, *args, plan=None, **options):
        plans = WorkPlan.objects.all()
        work_plan = plans.filter(pk=plan).first() if plan else plans.first()
        if work_plan is None:
            raise CommandError("没有工作方案。")
        rows = selectors.report_rows(plan=work_plan)
        measures = selectors.measure_rows(plan=work_plan)
        if options["xlsx"]:
            with open(options["xlsx"], "wb") as output:
                output.write(exports.tasks_workbook(rows, measures))
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if options["xlsx"]:
            return
        self.stdout.write(work_plan.title)
        for row in rows:
            self.stdout.write(
                f"{row['序号']:>2}. [{row['状态']}] {row['责任单位']} · "
                f"{row['时限要求']} · {row['工作要求']['具体要求'][:30]}"
            )
        for row in measures:
            done = (
                f"{row['本年完成次数']}/{row['每年至少次数']}"
                if row["每年至少次数"]
                else "平台自动更新"
            )
            self.stdout.write(f"保障措施 [{row['状态']}] {row['措施']} · {done}")
