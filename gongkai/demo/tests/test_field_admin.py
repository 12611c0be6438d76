"""The field data's back office opens for the demo staff: every list and
editor of land market, land prices, mining rights and expropriation, the
import and deadline screens, and 定点定向公开."""

import pytest
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.demo.services import load_demo_bureau
from gongkai.expropriation.models import ExpropriationProject
from gongkai.land_market.models import Parcel, SupplyPlan, TransferAnnouncement
from gongkai.land_prices.models import LandPriceSystem, QuarterlyFigure
from gongkai.mining_rights.models import (
    MiningApproval,
    MiningDisclosure,
    MiningRightTransfer,
)

# The demo is loaded once for the module (``module_db``); each test runs in
# a transaction rolled back after it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_db):
    load_demo_bureau()


MODELS = (
    SupplyPlan, TransferAnnouncement, Parcel, LandPriceSystem, QuarterlyFigure,
    MiningRightTransfer, MiningApproval, MiningDisclosure, ExpropriationProject,
)  # fmt: skip


def test_the_office_opens_every_field_screen(client, demo):
    client.force_login(User.objects.get(username="office"))
    for model in MODELS:
        name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{name}:list")).status_code == 200, model
        record = model.objects.order_by("pk").first()
        page = client.get(reverse(f"{name}:edit", args=[record.pk]))
        assert page.status_code == 200, model
    announcement = TransferAnnouncement.objects.order_by("-sale_starts_on").first()
    page = client.get(
        reverse(
            "wagtailsnippets_land_market_transferannouncement:edit",
            args=[announcement.pk],
        )
    ).content.decode()
    assert "撤回修改" in page  # the next sale's announcement is in review
    for url in (reverse("land_market_import"), reverse("land_market_deadlines")):
        assert client.get(url).status_code == 200
    project = ExpropriationProject.objects.get()
    page = client.get(reverse("expropriation_village_notices", args=[project.pk]))
    assert "村广播稿" in page.content.decode()
    # The demo's benchmark prices took effect on 2023-09-01: three years on,
    # the home page asks for their update.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "基准地价更新提醒" in home and "2026-09-01 起应当更新" in home


def test_a_department_sees_only_its_own_field(client, demo):
    client.force_login(User.objects.get(username="mining"))
    project = ExpropriationProject.objects.get()
    edit = reverse(
        "wagtailsnippets_expropriation_expropriationproject:edit", args=[project.pk]
    )
    assert client.get(edit).status_code in (302, 403)
    transfer = MiningRightTransfer.objects.get()
    edit = reverse(
        "wagtailsnippets_mining_rights_miningrighttransfer:edit", args=[transfer.pk]
    )
    assert client.get(edit).status_code == 200
