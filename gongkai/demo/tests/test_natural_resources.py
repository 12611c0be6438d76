"""The demo's natural-resources data as a visitor and the staff meet it: a
year of land market, a price chart, a mining-right announcement and one
complete expropriation project with its village notices."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.selectors import working_day_calendar
from gongkai.demo.natural_resources import EXPROPRIATION_NAME
from gongkai.demo.services import load_demo_bureau
from gongkai.expropriation import selectors as expropriation_selectors
from gongkai.expropriation.models import ExpropriationProject
from gongkai.land_market.choices import NoticeKind
from gongkai.land_market.models import LandMarketNotice, Parcel
from gongkai.publishing.generated import GeneratedStatus
from gongkai.supervision import selectors as supervision_selectors
from gongkai.supervision.models import WorkPlan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_demo_shows_the_field_data_and_loads_once(client):
    demo = load_demo_bureau()
    counts = (Parcel.objects.count(), LandMarketNotice.objects.count())
    load_demo_bureau()
    assert (Parcel.objects.count(), LandMarketNotice.objects.count()) == counts
    published = LandMarketNotice.objects.filter(status=GeneratedStatus.PUBLISHED)
    assert published.filter(kind=NoticeKind.SUPPLY_PLAN).count() == 1
    assert published.filter(kind=NoticeKind.ANNOUNCEMENT).count() == 6
    assert published.filter(kind=NoticeKind.TRANSACTION).count() >= 4
    assert published.filter(kind=NoticeKind.SUPPLY_RESULT).count() >= 3
    # The next sale waits in 三审.
    assert (
        LandMarketNotice.objects.filter(status=GeneratedStatus.IN_REVIEW).count() == 1
    )

    market = client.get(reverse("land_market")).content.decode()
    assert "国有建设用地供应计划" in market and "淄博齐鲁新材料有限公司" in market
    prices = client.get(reverse("land_prices")).content.decode()
    assert (
        prices.count("<svg") == 4
        and "临淄区城区土地级别与基准地价（2023年更新）" in prices
    )
    mining = client.get(reverse("mining_rights")).content.decode()
    assert "临淄区峱山建筑石料用灰岩矿" in mining

    project = ExpropriationProject.objects.get(name=EXPROPRIATION_NAME)
    stages = expropriation_selectors.project_stages(
        project, today=timezone.localdate(), calendar=working_day_calendar()
    )
    assert all(stage.is_done for stage in stages), [
        (s.label, s.state, s.problems) for s in stages if not s.is_done
    ]
    found = client.get(reverse("expropriation_list"), {"village": "南卧石村"})
    assert EXPROPRIATION_NAME in found.content.decode()
    village = project.villages.get(village="东刘村")
    pdf = client.get(
        reverse("expropriation_village_notice", args=[project.pk, village.pk])
    )
    assert pdf.content.startswith(b"%PDF-")
    assert project.deliveries.count() == 27
    assert demo.agency == project.agency
    # 督办 judges the plan's tasks 21 and 22 on this project: its 征收土地公告
    # and its three village notices in each of its three villages, in time.
    plan = WorkPlan.objects.get(agency=demo.agency)
    tasks = {
        status.task.number: status
        for status in supervision_selectors.task_statuses(plan=plan)
    }
    assert (tasks[21].tally.total, tasks[21].tally.on_time) == (1, 1)
    assert (tasks[22].tally.total, tasks[22].tally.on_time) == (9, 9)
