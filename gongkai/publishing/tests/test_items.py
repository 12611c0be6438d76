from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.catalog.choices import Validity
from gongkai.publishing.tests.factories import publish


def test_item_gets_index_number_from_credit_code_year_and_sequence(agency, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    first = publish(column, written_on=date(2023, 5, 4), published_on=date(2023, 5, 6))
    second = publish(
        column,
        title="第二条",
        written_on=date(2023, 5, 30),
        published_on=date(2023, 6, 1),
    )
    assert first.index_number == f"{agency.credit_code}/2023-00001"
    assert second.index_number == f"{agency.credit_code}/2023-00002"


def test_index_number_never_changes_when_item_is_republished(columns):
    item = publish(columns["法定主动公开内容/政策文件/其他文件"])
    original = item.index_number
    item.title = "修改后的标题"
    item.save_revision().publish()
    item.refresh_from_db()
    assert item.index_number == original


def test_item_page_shows_metadata_table(client, columns):
    item = publish(
        columns["法定主动公开内容/政策文件/行政规范性文件"],
        document_number="临自然资发〔2024〕3号",
        keywords="征地，补偿",
    )
    response = client.get(item.url)
    html = response.content.decode()
    assert response.status_code == 200
    for label in [
        "索引号",
        "发布机构",
        "成文日期",
        "发布日期",
        "文号",
        "主题分类",
        "体裁",
        "有效性",
        "关键词",
    ]:
        assert f">{label}</th>" in html
    assert item.index_number in html
    assert "临自然资发〔2024〕3号" in html
    assert "2024-03-05" in html


def test_repealed_document_is_marked_on_its_page(client, columns):
    item = publish(
        columns["法定主动公开内容/政策文件/行政规范性文件"],
        validity=Validity.REPEALED,
        validity_changed_on=date(2025, 1, 1),
    )
    html = client.get(item.url).content.decode()
    assert "本文件已于2025年1月1日废止" in html


def test_malformed_document_number_is_refused(columns):
    with pytest.raises(ValidationError) as error:
        publish(
            columns["法定主动公开内容/政策文件/其他文件"],
            document_number="临自然资发[2023]5号",
        )
    assert "六角括号" in str(error.value)


def test_document_and_interpretation_link_both_ways(client, columns):
    document = publish(
        columns["法定主动公开内容/政策文件/行政规范性文件"],
        title="临淄区征地补偿标准管理办法",
    )
    interpretation = publish(
        columns["法定主动公开内容/政策解读"],
        title="《临淄区征地补偿标准管理办法》政策解读",
        interprets=document,
    )
    assert interpretation.title in client.get(document.url).content.decode()
    assert document.title in client.get(interpretation.url).content.decode()


def test_replaced_attachment_is_no_longer_downloadable(client, columns):
    from gongkai.publishing.services import AttachmentFile, ItemData, publish_item

    column = columns["法定主动公开内容/政策文件/其他文件"]
    item = publish(
        column, attachments=[AttachmentFile(name="旧.pdf", data=b"%PDF-1.4 old")]
    )
    old_url = item.attachments.get().document.url
    assert client.get(old_url).status_code == 200
    publish_item(
        column=column,
        data=ItemData(
            title=item.title,
            written_on=item.written_on,
            attachments=[AttachmentFile(name="新.pdf", data=b"%PDF-1.4 new")],
        ),
        existing=item,
        actor=None,
    )
    assert client.get(old_url).status_code == 404
    assert client.get(item.attachments.get().document.url).status_code == 200


def test_document_number_cannot_be_used_twice_by_one_agency(columns):
    column = columns["法定主动公开内容/政策文件/行政规范性文件"]
    publish(column, document_number="临自然资发〔2024〕9号")
    with pytest.raises(ValidationError, match="文号不能重复"):
        publish(column, title="另一份文件", document_number="临自然资发〔2024〕9号")


def test_interpretation_forms_render_and_are_searchable_text(client, columns):
    from gongkai.publishing.models import GovernmentInformationPage

    item = publish(
        columns["法定主动公开内容/政策解读"], title="《征地补偿标准》政策解读"
    )
    item = GovernmentInformationPage.objects.get(pk=item.pk)
    item.body = [
        (
            "key_points",
            [{"point": "补偿标准提高", "explanation": "区片综合地价上调。"}],
        ),
        (
            "questions",
            [{"question": "补偿款何时发放？", "answer": "<p>公告期满后三个月内。</p>"}],
        ),
        (
            "live",
            {
                "form": "on_site",
                "held_on": date(2026, 4, 1),
                "place": "凤凰镇便民服务中心",
                "speakers": "耕保科负责人",
                "summary": "现场解答群众关心的补偿问题。",
            },
        ),
    ]
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "补偿款何时发放？" in html
    assert "现场宣讲" in html
    item = GovernmentInformationPage.objects.get(pk=item.pk)
    assert "区片综合地价上调" in item.body_text
    assert "公告期满后三个月内" in item.body_text
