"""机器预审 in the review: errors stop a submission, warnings need a reason."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.publishing.services import AttachmentFile, store_attachment
from gongkai.review.checks.personal_data import id_check_character
from gongkai.review.errors import ReviewRefusedError
from gongkai.review.tests.steps import decide, submit

ID_NUMBER = "37030519800101123" + id_check_character("37030519800101123")


def docx_with(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def form(title, *, attachment=None, attachments=None, initial=0, **extra):
    data = {
        "title": title,
        "slug": "notice",
        "document_number": "",
        "written_on": "2026-03-02",
        "publisher": "",
        "topic": "land_energy",
        "genre": "announcement",
        "validity": "valid",
        "keywords": "征地",
        "summary": "拟征收土地公告",
        "body": streamfield([("text", rich_text("<p>拟征收东高村集体土地。</p>"))]),
        "attachments": inline_formset(
            attachments
            if attachments is not None
            else ([{"document": attachment.pk, "title": "名单"}] if attachment else []),
            initial=initial,
        ),
        "action-submit": "submit",
        **extra,
    }
    return nested_form_data(data)


def test_an_id_number_in_an_attachment_stops_the_submission(client, team):
    client.force_login(team["author"])
    leaky = store_attachment(
        file=AttachmentFile(name="名单.docx", data=docx_with(f"张某 {ID_NUMBER}")),
        actor=team["author"],
    )
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["publishing", "governmentinformationpage", team["land"].pk],
    )
    response = client.post(
        add_url, form("征地补偿名单公示", attachment=leaky), follow=True
    )
    item = GovernmentInformationPage.objects.get(title="征地补偿名单公示")
    assert item.current_workflow_state is None  # not in review
    html = response.content.decode()
    assert "机器预审发现" in html
    assert leaky.filename in html
    assert "370305********" in html  # the suggested masked form

    masked = store_attachment(
        file=AttachmentFile(
            name="名单.docx", data=docx_with("张某 370305********1234")
        ),
        actor=team["author"],
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    existing = item.get_latest_revision_as_object().attachments.get()
    replaced = [
        {"id": existing.pk, "document": leaky.pk, "title": "名单", "DELETE": "1"},
        {"document": masked.pk, "title": "名单"},
    ]
    client.post(edit_url, form("征地补偿名单公示", attachments=replaced, initial=1))
    item.refresh_from_db()
    assert item.current_workflow_state.current_task_state.task.specific.level == "first"


def test_final_review_checks_again(team):
    item, _ = submit(team)
    decide(item, team["head"])
    draft = item.get_latest_revision_as_object()
    draft.summary = f"请被征收户张某（身份证号{ID_NUMBER}）前来办理。"
    draft.save_revision(user=team["author"])
    decide(item, team["office"])
    with pytest.raises(ReviewRefusedError, match="机器预审发现"):
        decide(item, team["leader"])
    # The leader can still send it back to the author.
    decide(item, team["leader"], action="reject", comment="请删除身份证号")
    assert item.current_workflow_state.status == "needs_changes"


def test_a_warning_passes_with_a_written_reason(team):
    item, _ = submit(team)
    draft = item.get_latest_revision_as_object()
    draft.summary = ""
    draft.save_revision(user=team["author"])
    with pytest.raises(ReviewRefusedError, match="说明理由"):
        decide(item, team["head"])
    draft.precheck_reason = "本公告无需内容概述。"
    draft.save_revision(user=team["author"])
    decide(item, team["head"])
    assert (
        item.current_workflow_state.current_task_state.task.specific.level == "second"
    )


def test_a_refused_approval_in_the_admin_shows_the_reason(client, team):
    item, _ = submit(team)
    decide(item, team["head"])
    draft = item.get_latest_revision_as_object()
    draft.summary = f"请张某（身份证号{ID_NUMBER}）前来办理。"
    draft.save_revision(user=team["author"])
    decide(item, team["office"])
    client.force_login(team["leader"])
    task_state = item.current_workflow_state.current_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[item.pk, "approve", task_state.pk],
        ),
        HTTP_REFERER=f"http://testserver{edit_url}",
        follow=True,
    )
    assert response.status_code == 200
    assert "机器预审发现" in response.content.decode()
    item.refresh_from_db()
    assert not item.live


def test_precheck_report_marks_the_offending_text_in_context(client, team):
    item, _ = submit(team)
    draft = item.get_latest_revision_as_object()
    draft.summary = f"请被征收户张某（身份证号{ID_NUMBER}）前来办理。"
    draft.save_revision(user=team["author"])
    client.force_login(team["author"])
    html = client.get(
        reverse("review_precheck_report", args=[item.pk])
    ).content.decode()
    assert f"身份证号<mark>{ID_NUMBER}</mark>）前来办理" in html
    assert "370305********" in html
    assert "机器预审发现 1 处错误" in html


def test_the_editor_shows_the_findings_with_the_text_to_mark(client, team):
    item, _ = submit(team)
    client.force_login(team["author"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    assert "gongkai-precheck-marks" not in client.get(edit_url).content.decode()

    draft = item.get_latest_revision_as_object()
    draft.summary = f"请被征收户张某（身份证号{ID_NUMBER}）前来办理。"
    draft.save_revision(user=team["author"])
    html = client.get(edit_url).content.decode()
    assert f"身份证号<mark>{ID_NUMBER}</mark>）前来办理" in html
    assert f'[{{"text": "{ID_NUMBER}"}}]' in html  # for the editor's script
    assert "查看预审结果并一键脱敏" in html
    assert "review/editor-findings.js" in html


def test_a_document_number_already_used_is_refused_on_the_form(client, team):
    item, _ = submit(team)
    GovernmentInformationPage.objects.filter(pk=item.pk).update(
        document_number="临自然资发〔2026〕7号"
    )
    client.force_login(team["author"])
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["publishing", "governmentinformationpage", team["land"].pk],
    )
    response = client.post(
        add_url, form("另一份通知", document_number="临自然资发〔2026〕7号")
    )
    assert response.status_code == 200
    assert "本机关已有使用该文号的信息（凤凰镇征收土地预公告）" in (
        response.content.decode()
    )
    assert not GovernmentInformationPage.objects.filter(title="另一份通知").exists()
