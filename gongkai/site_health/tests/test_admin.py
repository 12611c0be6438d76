"""The office's page under 报告, the run button, and closing a column."""

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.publishing.tests.factories import publish
from gongkai.site_health import services
from gongkai.site_health.errors import InvalidSuccessorError
from gongkai.site_health.models import HealthCheckRun
from gongkai.site_health.tests.conftest import RECENT, TODAY


def staff(agency, username, department):
    user = User.objects.create_user(username, password="a-long-password-1")
    account_services.assign_user_to_department(
        user=user,
        department=account_services.create_department(
            agency=agency, name=department, is_office=department == "办公室"
        ),
    )
    return user


@pytest.fixture
def office(agency, portal):
    return staff(agency, "office", "办公室")


def test_the_office_runs_the_check_and_reads_the_verdict(client, office):
    client.force_login(office)
    page = client.get(reverse("site_health_dashboard"))
    assert page.status_code == 200
    assert "尚未检查" in page.content.decode()
    with time_machine.travel(TODAY, tick=False):
        response = client.post(reverse("site_health_run"), follow=True)
    html = response.content.decode()
    assert "检查结论：不合格" in html
    assert "单项否决：空白栏目" in html
    assert 'id="site-health-runs"' in html
    assert "site-health-chart-title" not in html  # a trend needs two runs
    run = HealthCheckRun.objects.get()
    assert run.triggered_by == office
    assert ModelLogEntry.objects.filter(
        action="site_health.checked", user=office
    ).exists()
    with time_machine.travel(TODAY, tick=False):
        client.post(reverse("site_health_run"))
        html = client.get(reverse("site_health_dashboard")).content.decode()
    assert "site-health-chart-title" in html


def test_other_departments_are_refused(client, agency, portal):
    editor = staff(agency, "editor", "法规科")
    client.force_login(editor)
    # Wagtail answers a refusal with a redirect to the dashboard.
    refused = client.get(reverse("site_health_dashboard"))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.post(reverse("site_health_run"))["Location"] == "/admin/"
    menu = client.get("/admin/reports/").content.decode()
    assert "网站健康检查" not in menu
    assert not HealthCheckRun.objects.exists()


def test_the_run_button_needs_post(client, office):
    client.force_login(office)
    assert client.get(reverse("site_health_run")).status_code == 405


def test_closing_a_column_keeps_its_item_reachable_under_the_successor(
    client, office, columns
):
    old_column = columns["法定主动公开内容/就业创业"]
    successor = columns["法定主动公开内容/财政信息"]
    item = publish(old_column, title="就业政策", written_on=RECENT, published_on=RECENT)
    old_url = item.url
    old_column_url = old_column.url
    client.force_login(office)
    response = client.post(
        reverse("site_health_close_column", args=[old_column.pk]),
        {"successor": successor.pk},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == reverse("site_health_dashboard")
    item.refresh_from_db()
    old_column.refresh_from_db()
    assert item.get_parent(update=True).pk == successor.pk
    assert not old_column.live
    assert client.get(item.url).status_code == 200
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"].endswith(item.url)
    assert client.get(old_column_url)["Location"].endswith(successor.url)
    assert PageLogEntry.objects.filter(
        action="site_health.column_closed", page=old_column, user=office
    ).exists()


def test_a_column_cannot_be_closed_into_itself_or_below(office, columns):
    parent = columns["法定主动公开内容/政策文件"]
    with pytest.raises(InvalidSuccessorError):
        services.close_column(
            column=parent,
            successor=columns["法定主动公开内容/政策文件/其他文件"],
            actor=office,
        )
    assert parent.get_children().count() == 2


def test_the_thresholds_are_edited_as_a_setting(client, agency, portal):
    admin = User.objects.create_superuser("root", password="a-long-password-1")
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["site_health", "healthcheckpolicy"])
    page = client.get(url, follow=True).content.decode()
    assert "扣分值（未经权威文件确认，参考分）" in page
    assert "首页不更新（天）" in page


def test_the_daily_job_runs_the_check(agency, portal):
    from django.core.management import call_command

    with time_machine.travel(TODAY, tick=False):
        call_command("site_health", verbosity=0)
    run = HealthCheckRun.objects.get()
    assert run.trigger == "daily" and run.triggered_by is None
