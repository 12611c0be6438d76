"""The demo bureau as a newcomer meets it after `make run`."""

from datetime import date

import pytest
from wagtail.models import Page

from gongkai.accounts.models import Department, User
from gongkai.demo.services import DEMO_ACCOUNTS, load_demo_bureau
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.search.selectors import SearchQuery, search_entries

# The demo is loaded once for the module (``module_db``); each test runs in
# a transaction rolled back after it.
pytestmark = pytest.mark.django_db

WORK_PLAN_TITLE = "2023年临淄区自然资源局政务公开工作方案"


@pytest.fixture(scope="module")
def demo(module_db):
    return load_demo_bureau()


def test_demo_bureau_is_loaded_once_however_often_it_runs(demo):
    counts = (Page.objects.count(), User.objects.count(), Department.objects.count())
    again = load_demo_bureau()
    assert again.items_created == 0
    assert (
        Page.objects.count(),
        User.objects.count(),
        Department.objects.count(),
    ) == counts


def test_demo_has_departments_accounts_and_at_least_thirty_items(demo):
    assert demo.items_created >= 31
    assert GovernmentInformationPage.objects.live().count() >= 31
    assert Department.objects.filter(name="耕保科").exists()
    assert Department.objects.get(name="办公室").is_office
    lines = demo.accounts_file.read_text(encoding="utf-8")
    for username, *_ in DEMO_ACCOUNTS:
        assert User.objects.filter(username=username).exists()
        assert f"{username}\t" in lines


def test_work_plan_is_published_with_its_task_table_and_is_findable(client, demo):
    plan = GovernmentInformationPage.objects.get(title=WORK_PLAN_TITLE)
    html = client.get(plan.url).content.decode()
    assert "2023年临淄区自然资源局政务公开重点工作任务分解表" in html
    assert html.count("<tr>") >= 26
    for query in ("政务公开", "征地"):
        found = [
            hit.entry.title
            for hit in search_entries(SearchQuery(text=query, limit=100)).hits
        ]
        assert WORK_PLAN_TITLE in found


def test_work_plan_attachment_is_a_downloadable_spreadsheet(client, demo):
    plan = GovernmentInformationPage.objects.get(title=WORK_PLAN_TITLE)
    attachment = plan.attachments.get().document
    response = client.get(attachment.url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "三同步" in attachment.extracted_text


def test_demo_columns_are_under_three_level_review(demo):
    from wagtail.models import WorkflowPage

    from gongkai.publishing.models import ColumnPage

    land = ColumnPage.objects.get(title="征地信息")
    workflow = land.get_workflow()
    assert workflow is not None
    assert [task.specific.level for task in workflow.tasks] == [
        "first",
        "second",
        "final",
    ]
    assert WorkflowPage.objects.filter(workflow=workflow).count() == 1
    head = User.objects.get(username="farmland_head")
    assert head.department.name == "耕保科"
    assert head.groups.filter(name__endswith="初审").exists()


def test_demo_ledger_shows_in_the_annual_report(demo):
    from gongkai.applications.models import Application
    from gongkai.applications.selectors import annual_report_figures

    # The ledger's 10 rows and two cases at work.
    assert Application.objects.count() == 12
    load_demo_bureau()
    assert Application.objects.count() == 12
    table = annual_report_figures(agency=demo.agency, year=2026)[
        "三、收到和处理政府信息公开申请情况"
    ]
    assert table["一、本年新收政府信息公开申请数量"]["总计"] == 8
    assert table["二、上年结转政府信息公开申请数量"]["商业企业"] == 1
    assert table["四、结转下年度继续办理"]["总计"] == 3


def test_demo_cases_at_work_show_their_handling(demo):
    from gongkai.applications.models import Application, ProactiveReview

    case = Application.objects.get(number="LZ-YSQ-2026-007")
    assert case.letters.get().title == "征求第三方意见书"
    assert case.handling_departments.get().name == "耕保科"
    # Received 2 November; 13 November's answer ended 7 working days' pause.
    assert case.reply_due_on == date(2026, 12, 9)
    review = ProactiveReview.objects.get()
    assert set(review.applications.values_list("number", flat=True)) == {
        "LZ-YSQ-2026-007",
        "LZ-YSQ-2026-008",
    }
