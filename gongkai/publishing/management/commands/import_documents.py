"""``manage.py import_documents FILE``: bulk import of historical items from an
XLSX or CSV sheet; the format is in docs/import-format.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import DomainError
from gongkai.publishing import importing


class Command(BaseCommand):
    help = (
        "Import historical government-information items from an XLSX or CSV "
        "sheet (批量导入政府信息). Re-running the same sheet updates the items "
        "it created. Exits non-zero when any row was refused; the good rows are "
        "imported all the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx or .csv sheet.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and report, writing nothing.",
        )
        parser.add_argument(
            "--agency", help="Name of the agency (default: the only agency)."
        )
        parser.add_argument(
            "--user", help="User name the changes are recorded under (audit)."
        )

    def handle(self, *args, file, dry_run, agency, user, **options):
        try:
            report = importing.import_documents(
                path=Path(file),
                agency=importing.agency_for_import(name=agency),
                actor=importing.actor_for_import(username=user),
                dry_run=dry_run,
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        # Scripts must notice refused rows, so the exit status says so after
        # the full report.
        if report.rejected:
            if dry_run:
                message = _("有 %(count)d 行未通过检查（试运行，未写入任何数据）。")
            else:
                message = _(
                    "有 %(count)d 行被拒绝，请按上面的说明修改后重新导入；其余各行已导入。"
                )
            raise CommandError(message % {"count": report.rejected})
