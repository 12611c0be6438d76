"""A published expropriation project in 凤凰镇 affecting two villages, its
pre-announcement and compensation plan published as items of the 征地信息
column, and a clerk of 耕保科 who keeps it."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.expropriation.choices import StageKind
from gongkai.expropriation.models import (
    AffectedVillage,
    ExpropriationProject,
    ProjectDocument,
)
from gongkai.publishing.services import ItemData, publish_item

COLUMN = "法定主动公开内容/重点领域信息公开/征地信息"


@pytest.fixture
def project(agency, columns):
    farmland = account_services.create_department(agency=agency, name="耕保科")
    clerk = User.objects.create_user("gengbao", password="a-long-password-1")
    account_services.assign_user_to_department(user=clerk, department=farmland)
    project = ExpropriationProject.objects.create(
        agency=agency,
        department=farmland,
        name="临淄区2026年第3批次城镇建设用地",
        purpose="城镇建设",
        area_hectares=Decimal("12.3456"),
        registration_until=dt.date(2026, 4, 30),
        registration_place="凤凰镇人民政府征地办公室",
        objection_channel="书面意见送凤凰镇人民政府",
        contact="0533-7180000",
        published_on=dt.date(2026, 3, 2),
    )
    AffectedVillage.objects.create(
        project=project, township="凤凰镇", village="东刘村", groups="第一、二村民小组"
    )
    AffectedVillage.objects.create(project=project, township="凤凰镇", village="西刘村")
    column = columns[COLUMN]
    for stage, title, day, posted in (
        (
            StageKind.PRE_ANNOUNCEMENT,
            "临淄区2026年第3批次城镇建设用地征收土地预公告",
            dt.date(2026, 3, 2),
            (dt.date(2026, 3, 2), dt.date(2026, 3, 13)),
        ),
        (
            StageKind.COMPENSATION_PLAN,
            "临淄区2026年第3批次城镇建设用地征地补偿安置方案公告",
            dt.date(2026, 4, 1),
            (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
        ),
    ):
        item = publish_item(
            column=column,
            data=ItemData(
                title=title, written_on=day, summary=title, body_html=f"<p>{title}</p>"
            ),
            published_on=day,
            actor=None,
        )
        ProjectDocument.objects.create(
            project=project,
            stage=stage,
            item=item,
            posted_from=posted[0],
            posted_until=posted[1],
        )
    return project
