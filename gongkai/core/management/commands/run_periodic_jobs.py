"""Run the platform's periodic jobs without cron: `make run` starts this
beside the web server. Production may use it too, or call the same commands
from cron or systemd timers (see the README)."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "按设定周期执行定时任务（定时发布等）；--once 只执行一轮。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只执行一轮后退出")

    def handle(self, *args, once=False, **options):
        try:
            self._run(settings.PERIODIC_JOBS, once=once)
        except KeyboardInterrupt:
            return

    def _run(self, jobs, *, once):
        next_run = dict.fromkeys(jobs, 0.0)
        while True:
            now = time.monotonic()
            for command, interval in jobs.items():
                if now >= next_run[command]:
                    call_command(command, verbosity=0)
                    next_run[command] = now + interval
            if once:
                return
            time.sleep(1)
