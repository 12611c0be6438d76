from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from gongkai.publishing.models import GovernmentInformationPage


def test_scheduled_item_goes_public_when_its_time_comes(columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    item = GovernmentInformationPage(
        title="定时发布的通知", slug="scheduled", live=False
    )
    column.add_child(instance=item)
    item.go_live_at = timezone.now() + timedelta(minutes=2)
    item.save_revision().publish()
    item.refresh_from_db()
    assert not item.live
    assert Revision.objects.filter(
        object_id=str(item.pk), approved_go_live_at__isnull=False
    ).exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        call_command("run_periodic_jobs", "--once")
    item.refresh_from_db()
    assert item.live
