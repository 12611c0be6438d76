"""Search behaviour as a visitor sees it; runs on SQLite and PostgreSQL."""

from datetime import date

import pytest

from gongkai.catalog.choices import Validity
from gongkai.publishing.tests.factories import publish
from gongkai.search.models import SearchEntry
from gongkai.search.selectors import SORT_DATE, SearchQuery, search_entries

# Indexing follows the publish event after commit: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def titles(text, **filters):
    return [
        hit.entry.title
        for hit in search_entries(SearchQuery(text=text, **filters)).hits
    ]


@pytest.fixture
def items(columns):
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    mining = columns["法定主动公开内容/重点领域信息公开/矿业权信息"]
    market = columns["法定主动公开内容/重点领域信息公开/自然资源市场交易"]
    policy = columns["法定主动公开内容/政策文件/行政规范性文件"]
    return {
        "compensation": publish(
            land,
            title="凤凰镇征地补偿安置方案公告",
            body_html="<p>被征地农村集体经济组织成员的补偿标准。</p>",
            written_on=date(2024, 3, 1),
            published_on=date(2024, 3, 5),
        ),
        "mining": publish(
            mining,
            title="齐都镇灰岩矿出让公告",
            body_html="<p>本次出让的采矿权位于齐都镇东部。</p>",
            written_on=date(2025, 5, 1),
            published_on=date(2025, 5, 14),
        ),
        "price": publish(
            market,
            title="城镇国有建设用地基准地价更新成果",
            body_html="<p>基准地价自发布之日起执行。</p>",
            written_on=date(2023, 1, 1),
            published_on=date(2023, 1, 10),
            publisher="临淄区人民政府",
        ),
        "rules": publish(
            policy,
            title="临淄区国有建设用地使用权出让管理办法",
            document_number="临自然资发〔2023〕5号",
            body_html="<p>出让方式包括招标、拍卖、挂牌。</p>",
            validity=Validity.REPEALED,
            validity_changed_on=date(2025, 1, 1),
            written_on=date(2023, 6, 1),
            published_on=date(2023, 6, 8),
        ),
    }


def test_published_item_is_found_by_a_word_inside_a_longer_word(items):
    assert titles("征地") == ["凤凰镇征地补偿安置方案公告"]
    # 矿权 occurs only inside 采矿权: segmentation would miss it.
    assert titles("矿权") == ["齐都镇灰岩矿出让公告"]


def test_every_word_of_a_query_must_occur(items):
    assert set(titles("出让")) == {
        "齐都镇灰岩矿出让公告",
        "临淄区国有建设用地使用权出让管理办法",
    }
    assert titles("出让 采矿权") == ["齐都镇灰岩矿出让公告"]
    assert titles("征地 采矿权") == []


def test_four_character_word_matches_only_where_it_occurs_contiguously(items):
    assert titles("基准地价") == ["城镇国有建设用地基准地价更新成果"]
    assert titles("地价基准") == []


def test_exact_document_number_comes_first_even_with_square_brackets(items):
    results = search_entries(SearchQuery(text="临自然资发[2023]5号"))
    assert results.hits[0].entry.title == "临淄区国有建设用地使用权出让管理办法"
    assert results.hits[0].exact


def test_exact_index_number_lookup(items):
    index_number = items["mining"].index_number
    results = search_entries(SearchQuery(text=index_number))
    assert [hit.entry.title for hit in results.hits] == ["齐都镇灰岩矿出让公告"]


def test_filters_by_column_year_publisher_and_validity(items, columns):
    mining_path = columns["法定主动公开内容/重点领域信息公开/矿业权信息"].path
    assert titles("出让", column_path=mining_path) == ["齐都镇灰岩矿出让公告"]
    assert titles("出让", year=2023) == ["临淄区国有建设用地使用权出让管理办法"]
    assert titles("", publisher="临淄区人民政府") == [
        "城镇国有建设用地基准地价更新成果"
    ]
    assert titles("出让", validity=Validity.REPEALED) == [
        "临淄区国有建设用地使用权出让管理办法"
    ]


