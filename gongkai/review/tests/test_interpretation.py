"""三同步: a normative document and its interpretation are released together."""

from datetime import date

import pytest

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.review.errors import ReviewRefusedError
from gongkai.review.tests.steps import decide

pytestmark = pytest.mark.django_db


def draft(team, column, title, **fields):
    item = GovernmentInformationPage(
        title=title, slug=f"d{GovernmentInformationPage.objects.count()}", live=False,
        written_on=date(2026, 3, 2), summary="演示摘要。", department=team["department"], owner=team["author"], **fields,
    )  # fmt: skip
    column.add_child(instance=item)
    item.save_revision(user=team["author"])
    team["workflow"].start(item, team["author"])
    item.refresh_from_db()
    return item


def review_through(item, team, levels=("head", "office", "leader")):
    for reviewer in levels:
        decide(item, team[reviewer])


@pytest.fixture
def normative(team, columns):
    # The editor's department also answers for these columns in this test.
    from gongkai.accounts import services as account_services

    account_services.set_department_columns(
        department=team["department"],
        columns=[
            team["land"],
            columns["法定主动公开内容/政策文件/行政规范性文件"],
            columns["法定主动公开内容/政策解读"],
        ],
    )
    return columns["法定主动公开内容/政策文件/行政规范性文件"]


def test_normative_document_without_interpretation_cannot_pass_final_review(
    team, normative
):
    document = draft(team, normative, "临淄区征地补偿标准管理办法")
    review_through(document, team, ("head", "office"))
    with pytest.raises(ReviewRefusedError, match="不解读不运转"):
        decide(document, team["leader"])
    assert not document.live


def test_document_marked_as_affecting_rights_needs_an_interpretation_too(team):
    document = draft(
        team, team["land"], "征地补偿标准调整通知", affects_public_rights=True
    )
    review_through(document, team, ("head", "office"))
    with pytest.raises(ReviewRefusedError, match="不解读不运转"):
        decide(document, team["leader"])


def test_interpretation_is_held_and_released_with_its_document(
    team, normative, columns, client
):
    document = draft(team, normative, "临淄区征地补偿标准管理办法")
    interpretation = draft(
        team,
        columns["法定主动公开内容/政策解读"],
        "《临淄区征地补偿标准管理办法》政策解读",
        interprets=document,
    )
    review_through(interpretation, team)
    interpretation.refresh_from_db()
    assert not interpretation.live  # held back until its document is released
    review_through(document, team)
    document.refresh_from_db()
    interpretation.refresh_from_db()
    assert document.live
    assert interpretation.live
    assert (
        interpretation.first_published_at.date() == document.first_published_at.date()
    )
    assert interpretation.title in client.get(document.url).content.decode()
    assert document.title in client.get(interpretation.url).content.decode()


def test_late_interpretation_needs_a_reason_and_is_reported(
    team, normative, columns, client
):
    import time_machine
    from django.urls import reverse

    from gongkai.accounts.models import User

    with time_machine.travel("2026-10-09 10:00 +0800", tick=False):
        document = draft(team, normative, "临淄区征地补偿标准管理办法")
        interpretation = draft(
            team,
            columns["法定主动公开内容/政策解读"],
            "《临淄区征地补偿标准管理办法》政策解读",
            interprets=document,
        )
        review_through(interpretation, team)
        review_through(document, team)
        document.refresh_from_db()
        assert document.live
    with time_machine.travel("2026-10-15 10:00 +0800", tick=False):
        late = draft(
            team,
            columns["法定主动公开内容/政策解读"],
            "《临淄区征地补偿标准管理办法》图解",
            interprets=document,
        )
        review_through(late, team, ("head", "office"))
        with pytest.raises(ReviewRefusedError, match="晚于原文件发布"):
            decide(late, team["leader"])
        late.late_interpretation_reason = "图解需经专家审定，晚于文件发布。"
        late.save_revision(user=team["author"])
        decide(late, team["leader"])
        late.refresh_from_db()
        assert late.live
    client.force_login(
        User.objects.create_superuser("boss", password="a-long-password-1")
    )
    html = client.get(reverse("publishing_timeliness")).content.decode()
    # 10/9 → 10/15: 10/10 (调休), 10/12, 10/13, 10/14, 10/15.
    assert "图解需经专家审定" in html
    assert "5（超过3个工作日）" in html


def test_an_interpretation_is_drafted_from_its_document(client, team, normative):
    from django.urls import reverse

    document = draft(team, normative, "临淄区征地补偿标准管理办法")
    client.force_login(team["author"])
    edit_html = client.get(
        reverse("wagtailadmin_pages:edit", args=[document.pk])
    ).content.decode()
    url = reverse("publishing_draft_interpretation", args=[document.pk])
    assert url in edit_html  # the 政策解读 button in the page header

    response = client.post(url)
    interpretation = document.interpretations.get()
    assert response.url == reverse("wagtailadmin_pages:edit", args=[interpretation.pk])
    assert interpretation.title == "《临淄区征地补偿标准管理办法》政策解读"
    assert interpretation.get_parent().title == "政策解读"
    assert interpretation.is_interpretation and not interpretation.live
    # Asking again opens the same interpretation instead of a second one.
    assert client.post(url).url == response.url
    assert document.interpretations.count() == 1


def test_no_interpretation_button_where_none_is_required(client, team):
    from django.urls import reverse

    item = draft(team, team["land"], "征地预公告")
    client.force_login(team["author"])
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[item.pk])
    ).content.decode()
    assert reverse("publishing_draft_interpretation", args=[item.pk]) not in html


def test_an_interpretation_changed_after_its_review_no_longer_counts(
    team, normative, columns
):
    document = draft(team, normative, "临淄区征地补偿标准管理办法")
    interpretation = draft(
        team,
        columns["法定主动公开内容/政策解读"],
        "《临淄区征地补偿标准管理办法》政策解读",
        interprets=document,
    )
    review_through(interpretation, team)
    interpretation.refresh_from_db()
    changed = interpretation.get_latest_revision_as_object()
    changed.summary = "审核后又改动的解读。"
    changed.save_revision(user=team["author"])
    review_through(document, team, ("head", "office"))
    with pytest.raises(ReviewRefusedError, match="不解读不运转"):
        decide(document, team["leader"])
