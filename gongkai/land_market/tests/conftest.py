"""A bureau whose 自然资源利用科 runs the land market, with reviewers for
三审, and one listing sale of two parcels starting on 2026-05-25."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.land_market.models import Parcel, TransferAnnouncement
from gongkai.review import services as review_services
from gongkai.review.choices import ReviewLevel

LAND_COLUMN = "法定主动公开内容/重点领域信息公开/自然资源市场交易"


@pytest.fixture
def land_bureau(agency, columns):
    office = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    account_services.set_department_columns(department=office, columns=[columns[""]])
    land = account_services.create_department(agency=agency, name="自然资源利用科")
    account_services.set_department_columns(
        department=land, columns=[columns[LAND_COLUMN]]
    )
    other = account_services.create_department(agency=agency, name="耕保科")
    review_services.setup_review_workflow(agency=agency, root_column=columns[""])

    def person(username, department, *levels):
        user = User.objects.create_user(username, password="a-long-password-1")
        account_services.assign_user_to_department(user=user, department=department)
        for level in levels:
            review_services.appoint_reviewer(agency=agency, user=user, level=level)
        return user

    return {
        "agency": agency,
        "land": land,
        "clerk": person("clerk", land),
        "checker": person("checker", land, ReviewLevel.FIRST),
        "office": person("office", office, ReviewLevel.SECOND),
        "leader": person("leader", office, ReviewLevel.FINAL),
        "outsider": person("outsider", other),
        "column": columns[LAND_COLUMN],
    }


@pytest.fixture
def sale(land_bureau):
    announcement = TransferAnnouncement.objects.create(
        agency=land_bureau["agency"],
        department=land_bureau["land"],
        number="临自然资告字〔2026〕3号",
        sale_starts_on=dt.date(2026, 5, 25),
        listing_starts_on=dt.date(2026, 5, 25),
        listing_ends_on=dt.date(2026, 6, 5),
    )
    for code, use, price in (
        ("2026-007", "industrial", Decimal("680")),
        ("2026-008", "commercial", Decimal("1250")),
    ):
        Parcel.objects.create(
            agency=land_bureau["agency"],
            announcement=announcement,
            code=code,
            location="辛店街道牛山路以北",
            township="辛店街道",
            area_m2=Decimal("26666.7"),
            use=use,
            term_years=50,
            plot_ratio="≥1.0",
            starting_price=price,
            deposit=price / 2,
            increment=Decimal("10"),
        )
    return announcement


def published_notice(*, kind, announcement, column, day=dt.date(2026, 4, 30)):
    """A notice as the reviewers passed it: its item live in ``column``."""
    from gongkai.land_market.models import LandMarketNotice
    from gongkai.publishing.generated import GeneratedStatus
    from gongkai.publishing.services import ItemData, publish_item

    item = publish_item(
        column=column,
        data=ItemData(title=f"{announcement.number}{kind}", written_on=day),
        published_on=day,
        actor=None,
    )
    return LandMarketNotice.objects.create(
        kind=kind,
        announcement=announcement,
        item=item,
        status=GeneratedStatus.PUBLISHED,
        published_on=day,
    )
