"""In a real browser: the office opens 网站健康检查, clicks 立即检查 and
reads the verdict with its reasons."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.core.tests.browser import log_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-password-1"


@pytest.fixture
def office(agency, portal):
    user = User.objects.create_user("office", password=PASSWORD)
    account_services.assign_user_to_department(
        user=user,
        department=account_services.create_department(
            agency=agency, name="办公室", is_office=True
        ),
    )
    return user


def test_the_office_runs_the_check_and_reads_the_verdict(office, in_browser_writing):
    def steps(page):
        log_in_to_admin(page, "office", PASSWORD)
        page.goto("/admin/site-health/")
        expect(page.locator("#site-health-empty")).to_be_visible()
        page.get_by_role("button", name="立即检查").click()
        expect(page.locator("#site-health-verdict h2")).to_contain_text("不合格")
        expect(page.locator("#site-health-reasons")).to_contain_text(
            "单项否决：空白栏目"
        )
        expect(page.locator("#site-health-indicators")).to_contain_text("首页不更新")

    in_browser_writing(steps)
