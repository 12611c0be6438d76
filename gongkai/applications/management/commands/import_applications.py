"""``manage.py import_applications FILE``: import the applications ledger
(台账) from XLSX or CSV; ``--export FILE`` writes it in the same format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.applications import ledger
from gongkai.core.errors import DomainError
from gongkai.publishing import importing


class Command(BaseCommand):
    help = (
        "导入依申请公开台账（XLSX 或 CSV，UTF-8 或 GBK）；按申请编号更新已有记录。"
        "任何一行被拒绝时以非零状态退出，其余各行照常导入。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="台账文件（.xlsx 或 .csv）")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        parser.add_argument("--agency", help="机关名称（只有一个机关时可省略）")
        parser.add_argument(
            "--export", metavar="FILE", help="把台账导出到此文件（.xlsx 或 .csv）"
        )

    def handle(self, *args, file, dry_run, agency, export, **options):
        try:
            target = importing.agency_for_import(name=agency)
            if export:
                count = ledger.write_ledger(path=Path(export), agency=target)
                self.stdout.write(_("已导出 %(count)d 条申请记录。") % {"count": count})
                return
            if not file:
                raise CommandError(_("请指定要导入的台账文件，或用 --export 导出。"))
            report = ledger.import_ledger(
                path=Path(file), agency=target, dry_run=dry_run
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.rejected:
            raise CommandError(
                _("有 %(count)d 行被拒绝，请按上面的说明修改后重新导入。")
                % {"count": report.rejected}
            )
