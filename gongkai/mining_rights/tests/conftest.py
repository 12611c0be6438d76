"""The land-market bureau (its reviewers for 三审) and a listing of a
limestone extraction right starting on Monday 2026-06-29."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.land_market.tests import conftest as land_fixtures
from gongkai.mining_rights.models import MiningRightTransfer

land_bureau = land_fixtures.land_bureau


@pytest.fixture
def transfer(land_bureau):
    return MiningRightTransfer.objects.create(
        agency=land_bureau["agency"],
        department=land_bureau["land"],
        number="临自然资矿告〔2026〕1号",
        right_type="extraction",
        name="临淄区峱山建筑石料用灰岩矿",
        mineral="建筑石料用灰岩",
        location="齐陵街道峱山南麓",
        township="齐陵街道",
        area_km2=Decimal("0.1523"),
        term_years=10,
        starting_price=Decimal("3600"),
        deposit=Decimal("720"),
        sale_starts_on=dt.date(2026, 6, 29),
        listing_starts_on=dt.date(2026, 6, 29),
        listing_ends_on=dt.date(2026, 7, 10),
    )
