"""The back office as an editor meets it: Chinese, and limited to their columns."""

from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.publishing.models import GovernmentInformationPage


def editor_of(agency, column, username="editor"):
    department = account_services.create_department(agency=agency, name="耕保科")
    account_services.set_department_columns(department=department, columns=[column])
    user = User.objects.create_user(username, password="a-long-password-1")
    account_services.assign_user_to_department(user=user, department=department)
    return user


def test_editor_drafts_an_item_and_submits_it_for_review(client, agency, columns):
    from gongkai.review.services import setup_review_workflow

    setup_review_workflow(agency=agency, root_column=columns[""])
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    client.force_login(editor_of(agency, land))
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["publishing", "governmentinformationpage", land.pk],
    )
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    assert "成文日期" in form_page.content.decode()
    response = client.post(
        add_url,
        nested_form_data(
            {
                "title": "凤凰镇征收土地预公告",
                "slug": "fenghuang-notice",
                "document_number": "",
                "written_on": "2026-03-02",
                "publisher": "",
                "topic": "land_energy",
                "genre": "announcement",
                "validity": "valid",
                "keywords": "征地",
                "summary": "拟征收土地公告",
                "body": streamfield(
                    [("text", rich_text("<p>拟征收凤凰镇东高村集体土地。</p>"))]
                ),
                "attachments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )
    # Departments cannot publish: the publish button is refused and the
    # item stays a draft until three reviewers pass it (三审).
    item = GovernmentInformationPage.objects.get(title="凤凰镇征收土地预公告")
    assert not item.live
    assert item.agency == agency
    assert item.index_number.startswith(agency.credit_code + "/")
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    assert "action-publish" not in client.get(edit_url).content.decode()
    response = client.post(
        edit_url,
        nested_form_data(
            {
                "title": "凤凰镇征收土地预公告",
                "slug": "fenghuang-notice",
                "written_on": "2026-03-02",
                "topic": "land_energy",
                "genre": "announcement",
                "validity": "valid",
                "summary": "拟征收土地公告",
                "body": streamfield(
                    [("text", rich_text("<p>拟征收东高村集体土地。</p>"))]
                ),
                "attachments": inline_formset([]),
                "action-submit": "submit",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert not item.live
    assert item.current_workflow_state.current_task_state.task.specific.level == "first"


def test_editor_cannot_add_items_to_another_departments_column(client, agency, columns):
    client.force_login(
        editor_of(agency, columns["法定主动公开内容/重点领域信息公开/征地信息"])
    )
    mining = columns["法定主动公开内容/重点领域信息公开/矿业权信息"]
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["publishing", "governmentinformationpage", mining.pk],
    )
    response = client.get(add_url)
    assert response.status_code in (302, 403)
    assert "成文日期" not in response.content.decode()


def test_admin_speaks_chinese(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert "登录" in response.content.decode()


def test_admin_page_search_answers(client, agency, columns):
    client.force_login(
        User.objects.create_superuser("searcher", password="a-long-password-1")
    )
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "征地"})
    assert response.status_code == 200


def test_every_script_and_style_of_the_item_editor_is_installed(
    client, agency, columns
):
    """A block whose app is missing from INSTALLED_APPS (the table block)
    leaves the editor's body field blank: every asset must be found."""
    import re

    from django.conf import settings
    from django.contrib.staticfiles import finders

    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    client.force_login(editor_of(agency, land))
    html = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["publishing", "governmentinformationpage", land.pk],
        )
    ).content.decode()
    assets = set(re.findall(rf'(?:src|href)="{settings.STATIC_URL}([^"?]+)', html))
    assert any(path.startswith("table_block/") for path in assets)
    missing = sorted(path for path in assets if finders.find(path) is None)
    assert missing == []
