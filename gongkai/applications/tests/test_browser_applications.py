"""The whole path of an information-disclosure application in a real
browser, on the demo bureau: a person files it on the portal and receives a
number and query code; the office answers it 部分公开 with a generated
reply letter; the applicant sees the reply and downloads the letter from the
status page; the case counts in the annual report's table 三."""

import io
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from gongkai.accounts.models import User
from gongkai.core.tests.browser import log_in_to_admin, log_out_of_admin
from gongkai.demo.services import load_demo_bureau

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-password-1"
ID_NUMBER = "370305198001011237"
PARTLY = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


@pytest.fixture
def bureau():
    load_demo_bureau()
    office = User.objects.get(username="office")
    office.set_password(PASSWORD)
    office.save()


def partly_disclosed_for_natural_persons(year: int) -> int:
    output = StringIO()
    call_command("annual_report", str(year), "--json", stdout=output)
    table = json.loads(output.getvalue())["三、收到和处理政府信息公开申请情况"]
    return table["三、本年度办理结果"][PARTLY]["自然人"]


def file_an_application(page) -> tuple[str, str]:
    page.goto("/apply/")
    page.get_by_label("自然人").check()
    page.fill("#id_applicant_name", "张某")
    page.select_option("#id_id_type", label="居民身份证")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_phone", "13812345678")
    page.fill("#id_info_title", "凤凰镇2026年第1批次征地补偿安置方案")
    page.get_by_label("电子文档").check()
    page.get_by_label("电子邮件", exact=True).check()
    page.fill("#id_email", "zhang@example.com")
    page.locator("#id_consent").check()
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    page.get_by_role("button", name="提交申请").click()
    number = page.locator("#application-number").inner_text()
    code = page.locator("#query-code").inner_text()
    return number, code


def reply_partly(page, number: str) -> bytes:
    log_in_to_admin(page, "office", PASSWORD)
    page.goto("/admin/snippets/applications/application/")
    page.get_by_role("link", name=number).click()
    expect(page.locator("#reply-due")).to_be_visible()
    page.get_by_role("link", name="答复办结").click()
    page.select_option("#id_outcome", label="部分公开")
    page.fill("#id_legal_basis", "《中华人民共和国政府信息公开条例》第三十七条")
    page.fill(
        "#id_reply_text",
        "现向您提供该补偿安置方案；方案附件中被征收人的身份证号码属于个人隐私，不予公开。",
    )
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#case-state")).to_contain_text("已办结")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").first.click()
    return download.value.path().read_bytes()


def read_the_reply(page, number: str, code: str) -> bytes:
    log_out_of_admin(page)
    page.goto("/apply/status/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#application-state")).to_have_text("已答复")
    expect(page.locator("#application-outcome")).to_have_text("部分公开")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("下载PDF")).first.click()
    return download.value.path().read_bytes()


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join("".join(page.extract_text().split()) for page in pages)


def test_an_application_from_portal_to_reply_and_annual_report(
    bureau, in_browser_writing
):
    in_browser = in_browser_writing
    from django.utils import timezone

    year = timezone.localdate().year
    before = partly_disclosed_for_natural_persons(year)

    number, code = in_browser(file_an_application)
    assert re.fullmatch(r"WS\d{10}", number) and len(code) == 8

    staff_copy = in_browser(lambda page: reply_partly(page, number))
    applicants_copy = in_browser(lambda page: read_the_reply(page, number, code))
    for pdf in (staff_copy, applicants_copy):
        text = text_of(pdf)
        assert "政府信息公开申请答复告知书" in text
        assert "张某" in text and "部分公开" in text and "第三十七条" in text
        assert ID_NUMBER not in text

    assert partly_disclosed_for_natural_persons(year) == before + 1
