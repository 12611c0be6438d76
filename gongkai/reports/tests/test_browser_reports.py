"""The demo's office opens the 2026 annual report draft in the admin, finds
its tables filled from the platform's data, and downloads the DOCX."""

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from gongkai.accounts.models import User
from gongkai.core.tests.browser import log_in_to_admin
from gongkai.demo.services import load_demo_bureau

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-password-1"


@pytest.fixture
def bureau():
    load_demo_bureau()
    office = User.objects.get(username="office")
    office.set_password(PASSWORD)
    office.save()


def open_the_draft_and_download(page) -> bytes:
    log_in_to_admin(page, "office", PASSWORD)
    page.goto("/admin/snippets/reports/annualdisclosurereport/")
    page.get_by_role("link", name=re.compile("2026年政府信息公开工作年度报告")).click()
    tables = page.locator(".report-locked-tables")
    expect(tables).to_contain_text("申请人情况")
    expect(tables).to_contain_text("行政许可")
    expect(page.locator("#id_proactive_text")).to_contain_text("主动公开政府信息")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 DOCX").click()
    return download.value.path().read_bytes()


def test_the_office_opens_the_2026_draft_and_downloads_the_docx(
    bureau, in_browser_writing
):
    docx = in_browser_writing(open_the_draft_and_download)
    document = Document(io.BytesIO(docx))
    assert len(document.tables) >= 3
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "126" in cells  # 行政许可, entered by 行政许可科
