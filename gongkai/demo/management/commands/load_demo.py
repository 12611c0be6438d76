"""Load the demo bureau; safe to run again."""

from django.core.management.base import BaseCommand

from gongkai.demo.services import load_demo_bureau


class Command(BaseCommand):
    help = "载入演示单位（临淄区自然资源局）的机关、科室、栏目、账户和演示信息；可重复执行。"

    def handle(self, *args, **options):
        report = load_demo_bureau()
        self.stdout.write(
            f"演示单位：{report.agency.name}；本次新增信息 {report.items_created} 条。"
        )
        if report.accounts_file.exists():
            self.stdout.write(f"演示账户（用户名、密码）：{report.accounts_file}")
            self.stdout.write(report.accounts_file.read_text(encoding="utf-8"))
