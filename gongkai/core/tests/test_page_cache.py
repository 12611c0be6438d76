"""Whole-page cache: fast repeat answers, fresh after every publish."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from gongkai.publishing.tests.factories import publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def cached(settings, tmp_path):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "stamp"
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def test_publishing_shows_the_new_version_at_once(client, columns, cached):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="原标题")
    assert "原标题" in client.get(item.url).content.decode()
    item.title = "新标题"
    item.save_revision().publish()
    assert "新标题" in client.get(item.url).content.decode()


def test_repeat_request_is_answered_from_the_cache(
    client, columns, cached, django_assert_num_queries
):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="缓存测试")
    first = client.get(item.url)
    with django_assert_num_queries(0):
        second = client.get(item.url)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_logged_in_staff_never_get_cached_pages(
    client, columns, cached, django_user_model
):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="登录用户")
    client.get(item.url)
    user = django_user_model.objects.create_superuser(
        "boss", password="a-long-password-1"
    )
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get(item.url)
    assert len(queries) > 0
