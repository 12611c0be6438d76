"""一键脱敏: personal data masked in texts, the body and attachment files,
into a new draft that then passes the pre-review."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook
from wagtail.models import PageLogEntry

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.publishing.extraction import extract_text
from gongkai.publishing.models import ItemAttachment
from gongkai.publishing.services import AttachmentFile, store_attachment
from gongkai.review import masking, services
from gongkai.review.checks.personal_data import id_check_character
from gongkai.review.tests.documents import make_pdf
from gongkai.review.tests.steps import submit

ID_NUMBER = "37030519800101123" + id_check_character("37030519800101123")
MASKED_ID = "370305********" + ID_NUMBER[-4:]


def docx_bytes(*paragraphs, runs=None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if runs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text).bold = True
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "李某"
    table.cell(0, 1).text = "13912345678"
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_text_keeps_names_and_published_contact_numbers():
    text = f"张某，身份证号{ID_NUMBER}，手机13812345678。联系电话：13900001111"
    assert masking.mask_personal_text(text) == (
        f"张某，身份证号{MASKED_ID}，手机138****5678。联系电话：13900001111"
    )


def test_a_number_split_across_runs_is_masked_in_the_first():
    pieces = ["张某 370305", "19800101", ID_NUMBER[-4:] + " 已登记"]
    assert masking.mask_split_text(pieces) == ["张某 " + MASKED_ID, "", " 已登记"]
    assert masking.mask_split_text(["没有个人信息"]) is None


def test_docx_is_masked_in_paragraphs_runs_and_tables():
    data = docx_bytes(f"张某 {ID_NUMBER}", runs=["王某 6222", "021234", "567894"])
    assert "6222021234567894" in extract_text(name="a.docx", data=data).text
    masked = masking.mask_docx(data)
    text = extract_text(name="a.docx", data=masked).text
    assert ID_NUMBER not in text and MASKED_ID in text
    assert "13912345678" not in text and "139****5678" in text
    assert "6222021234567894" not in text and "王某 6222********7894" in text
    assert "张某" in text and "李某" in text
    assert masking.mask_docx(masked) is None  # nothing left to mask


def test_xlsx_numbers_typed_as_numbers_are_masked():
    workbook = Workbook()
    workbook.active.append(["姓名", "身份证号", "手机"])
    workbook.active.append(["张某", ID_NUMBER, 13812345678])
    buffer = BytesIO()
    workbook.save(buffer)
    masked = masking.mask_xlsx(buffer.getvalue())
    rows = list(load_workbook(BytesIO(masked)).active.values)
    assert rows[1] == ("张某", MASKED_ID, "138****5678")


def test_pdf_cannot_be_rewritten():
    with pytest.raises(masking.CannotMaskFile):
        masking.mask_file(name="名单.pdf", data=make_pdf([[ID_NUMBER]]))


def test_stream_data_masks_what_readers_see_only():
    block_id = "13812345678"
    data = [
        {"type": "text", "id": block_id, "value": f"<p>张某{ID_NUMBER}</p>"},
        {"type": "questions", "id": "x", "value": [{"answer": "电话13812345678"}]},
    ]
    assert masking.mask_stream_data(data) == [
        {"type": "text", "id": block_id, "value": f"<p>张某{MASKED_ID}</p>"},
        {"type": "questions", "id": "x", "value": [{"answer": "电话138****5678"}]},
    ]


def _attach(item, author, name, data):
    document = store_attachment(file=AttachmentFile(name=name, data=data), actor=author)
    draft = item.get_latest_revision_as_object()
    draft.attachments.add(ItemAttachment(document=document, title="名单"))
    draft.summary = f"请张某（身份证号{ID_NUMBER}）前来办理。"
    draft.save_revision(user=author)
    item.refresh_from_db()
    return document


def test_one_click_masking_makes_a_draft_that_passes(client, team):
    item, _ = submit(team)
    original = _attach(
        item, team["author"], "名单.docx", docx_bytes(f"张某 {ID_NUMBER}")
    )
    client.force_login(team["author"])
    before = services.precheck_findings(item=item.get_latest_revision_as_object())
    assert services.precheck_problem(item=item, findings=before)

    response = client.post(
        reverse("review_mask_personal_data", args=[item.pk]), follow=True
    )
    html = response.content.decode()
    assert "已脱敏并保存为新草稿" in html and f"附件《{original.filename}》" in html
    # The findings themselves, so that a failure says which check spoke.
    assert [row["finding"] for row in response.context["rows"]] == []
    assert "未发现问题" in html

    item.refresh_from_db()
    draft = item.get_latest_revision_as_object()
    assert draft.summary == f"请张某（身份证号{MASKED_ID}）前来办理。"
    copy = draft.attachments.get().document
    assert copy.pk != original.pk
    assert ID_NUMBER not in copy.extracted_text and MASKED_ID in copy.extracted_text
    with copy.open_file() as handle:
        assert ID_NUMBER not in extract_text(name="a.docx", data=handle.read()).text
    assert services.precheck_problem(item=draft) == ""
    entry = PageLogEntry.objects.filter(page=item, action="review.masked").get()
    assert entry.user == team["author"]
    # Masking does not take the item past its review.
    assert not item.live


def test_a_pdf_attachment_must_be_replaced_by_hand(client, team):
    item, _ = submit(team)
    pdf = _attach(item, team["author"], "名单.pdf", make_pdf([[f"Zhang {ID_NUMBER}"]]))
    client.force_login(team["author"])
    html = client.post(
        reverse("review_mask_personal_data", args=[item.pk]), follow=True
    ).content.decode()
    assert f"附件《{pdf.filename}》无法自动脱敏" in html
    item.refresh_from_db()
    draft = item.get_latest_revision_as_object()
    assert MASKED_ID in draft.summary  # the rest was still masked
    assert "机器预审发现 1 处错误" in html


def test_only_editors_of_the_item_can_mask(client, team, agency, columns):
    item, _ = submit(team)
    _attach(item, team["author"], "名单.docx", docx_bytes(f"张某 {ID_NUMBER}"))
    mining = account_services.create_department(agency=agency, name="矿管科")
    account_services.set_department_columns(
        department=mining,
        columns=[columns["法定主动公开内容/重点领域信息公开/矿业权信息"]],
    )
    outsider = User.objects.create_user("outsider", password="a-long-password-1")
    account_services.assign_user_to_department(user=outsider, department=mining)
    client.force_login(outsider)
    response = client.post(reverse("review_mask_personal_data", args=[item.pk]))
    # Wagtail answers a refused admin action with a redirect home.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    item.refresh_from_db()
    assert ID_NUMBER in item.get_latest_revision_as_object().summary
    client.force_login(team["author"])
    assert (
        client.get(reverse("review_mask_personal_data", args=[item.pk])).status_code
        == 405
    )
