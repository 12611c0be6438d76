"""``manage.py refresh_catalogue``: check every agency's guide and catalogue
against what they are made from (daily, beside the publish event that keeps
them current), and print what changed."""

from django.core.management.base import BaseCommand

from gongkai.accounts.models import Agency
from gongkai.catalog import services


class Command(BaseCommand):
    help = "核对并更新政府信息公开指南和主动公开基本目录。"

    def handle(self, *args, verbosity=1, **options):
        for agency in Agency.objects.all():
            version = services.refresh_guide(agency=agency)
            counts = services.rebuild_catalogue(agency=agency)
            if verbosity < 1:
                continue
            self.stdout.write(
                f"{agency.name}：指南{'已生成新版本' if version else '无变化'}；"
                f"目录新增{counts['added']}条，变更{counts['changed']}条，"
                f"移出{counts['removed']}条"
            )
