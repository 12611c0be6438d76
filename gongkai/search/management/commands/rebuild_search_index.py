"""Rebuild the portal search index from the published items."""

from django.core.management.base import BaseCommand

from gongkai.search.services import rebuild_index


class Command(BaseCommand):
    help = "重建站内检索索引（更换分词规则后必须执行）。"

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"已重建检索索引：{count} 条政府信息。")
