"""A mining-right sale: the announcement 20 working days ahead, a listing
of 10 working days, the result publicised for 10 working days within 5
working days of the confirmation; each through 三审, then on the portal."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.selectors import working_day_calendar
from gongkai.mining_rights import selectors, services
from gongkai.mining_rights.choices import MiningNoticeKind
from gongkai.mining_rights.models import MiningRightsPolicy
from gongkai.review.tests.steps import decide


def at(day):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC), tick=False
    )


def review(item, bureau):
    decide(item, bureau["checker"])
    decide(item, bureau["office"])
    decide(item, bureau["leader"])


@pytest.mark.django_db
def test_the_announcement_needs_20_working_days_before_the_sale(land_bureau, transfer):
    # From the day after publication to the first day of the sale (Monday
    # 06-29) there must be 20 working days; the Dragon Boat Festival (06-19)
    # does not count, so the latest day is Sunday 05-31 (in practice Friday
    # 05-29).
    periods = selectors.mining_policy().periods()
    [row] = selectors.mining_deadlines(
        transfers=selectors.visible_transfers(land_bureau["office"]),
        today=dt.date(2026, 5, 20),
        periods=periods,
        calendar=working_day_calendar(),
    )
    assert row.due_on == dt.date(2026, 5, 31)
    with (
        at(dt.date(2026, 6, 1)),
        pytest.raises(services.MiningRefusedError, match="2026-05-31"),
    ):
        services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT,
            subject=transfer,
            actor=land_bureau["clerk"],
        )


@pytest.mark.django_db
def test_a_listing_of_fewer_than_10_working_days_is_refused(land_bureau, transfer):
    transfer.listing_ends_on = dt.date(2026, 7, 9)
    transfer.save()
    with (
        at(dt.date(2026, 5, 20)),
        pytest.raises(services.MiningRefusedError, match="9个工作日"),
    ):
        services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT,
            subject=transfer,
            actor=land_bureau["clerk"],
        )
    # The office may set another minimum (the national value is unconfirmed).
    policy = MiningRightsPolicy.load()
    policy.min_listing_working_days = 9
    policy.save()
    with at(dt.date(2026, 5, 20)):
        services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT,
            subject=transfer,
            actor=land_bureau["clerk"],
        )


def sell(transfer, *, confirmed_on, publicity_until):
    transfer.outcome = "sold"
    transfer.winner = "淄博某某建材有限公司"
    transfer.deal_price = Decimal("5100")
    transfer.confirmed_on = confirmed_on
    transfer.publicity_until = publicity_until
    transfer.save()


@pytest.mark.django_db
def test_a_sale_and_its_result_go_public_through_review(client, land_bureau, transfer):
    clerk = land_bureau["clerk"]
    with at(dt.date(2026, 5, 20)):
        notice = services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT, subject=transfer, actor=clerk
        )
        review(notice.item, land_bureau)
    page = client.get(reverse("mining_rights")).content.decode()
    assert "临淄区峱山建筑石料用灰岩矿" in page and "出让中" in page
    sell(
        transfer,
        confirmed_on=dt.date(2026, 7, 13),
        publicity_until=dt.date(2026, 7, 24),
    )
    with at(dt.date(2026, 7, 15)):
        with pytest.raises(services.MiningRefusedError, match="只有8个工作日"):
            services.submit_notice(
                kind=MiningNoticeKind.RESULT, subject=transfer, actor=clerk
            )
        transfer.publicity_until = dt.date(2026, 7, 28)
        transfer.save()
        notice = services.submit_notice(
            kind=MiningNoticeKind.RESULT, subject=transfer, actor=clerk
        )
        assert "淄博某某建材有限公司" in str(notice.item.specific.body)
        assert (
            not client.get(reverse("mining_transfers_csv"))
            .content.decode("utf-8-sig")
            .count("淄博某某建材有限公司")
        )
        review(notice.item, land_bureau)
    detail = client.get(transfer.get_absolute_url()).content.decode()
    assert "淄博某某建材有限公司" in detail and "出让结果公示" in detail
    csv = client.get(reverse("mining_transfers_csv")).content.decode("utf-8-sig")
    assert "淄博某某建材有限公司" in csv


@pytest.mark.django_db
def test_final_review_refuses_an_announcement_that_became_too_late(
    land_bureau, transfer
):
    from gongkai.review.errors import ReviewRefusedError

    with at(dt.date(2026, 5, 20)):
        notice = services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT,
            subject=transfer,
            actor=land_bureau["clerk"],
        )
        decide(notice.item, land_bureau["checker"])
        decide(notice.item, land_bureau["office"])
    with at(dt.date(2026, 6, 2)), pytest.raises(ReviewRefusedError, match="2026-05-31"):
        decide(notice.item, land_bureau["leader"])


@pytest.mark.django_db
def test_the_editor_refuses_to_change_what_a_notice_in_review_fixed(
    land_bureau, transfer
):
    from gongkai.mining_rights.admin_forms import MiningRecordForm
    from gongkai.mining_rights.models import MiningRightTransfer

    class Form(MiningRecordForm):
        class Meta:
            model = MiningRightTransfer
            fields = ["agency", "starting_price", "winner"]

    def form(**changes):
        # A bound form writes its values into the instance it edits.
        data = {"agency": land_bureau["agency"].pk, "starting_price": "3600"}
        data.update(changes)
        return Form(
            data,
            instance=MiningRightTransfer.objects.get(pk=transfer.pk),
            for_user=land_bureau["clerk"],
        )

    assert form(starting_price="3800").is_valid()
    with at(dt.date(2026, 5, 20)):
        services.submit_notice(
            kind=MiningNoticeKind.ANNOUNCEMENT,
            subject=transfer,
            actor=land_bureau["clerk"],
        )
    refused = form(starting_price="3800")
    assert not refused.is_valid()
    assert "已送审或已发布" in str(refused.errors) and "起始价" in str(refused.errors)
    # The result is not fixed by the announcement.
    assert form(winner="淄博某某建材有限公司").is_valid()


@pytest.mark.django_db
def test_a_confirmation_signed_late_is_warned_of_and_the_setting_moves_it(transfer):
    # The listing ended on Friday 10 July: the confirmation was due within 3
    # working days, by Wednesday 15 July.
    sell(
        transfer, confirmed_on=dt.date(2026, 7, 17), publicity_until=dt.date(2026, 8, 7)
    )
    with at(dt.date(2026, 7, 20)):
        errors, warnings = services.notice_problems(
            kind=MiningNoticeKind.RESULT, subject=transfer
        )
        assert errors == []
        assert "3个工作日内（2026-07-15 前）签订" in warnings[0]
        policy = MiningRightsPolicy.load()
        policy.confirmation_working_days = 5
        policy.save()
        assert services.notice_problems(
            kind=MiningNoticeKind.RESULT, subject=transfer
        ) == ([], [])
