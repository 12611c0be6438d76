"""撤稿: taken off the portal with a reason; nothing deleted from the record."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from gongkai.accounts.models import User
from gongkai.publishing import services
from gongkai.publishing.errors import WithdrawalRefusedError
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.publishing.tests.factories import publish


@pytest.fixture
def admin_client(client, db):
    client.force_login(
        User.objects.create_superuser("boss", password="a-long-password-1")
    )
    return client


def test_withdrawal_needs_a_reason_and_is_recorded(admin_client, columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="误发的通知")
    url = reverse("publishing_withdraw_item", args=[item.pk])
    admin_client.post(url, {"reason": ""})
    item.refresh_from_db()
    assert item.live
    admin_client.post(url, {"reason": "附件含未脱敏个人信息"}, REMOTE_ADDR="10.0.0.8")
    item.refresh_from_db()
    assert not item.live
    entry = PageLogEntry.objects.filter(page=item, action="publishing.withdrawn").get()
    assert entry.data["reason"] == "附件含未脱敏个人信息"
    assert entry.data["client_address"] == "10.0.0.8"
    assert GovernmentInformationPage.objects.filter(pk=item.pk).exists()
    assert admin_client.get(item.url).status_code == 404


def test_departments_cannot_withdraw(columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="通知")
    editor = User.objects.create_user("editor", password="a-long-password-1")
    with pytest.raises(WithdrawalRefusedError, match="办公室"):
        services.withdraw_item(item=item, reason="理由", actor=editor)


def test_published_items_cannot_be_deleted(admin_client, columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="不能删除")
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[item.pk]))
    assert GovernmentInformationPage.objects.filter(pk=item.pk).exists()


def test_never_published_drafts_can_be_deleted(admin_client, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    draft = GovernmentInformationPage(title="草稿", slug="draft", live=False)
    column.add_child(instance=draft)
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not GovernmentInformationPage.objects.filter(pk=draft.pk).exists()


def test_office_sees_the_withdraw_button(admin_client, columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="通知")
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[item.pk])
    ).content.decode()
    assert reverse("publishing_withdraw_item", args=[item.pk]) in html
