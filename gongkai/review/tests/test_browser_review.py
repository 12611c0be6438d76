"""The whole publication-control path in a real browser, through Wagtail's
editor, on the demo bureau:

an editor of 法规科 drafts a normative document (行政规范性文件) with a 文号
in the wrong brackets and a DOCX attachment that holds a resident ID number;
the platform flags both; the editor fixes the 文号, masks the ID with one
click, drafts the document's Q&A interpretation (简明问答) and submits both;
三审 by three different people (法规科负责人, 办公室, 分管领导) moves them to
publication, and both appear on the portal at once, linked both ways.
"""

import re
from dataclasses import dataclass
from io import BytesIO

import pytest
from docx import Document
from playwright.sync_api import expect

from gongkai.accounts.models import User
from gongkai.core.tests.browser import log_in_to_admin, log_out_of_admin
from gongkai.demo.services import load_demo_bureau
from gongkai.publishing.models import ColumnPage, GovernmentInformationPage
from gongkai.review.checks.personal_data import id_check_character

# Staff write through the live server: the test commits its data.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-password-1"
TITLE = "临淄区集体土地征收补偿登记管理办法"
INTERPRETATION_TITLE = f"《{TITLE}》政策解读"
WRONG_NUMBER = "临自然资规[2026]3号"
RIGHT_NUMBER = "临自然资规〔2026〕3号"
ID_NUMBER = "37030519800101123" + id_check_character("37030519800101123")
MASKED_ID = "370305********" + ID_NUMBER[-4:]
MISWRITTEN, CORRECTED = "再接再励", "再接再厉"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Bureau:
    normative_column_id: int


@pytest.fixture
def bureau() -> Bureau:
    load_demo_bureau()
    for username in ("legal", "legal_head", "office", "leader"):
        user = User.objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()
    column = ColumnPage.objects.get(title="行政规范性文件")
    return Bureau(normative_column_id=column.pk)


def registration_list() -> bytes:
    document = Document()
    document.add_paragraph("集体土地征收补偿登记名单")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells, ("姓名", "身份证号", "面积（亩）"), strict=True
    ):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("张某", ID_NUMBER, "1.2"), strict=True):
        cell.text = text
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Steps in the browser ------------------------------------------------------


def log_in(page, username: str) -> None:
    log_in_to_admin(page, username, PASSWORD)


