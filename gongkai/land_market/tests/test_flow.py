"""A sale from announcement to supply result: each notice is written from
the records, refused while a period would be broken, goes through 三审 and
only then shows on the portal; the dashboard flags deadlines before they
pass."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.selectors import working_day_calendar
from gongkai.land_market import selectors, services
from gongkai.land_market.choices import NoticeKind, NoticeStatus, ParcelOutcome
from gongkai.land_market.errors import LandMarketRefusedError
from gongkai.land_market.tests.conftest import published_notice
from gongkai.review.errors import ReviewRefusedError
from gongkai.review.tests.steps import decide


def at(day, hour=9):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC), tick=False
    )


def review(item, bureau):
    decide(item, bureau["checker"])
    decide(item, bureau["office"])
    decide(item, bureau["leader"], comment="同意发布")


def deadlines(today):
    return selectors.land_deadlines(
        announcements=selectors.visible_announcements(
            type("Superuser", (), {"is_superuser": True})()
        ),
        today=today,
        periods=selectors.land_periods(),
        calendar=working_day_calendar(),
    )


@pytest.mark.django_db
def test_an_announcement_too_close_to_the_sale_is_refused(land_bureau, sale):
    with (
        at(dt.date(2026, 5, 6)),
        pytest.raises(LandMarketRefusedError, match="2026-05-05"),
    ):
        services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=land_bureau["clerk"]
        )


@pytest.mark.django_db
def test_a_sale_goes_public_step_by_step_through_review(client, land_bureau, sale):
    clerk = land_bureau["clerk"]
    with at(dt.date(2026, 4, 30)):
        assert [row.what for row in deadlines(dt.date(2026, 4, 30))] == ["发布出让公告"]
        assert deadlines(dt.date(2026, 4, 30))[0].state == "due_soon"
        notice = services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=clerk
        )
        item = notice.item
        assert not item.live and "2026-008" in str(item.specific.body)
        # Not public while in review.
        assert (
            client.get(reverse("land_announcement", args=[sale.pk])).status_code == 404
        )
        review(item, land_bureau)
        notice.refresh_from_db()
        assert notice.status == NoticeStatus.PUBLISHED
        assert notice.published_on == dt.date(2026, 4, 30)
        assert item.specific.index_number
    page = client.get(reverse("land_market")).content.decode()
    assert "2026-007" in page and "出让中" in page
    # Results cannot be announced before the sale ends.
    with (
        at(dt.date(2026, 6, 1)),
        pytest.raises(LandMarketRefusedError, match="尚未结束"),
    ):
        services.submit_notice(
            kind=NoticeKind.TRANSACTION, announcement=sale, actor=clerk
        )
    sale.parcels.filter(code="2026-007").update(
        outcome=ParcelOutcome.SOLD,
        sold_on=dt.date(2026, 6, 5),
        buyer="山东某某新材料有限公司",
        deal_price=Decimal("700"),
    )
    sale.parcels.filter(code="2026-008").update(outcome=ParcelOutcome.UNSOLD)
    with at(dt.date(2026, 6, 15)):
        [row] = deadlines(dt.date(2026, 6, 15))
        # 10 working days after Friday 06-05, the Dragon Boat Festival
        # (06-19) not counted.
        assert row.what == "公布成交结果（成交公示）" and row.due_on == dt.date(
            2026, 6, 22
        )
        notice = services.submit_notice(
            kind=NoticeKind.TRANSACTION, announcement=sale, actor=clerk
        )
        review(notice.item, land_bureau)
        assert deadlines(dt.date(2026, 6, 15)) == []
    parcel = sale.parcels.get(code="2026-007")
    page = client.get(reverse("land_parcel", args=[parcel.pk])).content.decode()
    assert "山东某某新材料有限公司" in page and "成交公示" in page
    with at(dt.date(2026, 7, 1)):
        with pytest.raises(LandMarketRefusedError, match="合同签订日期"):
            services.submit_notice(
                kind=NoticeKind.SUPPLY_RESULT, announcement=sale, actor=clerk
            )
        sale.parcels.filter(code="2026-007").update(
            contract_number="3703052026B00123", contract_signed_on=dt.date(2026, 6, 25)
        )
        notice = services.submit_notice(
            kind=NoticeKind.SUPPLY_RESULT, announcement=sale, actor=clerk
        )
        review(notice.item, land_bureau)
    page = client.get(reverse("land_parcel", args=[parcel.pk])).content.decode()
    assert "3703052026B00123" in page
    assert [step.label for step in selectors.parcel_history(parcel)] == [
        "出让公告",
        "成交公示",
        "供应结果",
    ]
    csv = client.get(reverse("land_parcels_csv")).content.decode("utf-8-sig")
    assert "山东某某新材料有限公司" in csv and "流拍" in csv


@pytest.mark.django_db
def test_final_review_refuses_an_announcement_that_became_too_late(land_bureau, sale):
    with at(dt.date(2026, 4, 30)):
        notice = services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=land_bureau["clerk"]
        )
        decide(notice.item, land_bureau["checker"])
        decide(notice.item, land_bureau["office"])
    with at(dt.date(2026, 5, 8)):
        with pytest.raises(ReviewRefusedError, match="最晚发布日期为 2026-05-05"):
            decide(notice.item, land_bureau["leader"])
        [row] = deadlines(dt.date(2026, 5, 8))
        assert row.state == "overdue" and row.overdue_days == 3
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.IN_REVIEW and not notice.item.live


@pytest.mark.django_db
def test_a_late_transaction_notice_goes_public_only_with_the_reason_for_the_delay(
    land_bureau, sale
):
    clerk = land_bureau["clerk"]
    with at(dt.date(2026, 4, 30)):
        notice = services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=clerk
        )
        review(notice.item, land_bureau)
    sale.parcels.update(outcome=ParcelOutcome.UNSOLD)
    # The sale ended on Friday 5 June: the result was due by 22 June.
    with at(dt.date(2026, 6, 25)):
        errors, warnings = services.notice_problems(
            kind=NoticeKind.TRANSACTION, announcement=sale
        )
        assert errors == [] and "（2026-06-22 前）发布，已超期" in warnings[0]
        notice = services.submit_notice(
            kind=NoticeKind.TRANSACTION, announcement=sale, actor=clerk
        )
        with pytest.raises(ReviewRefusedError, match="说明理由"):
            decide(notice.item, land_bureau["checker"])
        draft = notice.item.get_latest_revision_as_object()
        draft.precheck_reason = "流拍后核实宗地情况，延后公示。"
        draft.save_revision(user=clerk)
        review(notice.item, land_bureau)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED


@pytest.mark.django_db
def test_only_the_department_and_the_office_work_on_the_sale(land_bureau, sale, client):
    assert selectors.visible_announcements(land_bureau["outsider"]).count() == 0
    assert selectors.visible_parcels(land_bureau["outsider"]).count() == 0
    assert selectors.visible_parcels(land_bureau["office"]).count() == 2
    edit = reverse(
        "wagtailsnippets_land_market_transferannouncement:edit", args=[sale.pk]
    )
    client.force_login(land_bureau["outsider"])
    assert client.get(edit).status_code in (302, 403)
    client.force_login(land_bureau["clerk"])
    page = client.get(edit)
    assert page.status_code == 200 and "发布（送三审）" in page.content.decode()
    with at(dt.date(2026, 5, 1)):
        page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "土地出让法定期限" in page and "临自然资告字〔2026〕3号" in page


@pytest.mark.django_db
def test_the_portal_page_reads_many_sales_in_a_few_queries(
    client, land_bureau, sale, django_assert_max_num_queries
):
    from gongkai.land_market.models import (
        Parcel,
        TransferAnnouncement,
    )

    for number in range(12):
        other = TransferAnnouncement.objects.create(
            agency=land_bureau["agency"],
            number=f"临自然资告字〔2025〕{number + 1}号",
            sale_starts_on=dt.date(2025, 3, 1) + dt.timedelta(days=20 * number),
            method="auction",
        )
        for index in range(3):
            Parcel.objects.create(
                agency=land_bureau["agency"], announcement=other,
                code=f"2025-{number:02d}{index}", location="金山镇", area_m2=Decimal("1000"),
                use="industrial", starting_price=Decimal("100"),
            )  # fmt: skip
        published_notice(
            kind=NoticeKind.ANNOUNCEMENT,
            announcement=other,
            column=land_bureau["column"],
        )
    with django_assert_max_num_queries(25):
        page = client.get(reverse("land_market"))
    assert page.content.decode().count("金山镇") == 36
    with django_assert_max_num_queries(25):
        csv = client.get(reverse("land_parcels_csv"))
    assert csv.content.decode("utf-8-sig").count("金山镇") == 36


@pytest.mark.django_db
def test_the_parcel_editor_offers_only_the_agencys_sales(land_bureau, sale):
    from gongkai.accounts.models import Agency
    from gongkai.conftest import make_credit_code
    from gongkai.land_market.admin_forms import ParcelForm
    from gongkai.land_market.models import Parcel, TransferAnnouncement

    other = Agency.objects.create(
        name="某县自然资源局", credit_code=make_credit_code("11370300MB2834517")
    )
    foreign = TransferAnnouncement.objects.create(
        agency=other,
        number="某自然资告字〔2026〕1号",
        sale_starts_on=dt.date(2026, 6, 1),
    )

    class Form(ParcelForm):
        class Meta:
            model = Parcel
            fields = ["agency", "announcement", "plan", "code"]

    form = Form(for_user=land_bureau["clerk"])
    offered = set(form.fields["announcement"].queryset)
    assert sale in offered and foreign not in offered


@pytest.mark.django_db
def test_a_withdrawn_announcement_leaves_the_portal_and_can_be_sent_again(
    client, land_bureau, sale
):
    from gongkai.publishing.services import withdraw_item

    notice = published_notice(
        kind=NoticeKind.ANNOUNCEMENT, announcement=sale, column=land_bureau["column"]
    )
    assert client.get(reverse("land_announcement", args=[sale.pk])).status_code == 200
    withdraw_item(item=notice.item, reason="起始价有误", actor=land_bureau["office"])
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT and notice.published_on is None
    assert client.get(reverse("land_announcement", args=[sale.pk])).status_code == 404
    assert "2026-007" not in client.get(reverse("land_parcels_csv")).content.decode()
    with at(dt.date(2026, 4, 30)):
        again = services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=land_bureau["clerk"]
        )
    assert again.pk == notice.pk and again.status == NoticeStatus.IN_REVIEW


@pytest.mark.django_db
def test_the_editor_refuses_to_change_what_an_announcement_in_review_fixed(
    land_bureau, sale
):
    from gongkai.land_market.admin_forms import AnnouncementForm
    from gongkai.land_market.models import TransferAnnouncement

    class Form(AnnouncementForm):
        class Meta:
            model = TransferAnnouncement
            fields = ["agency", "number", "method", "sale_starts_on", "place"]

    def fresh():
        # A bound form writes its values into the instance it edits.
        return TransferAnnouncement.objects.get(pk=sale.pk)

    data = {
        "agency": land_bureau["agency"].pk,
        "number": sale.number,
        "method": "listing",
        "sale_starts_on": "2026-05-28",
        "place": "网上交易系统",
    }
    assert Form(data, instance=fresh(), for_user=land_bureau["clerk"]).is_valid()
    with at(dt.date(2026, 4, 30)):
        services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=sale, actor=land_bureau["clerk"]
        )
    form = Form(data, instance=fresh(), for_user=land_bureau["clerk"])
    assert not form.is_valid() and "出让活动开始日期" in str(form.errors)
    data["sale_starts_on"] = "2026-05-25"
    data["place"] = "淄博市公共资源交易网上交易系统"
    assert Form(data, instance=fresh(), for_user=land_bureau["clerk"]).is_valid()
