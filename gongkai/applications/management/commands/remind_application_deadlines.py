"""Close applications deemed abandoned (not corrected in time), then
e-mail reminders of those due within 5 working days or overdue; run daily
(``run_periodic_jobs`` runs it hourly, each reminder goes once)."""

from django.core.management.base import BaseCommand

from gongkai.applications.services import close_all_abandoned, remind_deadlines


class Command(BaseCommand):
    help = "办结逾期未补正（视为放弃）的申请，并向办公室和承办科室发送即将到期、已超期的邮件提醒。"

    def handle(self, *args, **options):
        closed = close_all_abandoned()
        sent = remind_deadlines()
        if options["verbosity"]:
            self.stdout.write(f"视为放弃申请办结 {closed} 件；已发送提醒 {sent} 封。")
