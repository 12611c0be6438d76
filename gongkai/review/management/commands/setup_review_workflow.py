"""Create or repair the 三审 workflow of every agency's portal."""

from django.core.management.base import BaseCommand

from gongkai.accounts.models import Agency
from gongkai.catalog.columns import ROOT_TITLE
from gongkai.publishing.models import ColumnPage, PortalHomePage
from gongkai.review.services import setup_review_workflow


class Command(BaseCommand):
    help = (
        "为每个机关的政府信息公开栏目建立三审（初审、复审、终审）工作流；可重复执行。"
    )

    def handle(self, *args, **options):
        for agency in Agency.objects.all():
            home = PortalHomePage.objects.filter(agency=agency).first()
            root = (
                home
                and ColumnPage.objects.child_of(home).filter(title=ROOT_TITLE).first()
            )
            if root is None:
                self.stdout.write(f"{agency.name}：尚无政府信息公开栏目，跳过。")
                continue
            workflow = setup_review_workflow(agency=agency, root_column=root)
            self.stdout.write(f"{agency.name}：已启用工作流“{workflow.name}”。")
