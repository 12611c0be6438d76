"""``manage.py import_land_market FILE``: parcels and their results from an
XLSX or CSV sheet (UTF-8 or GBK); the headers are in docs/import-format.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.land_market.importing import import_land_market
from gongkai.publishing.importing import actor_for_import, agency_for_import


class Command(BaseCommand):
    help = (
        "Import land-market parcels, their announcements and results from an "
        "XLSX or CSV sheet (土地出让宗地导入). Re-running the same sheet updates "
        "the parcels by 宗地编号. Exits non-zero when any row was refused; the "
        "good rows are imported all the same."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx or .csv sheet.")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--agency", help="Agency name (default: the only one).")
        parser.add_argument("--user", help="User name recorded in the audit log.")

    def handle(self, *args, file, dry_run, agency, user, **options):
        try:
            report = import_land_market(
                path=Path(file),
                agency=agency_for_import(name=agency),
                actor=actor_for_import(username=user),
                dry_run=dry_run,
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.rejected:
            raise CommandError(
                _(
                    "有 %(count)d 行被拒绝，请按上面的说明修改后重新导入；其余各行已处理。"
                )
                % {"count": report.rejected}
            )
