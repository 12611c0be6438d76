"""E-mail reminders of applications due within 5 working days or overdue;
run daily (``run_periodic_jobs`` runs it hourly, each reminder goes once)."""

from django.core.management.base import BaseCommand

from gongkai.applications.services import remind_deadlines


class Command(BaseCommand):
    help = "向办公室和承办科室发送依申请公开即将到期、已超期的邮件提醒。"

    def handle(self, *args, **options):
        sent = remind_deadlines()
        if options["verbosity"]:
            self.stdout.write(f"已发送提醒 {sent} 封。")