def add_block(page, label: str) -> None:
    page.locator("[data-contentpath=body] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def fill_rich_text(page, field_name: str, text: str, *, replace=False) -> None:
    """Type into the Draftail editor of the field whose form name ends with
    ``field_name`` (over what it holds when ``replace``), and wait until the
    editor has written it to the form."""
    field = page.locator(f"[data-contentpath=body] input[name$='{field_name}']")
    editor = field.locator("xpath=..").locator("[contenteditable=true]")
    editor.click()
    if replace:
        page.keyboard.press("Control+A")
    page.keyboard.type(text)
    expect(field).to_have_value(re.compile(re.escape(text)))


def submit_for_review(page) -> None:
    """The footer's "提交给…三审" (behind the more-actions toggle)."""
    submit = page.locator("footer button[name=action-submit]")
    if not submit.is_visible():
        page.locator("footer").get_by_role("button", name="更多动作").click()
    submit.click()


def messages(page):
    return page.locator(".messages")


def draft_the_document(page, bureau: Bureau, attachment: bytes) -> None:
    log_in(page, "legal")
    page.goto(
        "/admin/pages/add/publishing/governmentinformationpage/"
        f"{bureau.normative_column_id}/"
    )
    page.fill("#id_title", TITLE)
    page.fill("#id_document_number", WRONG_NUMBER)
    page.fill("#id_written_on", "2026-11-20")
    page.keyboard.press("Escape")  # the date picker
    page.select_option("#id_genre", label="办法")
    page.fill("#id_keywords", "征地补偿,登记")
    page.fill("#id_summary", "规范集体土地征收补偿登记的程序和材料。")
    add_block(page, "正文")
    fill_rich_text(page, "body-0-value", f"第一条 {MISWRITTEN}规范补偿登记工作。")

    page.click("#id_attachments-ADD")
    page.get_by_role("button", name="选择一个文档").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_document-chooser-upload-title").fill("补偿登记名单")
    modal.locator("#id_document-chooser-upload-file").set_input_files(
        files=[
            {"name": "补偿登记名单.docx", "mimeType": DOCX_TYPE, "buffer": attachment}
        ]
    )
    modal.get_by_role("button", name="上传").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_attachments-FORMS")).to_contain_text("补偿登记名单")
    page.fill("#id_attachments-0-title", "补偿登记名单")

    # The 文号 is refused at once, with the right form shown.
    submit_for_review(page)
    expect(page.locator("[data-contentpath=document_number]")).to_contain_text(
        "年份应使用六角括号〔〕"
    )
    page.fill("#id_document_number", RIGHT_NUMBER)
    submit_for_review(page)

    # Saved as a draft, but the pre-review stops the submission: the
    # miswritten word is marked inside the body's editor, the ID number in
    # the attachment shown in context with its masked form.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(messages(page)).to_contain_text("机器预审发现 2 处错误")
    findings = page.locator(".gongkai-precheck")
    expect(findings).to_contain_text("补偿登记名单")
    expect(findings.locator("mark")).to_have_text([MISWRITTEN, ID_NUMBER])
    expect(findings).to_contain_text(MASKED_ID)
    expect(page.locator("#id_document_number")).to_have_value(RIGHT_NUMBER)
    marked = "() => CSS.highlights.get('gongkai-precheck')?.size ?? 0"
    page.wait_for_function(f"({marked})() > 0")

    # The editor corrects the word and saves the draft.
    fill_rich_text(
        page, "body-0-value", f"第一条 {CORRECTED}规范补偿登记工作。", replace=True
    )
    page.locator("footer").get_by_role("button", name="保存草稿").click()
    expect(messages(page)).to_contain_text(TITLE)
    expect(findings.locator("mark")).to_have_text([ID_NUMBER])
    assert page.evaluate(marked) == 0

    # One click masks the ID inside the DOCX into a new draft.
    findings.get_by_role("link", name="查看预审结果并一键脱敏").click()
    page.get_by_role("button", name="一键脱敏").click()
    expect(messages(page)).to_contain_text("已脱敏并保存为新草稿")
    expect(page.locator("main")).to_contain_text("未发现问题")
    page.get_by_role("link", name="返回编辑").click()
    expect(page.locator(".gongkai-precheck")).to_have_count(0)


def draft_the_interpretation(page) -> None:
    # From the document's page header, a linked interpretation draft.
    page.locator("header").get_by_role("button", name="动作").click()
    page.get_by_role("link", name="政策解读", exact=True).click()
    page.get_by_role("button", name="新建解读草稿").click()
    expect(messages(page)).to_contain_text("已新建解读草稿")
    expect(page.locator("#id_title")).to_have_value(INTERPRETATION_TITLE)
    add_block(page, "简明问答")
    page.locator("input[name$='-value-question']").first.fill(
        "哪些人需要办理补偿登记？"
    )
    fill_rich_text(
        page,
        "-value-answer",
        "被征收土地的所有权人、使用权人应在公告期限内办理补偿登记。",
    )
    submit_for_review(page)
    expect(messages(page)).to_contain_text(INTERPRETATION_TITLE)


def submit_the_document(page, document_id: int) -> None:
    page.goto(f"/admin/pages/{document_id}/edit/")
    submit_for_review(page)
    expect(messages(page)).to_contain_text(TITLE)


def approve(page, title: str, *, opinion: str = "") -> None:
    """The reviewer finds ``title`` in 待我审核 and approves it in the
    editor (with a written opinion when given)."""
    page.goto("/admin/review-queue/")
    page.get_by_role("link", name=title, exact=True).click()
    page.locator("footer").get_by_role("button", name="更多动作").click()
    # At 终审 Wagtail names the buttons "审核通过 和发布".
    if opinion:
        page.locator("footer").get_by_role(
            "button", name=re.compile(r"^审核通过并填写意见( 和发布)?$")
        ).click()
        dialog = page.locator(".modal-dialog")
        dialog.locator("textarea").fill(opinion)
        with page.expect_navigation():
            dialog.locator("button[type=submit]").click()
    else:
        # Wait for the approval's own response (it sets the session cookie)
        # before the next reviewer logs in.
        with page.expect_navigation():
            page.locator("footer").get_by_role(
                "button", name=re.compile(r"^审核通过( 和发布)?$")
            ).click()
    expect(messages(page)).to_contain_text(title)


# --- The test ----------------------------------------------------------------


def test_a_normative_document_goes_from_draft_to_portal_with_its_interpretation(
    bureau, in_browser_writing, settings
):
    in_browser = in_browser_writing
    # Wagtail's autosave would post the form on its own between the steps'
    # explicit saves; the steps are about what the editor decides.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    attachment = registration_list()
    in_browser(lambda page: draft_the_document(page, bureau, attachment))
    document = GovernmentInformationPage.objects.get(title=TITLE)
    in_browser(draft_the_interpretation)
    in_browser(lambda page: submit_the_document(page, document.pk))

    def review(page):
        for username, opinion in (
            ("legal_head", ""),
            ("office", ""),
            ("leader", "同意发布。"),
        ):
            log_in(page, username)
            approve(page, INTERPRETATION_TITLE)
            approve(page, TITLE, opinion=opinion)

    in_browser(review)

    document.refresh_from_db()
    interpretation = GovernmentInformationPage.objects.get(title=INTERPRETATION_TITLE)
    assert document.live and interpretation.live
    assert interpretation.interprets_id == document.pk
    assert document.document_number == RIGHT_NUMBER
    gap = abs(document.first_published_at - interpretation.first_published_at)
    assert gap.total_seconds() < 5
    attached = document.attachments.get().document
    assert ID_NUMBER not in attached.extracted_text
    assert MASKED_ID in attached.extracted_text

    def read_on_the_portal(page):
        log_out_of_admin(page)
        page.goto(document.url)
        expect(page.locator("main")).to_contain_text(RIGHT_NUMBER)
        page.get_by_role("link", name=INTERPRETATION_TITLE).click()
        expect(page.locator("h1")).to_have_text(INTERPRETATION_TITLE)
        expect(page.locator("main")).to_contain_text("哪些人需要办理补偿登记？")
        page.get_by_role("link", name=TITLE, exact=True).first.click()
        expect(page.locator("h1")).to_have_text(TITLE)
        # The masked attachment is public now.
        assert page.request.get(attached.url).ok

    in_browser(read_on_the_portal)
