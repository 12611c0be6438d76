"""The guide and catalogue pages in a real browser: no serious or critical
axe-core (WCAG 2.1 AA) violations, on the demo bureau."""

import pytest

from gongkai.demo.services import load_demo_bureau
from gongkai.publishing.models import ColumnPage
from gongkai.publishing.tests.test_browser import (
    blocking_violations,
    describe,
    open_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def guide_url(module_db) -> str:
    load_demo_bureau()
    return ColumnPage.objects.get(slug="guide").url


def test_guide_and_catalogue_have_no_serious_accessibility_violations(
    in_browser, guide_url
):
    pages = {
        guide_url: (".disclosure-guide th:text-is('联系电话')",),
        "/guide/": (".guide-versions a",),
        "/catalogue/": ("table.catalogue-table th:text-is('内容概述')",),
    }

    def audit(page) -> list[str]:
        failures = []
        for path, expected in pages.items():
            open_page(page, path)
            for selector in expected:
                assert page.locator(selector).count(), f"{path}: no {selector}"
            violations = blocking_violations(page)
            if violations:
                failures.append(describe(path, violations))
        return failures

    failures = in_browser(audit)
    assert not failures, "axe-core: serious or critical violations:\n" + "\n".join(
        failures
    )
