"""The public portal in a real browser: accessibility (axe-core, WCAG 2.1 AA),
keyboard use, reflow at 320 px, print styles, validity banners.

The pages show the demo bureau (48 items), loaded once for the module and
served by pytest-django's live server; runs on SQLite and PostgreSQL.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from gongkai.demo.services import load_demo_bureau
from gongkai.publishing.models import ColumnPage, GovernmentInformationPage
from gongkai.publishing.tests.factories import publish

# The module shares one portal (see module_db): committed by a module
# fixture, not rolled back after each test.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LAND_TITLE = "临淄区2024年第3批次城镇建设用地征地补偿安置方案公告"
WORK_PLAN_TITLE = "2023年临淄区自然资源局政务公开工作方案"
REPEALED_TITLE = "临淄区自然资源局关于印发《临淄区耕地占补平衡指标交易管理办法》的通知"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
NARROW_VIEWPORT = {"width": 320, "height": 640}


@dataclass(frozen=True)
class Portal:
    """Addresses of the pages under test, relative to the live server."""

    land_column: str
    full_item: str
    repealed_item: str


@pytest.fixture(scope="module")
def portal_pages(module_db) -> Portal:
    """The demo bureau, plus an interpretation of its work plan, so that one
    item page has everything an item page can show: the metadata table, a
    table in the body, an attachment and a link to its 解读."""
    report = load_demo_bureau()
    items = GovernmentInformationPage.objects.filter(agency=report.agency)
    work_plan = items.get(title=WORK_PLAN_TITLE)
    publish(
        ColumnPage.objects.get(title="政策解读"),
        title=f"《{WORK_PLAN_TITLE}》解读",
        body_html="<p>方案明确了全局政务公开工作的目标任务和责任分工。</p>",
        interprets=work_plan,
        written_on=date(2023, 4, 25),
        published_on=date(2023, 4, 26),
    )
    return Portal(
        land_column=ColumnPage.objects.get(title="征地信息").url,
        full_item=work_plan.url,
        repealed_item=items.get(title=REPEALED_TITLE).url,
    )


def open_page(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.ok, f"{path}: HTTP {response.status}"


def blocking_violations(page) -> list[dict]:
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def describe(path: str, violations: list[dict]) -> str:
    lines = [f"{path}:"]
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            target = " ".join(str(selector) for selector in node["target"])
            lines.append(f"      {target}  {node['html'][:160]}")
    return "\n".join(lines)


def test_pages_have_no_serious_accessibility_violations(in_browser, portal_pages):
    # Each page with a check that it is in the state under test.
    pages = {
        "/": ".column-block .item-list a",
        portal_pages.land_column: "table.item-table tbody a",
        portal_pages.full_item: (
            "table.metadata th:text-is('索引号') >> nth=0",
            ".body table",
            ".attachments a[download]",
            ".related a:has-text('解读')",
        ),
        "/search/?q=征地": ".result-list mark",
        "/search/?q=没有这样的信息": "#results-title:has-text('找到 0 条结果')",
        "/search/?year=abc": ".errors[role=alert]",
        "/apply/": ("fieldset legend:has-text('申请人类型')", "#id_applicant_name"),
        "/apply/status/": "#id_code",
    }

    def audit(page) -> list[str]:
        failures = []
        for path, expected in pages.items():
            open_page(page, path)
            for selector in [expected] if isinstance(expected, str) else expected:
                assert page.locator(selector).count(), f"{path}: no {selector}"
            violations = blocking_violations(page)
            if violations:
                failures.append(describe(path, violations))
        return failures

    failures = in_browser(audit)
    if failures:
        print("\n".join(failures))  # noqa: T201  # shown with the failure
    assert not failures, "axe-core: serious or critical violations:\n" + "\n".join(
        failures
    )


def test_visitor_searches_from_the_home_page_with_the_keyboard(
    in_browser, portal_pages
):
    def search(page) -> None:
        open_page(page, "/")
        page.get_by_role("searchbox", name="关键词、文号或索引号").click()
        page.keyboard.type("征地")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?*")
        assert parse_qs(urlsplit(page.url).query)["q"] == ["征地"]
        results = page.locator(".result-list")
        assert results.get_by_role("link", name=LAND_TITLE).count() == 1
        highlighted = results.locator("mark").all_inner_texts()
        assert highlighted
        assert set(highlighted) == {"征地"}

    in_browser(search)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(
    in_browser, portal_pages
):
    def skip(page) -> None:
        open_page(page, "/")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.className,"
            " document.activeElement.textContent]"
        )
        assert focused == ["skip-link", "跳到主要内容"]
        box = page.locator(".skip-link").bounding_box()
        assert box is not None
        assert box["x"] >= 0, "the focused skip link is on screen"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.tagName") == "MAIN"

    in_browser(skip)


def test_pages_reflow_at_320_css_pixels(in_browser, portal_pages):
    pages = ["/", portal_pages.land_column, portal_pages.full_item, "/search/?q=征地"]

    def widths(page) -> dict[str, int]:
        page.set_viewport_size(NARROW_VIEWPORT)
        result = {}
        for path in pages:
            open_page(page, path)
            result[path] = page.evaluate("() => document.documentElement.scrollWidth")
        return result

    overflowing = {
        path: width
        for path, width in in_browser(widths).items()
        if width > NARROW_VIEWPORT["width"] + 1
    }
    assert not overflowing, f"horizontal scrolling at 320 px: {overflowing}"


def test_printed_item_keeps_title_and_metadata_without_site_chrome(
    in_browser, portal_pages
):
    def print_item(page) -> None:
        open_page(page, portal_pages.full_item)
        page.emulate_media(media="print")
        assert page.locator(".site-nav").is_hidden()
        assert page.locator("form.header-search").is_hidden()
        assert page.locator("nav.breadcrumbs").is_hidden()
        assert page.locator("h1").inner_text() == WORK_PLAN_TITLE
        metadata = page.locator("table.metadata")
        assert metadata.is_visible()
        assert metadata.locator("th", has_text="索引号").is_visible()

    in_browser(print_item)


def test_repealed_item_shows_the_repeal_banner(in_browser, portal_pages):
    def banner(page) -> None:
        open_page(page, portal_pages.repealed_item)
        banner = page.locator(".validity-banner")
        assert banner.is_visible()
        assert banner.inner_text() == "本文件已于2025年3月20日废止，仅供查阅。"

    in_browser(banner)
