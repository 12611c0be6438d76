"""The portal's public pages: home, columns, feeds, sitemap."""

from datetime import date

import pytest
from defusedxml import ElementTree

from gongkai.catalog.columns import STANDARD_COLUMNS
from gongkai.publishing.tests.factories import publish

ATOM = "{http://www.w3.org/2005/Atom}"


def test_home_page_shows_standard_columns_and_advertises_the_feed(client, columns):
    publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        title="凤凰镇征收土地公告",
    )
    html = client.get("/").content.decode()
    for spec in STANDARD_COLUMNS:
        assert spec.title in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert "凤凰镇征收土地公告" in html


def test_column_page_lists_items_of_its_subcolumns_newest_first(client, columns):
    key_areas = columns["法定主动公开内容/重点领域信息公开"]
    publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        title="旧的征地公告",
        written_on=date(2023, 1, 1),
        published_on=date(2023, 1, 5),
    )
    publish(
        columns["法定主动公开内容/重点领域信息公开/矿业权信息"],
        title="新的采矿权公告",
        written_on=date(2025, 1, 1),
        published_on=date(2025, 1, 5),
    )
    html = client.get(key_areas.url).content.decode()
    assert html.index("新的采矿权公告") < html.index("旧的征地公告")
    assert "当前位置" in html
    assert "征地信息" in html  # sub-column navigation


def test_column_page_paginates(client, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    for number in range(21):
        publish(column, title=f"第{number}号通知")
    first = client.get(column.url).content.decode()
    second = client.get(column.url, {"page": 2}).content.decode()
    assert "第 1 页，共 2 页" in first
    assert first.count("号通知</a>") == 20
    assert second.count("号通知</a>") == 1


def test_site_feed_lists_latest_items_as_atom(client, columns):
    item = publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"], title="征收土地预公告"
    )
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["征收土地预公告"]
    assert entries[0].find(f"{ATOM}id").text == item.index_number


def test_column_feed_lists_only_that_column(client, columns):
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    publish(land, title="征地公告")
    publish(columns["法定主动公开内容/重点领域信息公开/矿业权信息"], title="采矿权公告")
    feed = ElementTree.fromstring(client.get(land.url + "feed/").content)
    assert [
        entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")
    ] == ["征地公告"]


def test_sitemap_lists_items(client, columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="通知")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert item.url in response.content.decode()


def test_healthz_answers_ok_when_the_database_is_reachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_reports_an_unreachable_database(client, db, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database down")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", broken_cursor)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_draft_item_is_not_public(client, columns):
    from gongkai.publishing.models import GovernmentInformationPage

    column = columns["法定主动公开内容/政策文件/其他文件"]
    draft = GovernmentInformationPage(title="未发布的草稿", slug="draft", live=False)
    column.add_child(instance=draft)
    assert client.get(f"{column.url}draft/").status_code == 404
    assert "未发布的草稿" not in client.get(column.url).content.decode()


@pytest.mark.parametrize("path", ["/nonexistent/", "/xxgk/nothing/"])
def test_unknown_address_gets_a_chinese_404(client, columns, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_uploaded_files_are_not_served_from_the_media_directory(client, columns):
    from gongkai.publishing.services import AttachmentFile

    item = publish(
        columns["法定主动公开内容/政策文件/其他文件"],
        attachments=[AttachmentFile(name="公告.pdf", data=b"%PDF-1.4 demo")],
    )
    document = item.attachments.get().document
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