def test_sort_by_date_puts_newest_first(items):
    assert titles("出让", sort=SORT_DATE) == [
        "齐都镇灰岩矿出让公告",
        "临淄区国有建设用地使用权出让管理办法",
    ]


def test_title_match_ranks_above_body_match(items, columns):
    publish(
        columns["法定主动公开内容/政策文件/其他文件"],
        title="关于会议安排的通知",
        body_html="<p>会议将讨论征地补偿工作。</p>" + "<p>其他事项。</p>" * 5,
    )
    assert titles("征地补偿")[0] == "凤凰镇征地补偿安置方案公告"


def test_snippet_highlights_the_words(items):
    hit = search_entries(SearchQuery(text="采矿权")).hits[0]
    assert "<mark>采矿权</mark>" in hit.snippet_html


def test_highlighting_escapes_html(columns):
    publish(
        columns["法定主动公开内容/政策文件/其他文件"],
        title="征地<script>alert(1)</script>说明",
    )
    hit = search_entries(SearchQuery(text="征地")).hits[0]
    assert "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.title_html


def test_unpublished_item_leaves_the_index(items):
    items["mining"].unpublish()
    assert titles("采矿权") == []
    assert not SearchEntry.objects.filter(page_id=items["mining"].pk).exists()


def test_deleted_item_leaves_the_index(items):
    items["compensation"].delete()
    assert titles("征地") == []


def test_edited_item_is_found_by_its_new_words_only(items):
    item = items["compensation"]
    item.title = "朱台镇土地征收成片开发方案公告"
    item.save_revision().publish()
    assert titles("凤凰镇") == []
    assert titles("朱台镇") == ["朱台镇土地征收成片开发方案公告"]


def test_attachment_text_is_searchable(columns):
    from io import BytesIO

    from docx import Document

    from gongkai.publishing.services import AttachmentFile

    document = Document()
    document.add_paragraph("附表：东高村、西刘村集体土地征收面积明细")
    buffer = BytesIO()
    document.save(buffer)
    publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        title="征收土地公告",
        attachments=[AttachmentFile(name="明细.docx", data=buffer.getvalue())],
    )
    assert titles("西刘村") == ["征收土地公告"]


def test_search_page_renders_results_with_filters(client, items):
    response = client.get("/search/", {"q": "出让", "sort": "date"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "找到 2 条结果" in html
    assert html.index("齐都镇灰岩矿") < html.index("使用权<mark>出让</mark>管理办法")


def test_search_page_reports_bad_filters_in_chinese(client, items):
    response = client.get("/search/", {"q": "出让", "year": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "检索条件有误" in html
    assert "发布年份</a>" in html
    assert 'aria-invalid="true"' in html


def test_rebuilding_the_index_finds_the_same_items(items):
    from django.core.management import call_command

    before = titles("出让")
    call_command("rebuild_search_index")
    assert titles("出让") == before
    assert SearchEntry.objects.count() == 4


def test_broad_query_ranks_title_hits_first_then_newest(columns, settings):
    settings.SEARCH_FULL_RANKING_MAX_MATCHES = 2
    column = columns["法定主动公开内容/政策文件/其他文件"]
    for year, title in [
        (2021, "土地整治通知"),
        (2024, "会议通知"),
        (2025, "培训通知"),
        (2022, "土地复垦公告"),
    ]:
        publish(
            column,
            title=title,
            body_html="<p>涉及土地利用。</p>",
            written_on=date(year, 1, 1),
            published_on=date(year, 1, 2),
        )
    assert titles("土地")[:2] in (
        ["土地整治通知", "土地复垦公告"],
        ["土地复垦公告", "土地整治通知"],
    )
    assert titles("土地")[2:] == ["培训通知", "会议通知"]
    second_page = search_entries(SearchQuery(text="土地", limit=3, offset=3)).hits
    assert [hit.entry.title for hit in second_page] == ["会议通知"]
    assert search_entries(SearchQuery(text="土地")).total == 4
