from datetime import date

from gongkai.publishing.tests.factories import publish


def test_openapi_schema_describes_the_endpoints(client, db):
    response = client.get("/api/openapi.json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/columns", "/api/items", "/api/items/{item_id}"} <= set(
        schema["paths"]
    )


def test_items_endpoint_lists_published_items_with_metadata(client, columns):
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    item = publish(
        land,
        title="征收土地公告",
        document_number="临自然资发〔2024〕2号",
        written_on=date(2024, 2, 1),
        published_on=date(2024, 2, 3),
    )
    publish(columns["法定主动公开内容/政策文件/其他文件"], title="其他通知")
    data = client.get("/api/items", {"column": land.pk}).json()
    assert data["count"] == 1
    (entry,) = data["items"]
    assert entry["title"] == "征收土地公告"
    assert entry["index_number"] == item.index_number
    assert entry["document_number"] == "临自然资发〔2024〕2号"
    assert entry["published_on"] == "2024-02-03"
    assert entry["validity"] == "有效"


def test_item_detail_links_document_and_interpretation(client, columns):
    document = publish(
        columns["法定主动公开内容/政策文件/行政规范性文件"], title="管理办法"
    )
    interpretation = publish(
        columns["法定主动公开内容/政策解读"], title="管理办法解读", interprets=document
    )
    assert client.get(f"/api/items/{document.pk}").json()["interpretation_ids"] == [
        interpretation.pk
    ]
    assert (
        client.get(f"/api/items/{interpretation.pk}").json()["interprets_id"]
        == document.pk
    )


def test_unpublished_item_is_not_served(client, columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"], title="撤回的通知")
    item.unpublish()
    assert client.get(f"/api/items/{item.pk}").status_code == 404


def test_columns_endpoint_returns_the_tree(client, columns):
    data = client.get("/api/columns").json()
    titles = {column["title"] for column in data}
    assert {"政府信息公开", "法定主动公开内容", "征地信息", "矿业权信息"} <= titles
    land = next(column for column in data if column["title"] == "征地信息")
    assert land["parent_id"] == columns["法定主动公开内容/重点领域信息公开"].pk
