"""网站健康检查 from the command line and the daily periodic job."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from gongkai.accounts.models import Agency
from gongkai.site_health import reporting, services
from gongkai.site_health.choices import Trigger, Verdict
from gongkai.site_health.errors import NoPortalError

FAILED_EXIT_CODE = 3


class Command(BaseCommand):
    help = (
        "检查各机关门户网站（空白栏目、栏目不更新、首页不更新、不可用链接、元数据缺失、"
        "超期发布、超期未答复的申请），保存检查记录并输出结论（合格/不合格）、原因和参考分。"
        "--json 输出 JSON（每个机关一个对象的列表）。退出码默认为0；加 --exit-code 时，"
        "有机关不合格则为3。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--agency", help="只检查该名称的机关")
        parser.add_argument("--no-external", action="store_true", help="不检查外部链接")
        parser.add_argument(
            "--exit-code",
            action="store_true",
            help=f"有机关不合格时以退出码{FAILED_EXIT_CODE}结束",
        )

    def handle(self, *args, **options):
        agencies = Agency.objects.order_by("pk")
        if options["agency"]:
            agencies = agencies.filter(name=options["agency"])
            if not agencies.exists():
                raise CommandError(f"没有名为“{options['agency']}”的机关。")
        # run_periodic_jobs calls every job with verbosity 0: the daily run.
        trigger = Trigger.DAILY if options["verbosity"] == 0 else Trigger.COMMAND
        runs = []
        for agency in agencies:
            try:
                run = services.run_health_check(
                    agency=agency,
                    trigger=trigger,
                    check_external=False if options["no_external"] else None,
                )
            except NoPortalError:
                continue
            runs.append(run)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    [reporting.run_as_dict(run) for run in runs],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        elif options["verbosity"] > 0:
            for run in runs:
                self._print(run)
        if options["exit_code"] and any(run.verdict == Verdict.FAILED for run in runs):
            sys.exit(FAILED_EXIT_CODE)

    def _print(self, run):
        data = reporting.run_as_dict(run)
        score = data["score"] or "不计分（单项否决）"
        self.stdout.write(
            f"{data['agency']} {data['checked_on']}：{data['verdict_label']}，参考分 {score}"
        )
        for reason in data["reasons"]:
            self.stdout.write(f"  · {reason}")
        for indicator in data["indicators"]:
            self.stdout.write(
                f"  [{indicator['outcome_label']}] {indicator['name']}：{indicator['summary']}"
            )
