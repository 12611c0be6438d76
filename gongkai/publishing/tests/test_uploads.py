import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError

from gongkai.publishing.uploads import check_upload


def docx_bytes():
    from docx import Document

    buffer = BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def zip_with(members):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_real_files_pass():
    check_upload(name="公告.pdf", data=b"%PDF-1.7\n...")
    check_upload(name="明细.docx", data=docx_bytes())
    check_upload(name="图.PNG", data=b"\x89PNG\r\n\x1a\n....")
    check_upload(name="文件.ofd", data=zip_with({"OFD.xml": "<ofd/>"}))
    check_upload(name="解读.mp4", data=b"\x00\x00\x00\x18ftypmp42....")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("公告.pdf", b"MZ\x90\x00 executable", "内容与扩展名不符"),
        ("明细.docx", b"%PDF-1.7", "内容与扩展名不符"),
        ("明细.docx", zip_with({"readme.txt": "x"}), "内容与扩展名不符"),
        ("脚本.exe", b"MZ", "不支持的附件类型"),
        ("旧文档.doc", b"\xd0\xcf\x11\xe0", "不支持的附件类型"),
        ("解读.mp4", b"MZ\x90\x00 executable", "内容与扩展名不符"),
        ("图.svg", b"<svg/>", "不支持的附件类型"),
        ("大文件.pdf", b"%PDF-" + b"0" * (21 * 1024 * 1024), "超过20MB"),
    ],
)
def test_disguised_unknown_or_oversized_files_are_refused(name, data, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(name=name, data=data)


def test_archive_with_path_traversal_is_refused():
    data = zip_with(
        {"[Content_Types].xml": "x", "word/document.xml": "x", "../evil.txt": "x"}
    )
    with pytest.raises(ValidationError, match="结构异常"):
        check_upload(name="明细.docx", data=data)


def test_zip_bomb_is_refused():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "x")
        archive.writestr("word/document.xml", "0" * (101 * 1024 * 1024))
    with pytest.raises(ValidationError, match="结构异常"):
        check_upload(name="炸弹.docx", data=buffer.getvalue())


def test_attachments_of_unpublished_items_are_not_public(client, columns):
    from wagtail.models import Page

    from gongkai.accounts.models import User
    from gongkai.publishing.services import AttachmentFile
    from gongkai.publishing.tests.factories import publish

    item = publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        attachments=[AttachmentFile(name="名单.docx", data=docx_bytes())],
    )
    document = item.attachments.get().document
    assert client.get(document.url).status_code == 200

    Page.objects.filter(pk=item.pk).update(live=False)  # a draft under review
    assert client.get(document.url).status_code == 404
    staff = User.objects.create_superuser("staff", password="a-long-password-1")
    client.force_login(staff)
    assert client.get(document.url).status_code == 200


def test_files_uploaded_in_the_admin_are_checked_and_their_text_kept(client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from docx import Document

    from gongkai.accounts.models import User
    from gongkai.publishing.models import Attachment

    client.force_login(User.objects.create_superuser("staff", password="x" * 12))
    document = Document()
    document.add_paragraph("征收土地补偿登记表")
    buffer = BytesIO()
    document.save(buffer)
    url = reverse("wagtaildocs:add")
    response = client.post(
        url,
        {
            "title": "登记表",
            "file": SimpleUploadedFile("登记表.docx", buffer.getvalue()),
        },
    )
    assert response.status_code == 302
    assert "征收土地补偿登记表" in Attachment.objects.get().extracted_text

    response = client.post(
        url, {"title": "伪装", "file": SimpleUploadedFile("伪装.docx", b"%PDF-1.7")}
    )
    assert "内容与扩展名不符" in response.content.decode()
    assert Attachment.objects.count() == 1
