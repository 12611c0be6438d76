"""The bureau's field data in a real browser, on the demo bureau: a visitor
opens the land-price chart, reads its data table and downloads the figures
as CSV; a village resident finds the project affecting their village and
opens its notice; the pages have no serious axe-core violations."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.demo.natural_resources import EXPROPRIATION_NAME
from gongkai.demo.services import load_demo_bureau
from gongkai.publishing.tests.test_browser import (
    blocking_violations,
    describe,
    open_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def demo(module_db):
    load_demo_bureau()
    from gongkai.expropriation.models import ExpropriationProject
    from gongkai.mining_rights.models import MiningRightTransfer

    return {
        "project": ExpropriationProject.objects.get(
            name=EXPROPRIATION_NAME
        ).get_absolute_url(),
        "transfer": MiningRightTransfer.objects.get().get_absolute_url(),
    }


def test_a_visitor_reads_the_land_price_chart_and_downloads_the_csv(in_browser, demo):
    def steps(page):
        open_page(page, "/land-prices/")
        chart = page.get_by_role("img", name=re.compile("城市地价监测.*按季度变化"))
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        table = page.locator("table.quarterly-table[data-indicator=monitored_price]")
        expect(table.locator("tbody tr")).to_have_count(8)
        expect(table.locator("thead")).to_contain_text("住宅用地")
        with page.expect_download() as download_info:
            page.locator(".downloads").filter(has_text="季度数据下载").get_by_role(
                "link", name="CSV"
            ).click()
        download = download_info.value
        assert download.suggested_filename == "land-quarterly.csv"
        return open(download.path(), encoding="utf-8-sig").read()

    content = in_browser(steps)
    lines = content.splitlines()
    assert lines[0] == "年度,季度,指标,用途,数值,公布日期"
    assert len(lines) == 1 + 8 * 5
    assert any("城市地价监测（元/平方米）,住宅用地" in line for line in lines)


def test_a_village_resident_finds_the_project_affecting_their_village(in_browser, demo):
    def steps(page):
        open_page(page, "/expropriation/")
        page.get_by_label("村（社区）").fill("南卧石")
        page.get_by_role("button", name="查找").click()
        expect(page.locator(".result-count")).to_contain_text("找到 1 个项目")
        page.get_by_role("link", name=EXPROPRIATION_NAME).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(EXPROPRIATION_NAME)
        expect(page.locator(".current-stage")).to_have_text("全部环节已公开")
        stages = page.locator("ol.expropriation-stages > li")
        expect(stages.filter(has_text="征收土地公告").first).to_contain_text("已公开")
        row = page.locator("table.villages tr", has_text="南卧石村")
        href = row.get_by_role("link", name="打印（A4）").get_attribute("href")
        response = page.request.get(href)
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")
        # Another village finds nothing.
        open_page(page, "/expropriation/?village=北王村")
        expect(page.locator(".result-count")).to_contain_text("找到 0 个项目")

    in_browser(steps)


def test_the_field_pages_have_no_serious_accessibility_violations(in_browser, demo):
    paths = (
        "/land-prices/",
        "/land-market/",
        "/mining-rights/",
        demo["transfer"],
        "/expropriation/",
        demo["project"],
    )

    def audit(page):
        failures = []
        for path in paths:
            open_page(page, path)
            violations = blocking_violations(page)
            if violations:
                failures.append(describe(path, violations))
        return failures

    failures = in_browser(audit)
    assert not failures, "axe-core: serious or critical violations:\n" + "\n".join(
        failures
    )
