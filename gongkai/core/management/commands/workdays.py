"""Working-day arithmetic on the platform's calendar:
``python manage.py workdays add START N [--json]`` prints the date N working
days after START (START itself not counted)."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.selectors import working_day_calendar


class Command(BaseCommand):
    help = "工作日计算：workdays add 起始日期 工作日数 [--json]"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="起始日期之后第 N 个工作日（起始日不计）")
        add.add_argument("start")
        add.add_argument("n")
        add.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, action: str, start: str, n: str, as_json: bool, **options):
        try:
            start_day = dt.date.fromisoformat(start)
        except ValueError as error:
            raise CommandError(f"起始日期“{start}”应写作 YYYY-MM-DD。") from error
        try:
            count = int(n)
        except ValueError as error:
            raise CommandError(f"工作日数“{n}”应为非负整数。") from error
        if count < 0:
            raise CommandError(f"工作日数“{n}”应为非负整数。")
        deadline = working_day_calendar().deadline(start_day, count)
        if as_json:
            self.stdout.write(
                json.dumps(
                    {
                        "date": deadline.due_on.isoformat(),
                        "provisional": deadline.provisional,
                        "missing_years": list(deadline.missing_years),
                    }
                )
            )
            return
        line = deadline.due_on.isoformat()
        if deadline.provisional:
            years = "、".join(str(year) for year in deadline.missing_years)
            line += f"（暂定：{years}年节假日安排尚未载入，按法定节日推算，未计调休）"
        self.stdout.write(line)
