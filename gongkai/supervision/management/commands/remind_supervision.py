"""E-mail the departments of overdue 督办 tasks, once per missed deadline."""

from django.core.management.base import BaseCommand

from gongkai.supervision.services import remind_overdue


class Command(BaseCommand):
    help = "向逾期督办任务的责任科室和办公室发送邮件提醒（每个期限一次）。"

    def handle(self, *args, **options):
        sent = remind_overdue()
        if options["verbosity"]:
            self.stdout.write(f"已发送提醒 {sent} 封。")
