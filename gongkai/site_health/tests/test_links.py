"""Links found in stored content, resolved without HTTP, and fetched
politely."""

import json

from gongkai.catalog.columns import ColumnKind
from gongkai.site_health import links
from gongkai.site_health.links import InternalTargets, Link, LinkStatus


def test_links_are_found_in_stored_stream_json():
    raw = json.dumps(
        [
            {
                "type": "text",
                "value": '<p><a linktype="page" id="12">页</a>'
                '<a linktype="document" id="3">文</a>'
                '<a href="/xxgk/guide/">指南</a><a href="mailto:x@y.cn">信</a>'
                "<a href='#top'>顶</a><a href=\"https://www.gov.cn/?a=1&amp;b=2\">国</a></p>",
            }
        ],
        ensure_ascii=False,
    )
    assert links.extract_links(raw) == [
        Link("page", "12"),
        Link("document", "3"),
        Link("href", "/xxgk/guide/"),
        Link("href", "https://www.gov.cn/?a=1&b=2"),
    ]


def test_internal_addresses_resolve_against_the_sets():
    targets = InternalTargets(
        page_ids=frozenset({12}),
        document_ids=frozenset({3}),
        page_paths=frozenset({"/", "/xxgk/guide/"}),
        feed_paths=frozenset({"/xxgk/guide/"}),
        redirect_paths=frozenset({"/old/"}),
        other_path_exists=lambda path: path == "/search/",
    )
    hosts = frozenset({"zrzyj.example.gov.cn"})
    assert links.split_href("http://zrzyj.example.gov.cn/xxgk/guide", hosts) == (
        "internal",
        "/xxgk/guide",
    )
    assert links.split_href("https://www.gov.cn/", hosts) == (
        "external",
        "https://www.gov.cn/",
    )
    assert links.split_href("ftp://x/", hosts) is None
    ok = [
        (Link("page", "12"), ""),
        (Link("document", "3"), ""),
        (Link("href", ""), "/xxgk/guide"),
        (Link("href", ""), "/xxgk/guide/feed/"),
        (Link("href", ""), "/old"),
        (Link("href", ""), "/search/"),
        (Link("href", ""), "/documents/3/a.pdf"),
    ]
    for link, path in ok:
        assert links.internal_problem(link, path, targets) is None, (link, path)
    assert (
        links.internal_problem(Link("page", "13"), "", targets)
        == "链接的页面不存在或未发布"
    )
    assert links.internal_problem(Link("href", ""), "/documents/4/a.pdf", targets)
    assert (
        links.internal_problem(Link("href", ""), "/xxgk/gone/", targets)
        == "站内地址不存在"
    )


def test_one_host_is_asked_at_most_once_per_interval_while_others_go_on():
    now = [0.0]
    asked = []

    def fetch(url, timeout):
        asked.append((url, now[0]))
        return LinkStatus(url, True, 200)

    def sleep(seconds):
        now[0] += seconds

    urls = [
        "http://a.cn/1",
        "http://a.cn/2",
        "http://b.cn/1",
        "http://a.cn/3",
        "http://a.cn/1",
    ]
    results = links.check_external(
        urls, timeout=1, host_interval=2.0, cap=10, fetch=fetch,
        clock=lambda: now[0], sleep=sleep,
    )  # fmt: skip
    assert len(results) == 4  # the repeated address is fetched once
    times_a = [moment for url, moment in asked if "a.cn" in url]
    assert all(
        later - earlier >= 2.0
        for earlier, later in zip(times_a, times_a[1:], strict=False)
    )
    assert [url for url, _moment in asked][:2] == ["http://a.cn/1", "http://b.cn/1"]
    capped = links.check_external(
        urls, timeout=1, host_interval=0, cap=2, fetch=fetch,
        clock=lambda: now[0], sleep=sleep,
    )  # fmt: skip
    assert len(capped) == 2


def test_standard_columns_get_kinds_and_cycles(columns):
    news_like = columns["法定主动公开内容/重点领域信息公开/自然资源市场交易"]
    assert news_like.kind == ColumnKind.NOTICES and news_like.expected_update_days == 14
    policies = columns["法定主动公开内容/政策文件/行政规范性文件"]
    assert policies.kind == ColumnKind.POLICIES and policies.expected_update_days == 180
    guide = columns["政府信息公开指南"]
    assert guide.kind == ColumnKind.BASIC and guide.expected_update_days == 365
    guide.update_interval_days = 30
    assert guide.expected_update_days == 30


def test_existing_columns_get_a_kind_by_slug_or_title():
    from importlib import import_module
    from types import SimpleNamespace

    migration = import_module("gongkai.publishing.migrations.0011_column_kind_data")
    assert migration.kind_of(SimpleNamespace(slug="normative", title="x")) == "policies"
    assert migration.kind_of(SimpleNamespace(slug="c9", title="工作动态")) == "news"
    assert (
        migration.kind_of(SimpleNamespace(slug="c8", title="乡村振兴专题")) == "topic"
    )
    assert migration.kind_of(SimpleNamespace(slug="c7", title="人事信息")) == "other"
