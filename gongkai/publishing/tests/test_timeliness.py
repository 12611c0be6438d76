"""条例 Art. 26: published within 20 working days of formation or change."""

from datetime import date

from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.core.selectors import working_day_calendar
from gongkai.publishing import deadlines
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.publishing.selectors import publication_timeliness
from gongkai.publishing.tests.factories import publish


def test_publication_is_due_twenty_working_days_after_formation_across_national_day(db):
    # 2026: 国庆 10/1–10/7 off, 中秋 9/25–9/27 off, 9/20 and 10/10 worked.
    due = deadlines.publication_due(
        formed_on=date(2026, 9, 25), calendar=working_day_calendar()
    )
    assert due.due_on == date(2026, 10, 29)
    assert not due.provisional


def draft(column, title, written_on):
    item = GovernmentInformationPage(
        title=title, slug=f"d{written_on:%Y%m%d}", live=False, written_on=written_on
    )
    column.add_child(instance=item)
    return item


def test_report_sorts_overdue_drafts_first_and_marks_late_publication(agency, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    publish(
        column,
        title="按时发布",
        written_on=date(2026, 3, 2),
        published_on=date(2026, 3, 10),
    )
    publish(
        column,
        title="超期补录",
        written_on=date(2026, 3, 2),
        published_on=date(2026, 6, 1),
    )
    draft(column, "早已超期的草稿", date(2026, 9, 1))
    draft(column, "即将到期的草稿", date(2026, 10, 12))
    draft(column, "刚起草的草稿", date(2026, 11, 26))
    rows = publication_timeliness(agency=agency, today=date(2026, 11, 5))
    assert [(row.item.title, row.status) for row in rows] == [
        ("早已超期的草稿", "overdue"),
        ("即将到期的草稿", "due_soon"),
        ("刚起草的草稿", "pending"),
        ("超期补录", "late"),
        ("按时发布", "on_time"),
    ]


def test_a_change_restarts_the_period(agency, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    item = draft(column, "变更后的草稿", date(2026, 1, 5))
    item.changed_on = date(2026, 11, 2)
    item.save()
    (row,) = publication_timeliness(agency=agency, today=date(2026, 11, 5))
    assert row.status == "pending"
    assert row.due_on == date(2026, 11, 30)


def test_office_reads_and_exports_the_report(client, agency, columns):
    publish(
        columns["法定主动公开内容/政策文件/其他文件"],
        title="超期补录",
        written_on=date(2026, 3, 2),
        published_on=date(2026, 6, 1),
    )
    client.force_login(
        User.objects.create_superuser("boss", password="a-long-password-1")
    )
    html = client.get(reverse("publishing_timeliness")).content.decode()
    assert "超期补录" in html
    assert "超期发布" in html
    response = client.get(reverse("publishing_timeliness"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "超期发布" in response.content.decode("utf-8-sig")


def test_report_filters_by_department(client, agency, columns):
    from gongkai.accounts import services as account_services

    farmland = account_services.create_department(agency=agency, name="耕保科")
    legal = account_services.create_department(agency=agency, name="法规科")
    column = columns["法定主动公开内容/政策文件/其他文件"]
    publish(column, title="耕保科的通知", department=farmland)
    publish(column, title="法规科的通知", department=legal)
    client.force_login(
        User.objects.create_superuser("boss", password="a-long-password-1")
    )
    html = client.get(
        reverse("publishing_timeliness"), {"department": farmland.pk}
    ).content.decode()
    assert "耕保科的通知" in html
    assert "法规科的通知" not in html
    assert f'<option value="{farmland.pk}" selected>耕保科</option>' in html
