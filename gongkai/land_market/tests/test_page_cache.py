"""The land-market pages may come from the page cache: a correction of a
parcel shows at once, as a publication does."""

import pytest
from django.test import override_settings
from django.urls import reverse

from gongkai.land_market.choices import NoticeKind
from gongkai.land_market.tests.conftest import published_notice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_corrected_parcel_shows_at_once(
    client, land_bureau, sale, settings, tmp_path
):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "stamp"
    published_notice(
        kind=NoticeKind.ANNOUNCEMENT, announcement=sale, column=land_bureau["column"]
    )
    with override_settings(PAGE_CACHE_ENABLED=True):
        assert "牛山路以北" in client.get(reverse("land_market")).content.decode()
        parcel = sale.parcels.get(code="2026-007")
        parcel.location = "辛店街道牛山路以南"
        parcel.save()
        assert "牛山路以南" in client.get(reverse("land_market")).content.decode()
