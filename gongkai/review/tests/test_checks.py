"""Machine pre-review (机器预审): the detectors on texts and generated files,
and ``check_item`` on real items."""

import http.server
import json
import threading
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.publishing.models import GovernmentInformationPage, ItemAttachment
from gongkai.publishing.services import AttachmentFile, store_attachment
from gongkai.review.checks.findings import (
    FindingKind,
    Severity,
    blocking,
    count_by_kind,
    needing_reason,
)
from gongkai.review.checks.links import Link, check_links, extract_links, http_head_ok
from gongkai.review.checks.norms import (
    check_dates,
    check_document_number,
    check_metadata,
)
from gongkai.review.checks.personal_data import (
    find_personal_data,
    is_valid_id_number,
    mask_card,
    mask_id_number,
    mask_mobile,
    mask_text,
)
from gongkai.review.checks.run import (
    check_file,
    check_item,
    check_text,
    current_lists,
    seed_lists,
)
from gongkai.review.checks.wording import (
    MisspellingEntry,
    SensitiveEntry,
    WordLists,
    check_wording,
)
from gongkai.review.models import CommonMisspelling, SensitiveExpression
from gongkai.review.tests.documents import make_pdf

VALID_ID = "370305198001011237"
VALID_ID_WITH_X = "11010519491231002X"
WRONG_CHECK_DIGIT_ID = "370305198001011234"
CARD = "6222021234567890128"
TODAY = date(2026, 3, 10)


def kinds(findings):
    return [finding.kind for finding in findings]


# --- Generated documents -----------------------------------------------------


def make_docx(paragraphs, table_rows=()):
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_valid_id_number_is_found_and_wrong_check_digit_is_not():
    assert is_valid_id_number(VALID_ID)
    assert is_valid_id_number(VALID_ID_WITH_X)
    assert not is_valid_id_number(WRONG_CHECK_DIGIT_ID)

    findings = check_text(f"申请人身份证号：{VALID_ID}。", lists=WordLists())
    assert [(f.kind, f.severity, f.text, f.offset) for f in findings] == [
        (FindingKind.PERSONAL_ID, Severity.ERROR, VALID_ID, 8)
    ]
    assert findings[0].suggestion == "370305********1237"
    assert check_text(f"身份证号：{WRONG_CHECK_DIGIT_ID}", lists=WordLists()) == []


def test_id_number_with_x_check_character_is_found():
    hits = find_personal_data(f"号码{VALID_ID_WITH_X.lower()}")
    assert [hit.kind for hit in hits] == [FindingKind.PERSONAL_ID]


@pytest.mark.parametrize(
    "text",
    [
        "37030519801301123X",  # month 13: no such birth date
        "990305198001011237",  # no province 99
        "1" + VALID_ID,  # inside a longer digit run
        "ZD" + VALID_ID + "F0001",  # inside a longer code
    ],
)
def test_implausible_or_embedded_id_numbers_are_not_found(text):
    assert [h for h in find_personal_data(text) if h.kind == "personal_id"] == []


def test_mobile_numbers_are_found_but_not_inside_longer_digit_runs():
    text = "电话13812345678，或+86 139-1234-5678；编号213812345678不是手机号。"
    hits = find_personal_data(text)
    assert [(hit.kind, hit.text) for hit in hits] == [
        (FindingKind.MOBILE, "13812345678"),
        (FindingKind.MOBILE, "+86 139-1234-5678"),
    ]
    assert [hit.masked for hit in hits] == ["138****5678", "139****5678"]


def test_mobile_after_a_contact_label_is_only_a_warning():
    findings = check_text(
        "联系人：王科长，联系电话：13812345678。村民李四手机13912345678。",
        lists=WordLists(),
    )
    assert [(f.text, f.severity) for f in findings] == [
        ("13812345678", Severity.WARNING),
        ("13912345678", Severity.ERROR),
    ]


def test_bank_card_is_found_only_when_luhn_passes():
    findings = check_text(
        f"收款账号{CARD}，另一账号6222021234567890127。", lists=WordLists()
    )
    assert [(f.kind, f.text, f.suggestion) for f in findings] == [
        (FindingKind.BANK_CARD, CARD, "6222***********0128")
    ]
    spaced = find_personal_data("卡号 6217 0000 1234 5670 已登记")
    assert [(hit.kind, hit.masked) for hit in spaced] == [
        (FindingKind.BANK_CARD, "6217********5670")
    ]


def test_id_numbers_credit_codes_and_years_are_not_cards():
    # A valid ID that also passes Luhn is reported once, as an ID.
    assert [hit.kind for hit in find_personal_data(VALID_ID)] == ["personal_id"]
    # An all-digit 统一社会信用代码 passing Luhn too.
    assert find_personal_data("统一社会信用代码903606703316732595") == []
    # A table row of years.
    assert find_personal_data("年份 2019 2020 2021 2022") == []


def test_masking_output_is_exact():
    assert mask_id_number("370305198001011234") == "370305********1234"
    assert mask_id_number("370305198001011234", keep_start=3) == "370***********1234"
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("+86 138-1234-5678") == "138****5678"
    assert mask_card("6222021234567890128") == "6222***********0128"
    assert mask_card("6222021234567890128", keep_start=6) == "622202*********0128"


def test_mask_text_replaces_every_number_by_its_mask():
    text = f"张三，{VALID_ID}，13812345678，{CARD}；错号{WRONG_CHECK_DIGIT_ID}不变。"
    assert mask_text(text) == (
        "张三，370305********1237，138****5678，6222***********0128；"
        f"错号{WRONG_CHECK_DIGIT_ID}不变。"
    )


# --- Wording -----------------------------------------------------------------


def test_miswritten_word_is_found_with_its_right_form():
    findings = check_text("各单位要再接再励，做好布署。", lists=seed_lists())
    assert [(f.kind, f.text, f.suggestion, f.offset) for f in findings] == [
        (FindingKind.MISSPELLING, "再接再励", "再接再厉", 4),
        (FindingKind.MISSPELLING, "布署", "部署", 11),
    ]
    assert "应为“再接再厉”" in findings[0].message


def test_longest_match_wins_and_hits_do_not_overlap():
    lists = WordLists(
        misspellings=(
            MisspellingEntry("接再励", "接再厉"),
            MisspellingEntry("再接再励", "再接再厉"),
            MisspellingEntry("励励", "厉厉"),
        )
    )
    findings = check_wording("再接再励励，再接再励", lists=lists, location="正文")
    assert [(f.text, f.offset) for f in findings] == [("再接再励", 0), ("再接再励", 6)]


def test_sensitive_expression_is_found_with_its_severity_and_note():
    findings = check_text("会见台湾政府官员；附件为内部资料。", lists=seed_lists())
    assert [(f.kind, f.text, f.severity) for f in findings] == [
        (FindingKind.SENSITIVE, "台湾政府", Severity.ERROR),
        (FindingKind.SENSITIVE, "内部资料", Severity.WARNING),
    ]
    assert "台湾当局" in findings[0].suggestion


def test_a_term_on_both_lists_is_reported_as_sensitive():
    lists = WordLists(
        sensitive=(SensitiveEntry("弱智", Severity.WARNING, "应称智力障碍者"),),
        misspellings=(MisspellingEntry("弱智", "若知"),),
    )
    assert kinds(check_wording("弱智", lists=lists, location="正文")) == ["sensitive"]


def test_seed_lists_hold_at_least_200_clean_pairs():
    lists = seed_lists()
    wrongs = [entry.wrong for entry in lists.misspellings]
    rights = {entry.right for entry in lists.misspellings}
    assert len(wrongs) >= 200
    assert len(set(wrongs)) == len(wrongs)
    # A corrected text is never flagged again.
    assert not [w for w in wrongs if any(w in right for right in rights)]
    assert {entry.severity for entry in lists.sensitive} == {"error", "warning"}


def test_seed_lists_find_nothing_in_the_demo_content():
    path = Path(__file__).resolve().parents[2] / "demo" / "content" / "items.json"
    text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    wording = [f for f in check_text(text, lists=seed_lists()) if f.kind != "mobile"]
    assert wording == []


# --- Norms -------------------------------------------------------------------


def test_document_number_with_square_brackets_is_flagged():
    [finding] = check_document_number("临自然资发[2023]5号")
    assert finding.kind == FindingKind.DOCUMENT_NUMBER
    assert finding.severity == Severity.ERROR
    assert "六角括号〔〕" in finding.message
    assert finding.suggestion == "临自然资发〔2023〕5号"
    assert check_document_number("临自然资发【2023】5号")[0].suggestion == (
        "临自然资发〔2023〕5号"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("临自然资发〔2023〕05号", "不编虚位"),
        ("临自然资发〔2023〕第5号", "不加“第”字"),
        ("临自然资发〔23〕5号", "机关代字〔年份〕序号号"),
    ],
)
def test_document_number_follows_gb_t_9704(value, expected):
    [finding] = check_document_number(value)
    assert expected in finding.message
    assert finding.suggestion in ("临自然资发〔2023〕5号", "")


def test_well_formed_or_empty_document_number_passes():
    assert check_document_number("临自然资发〔2023〕5号") == []
    assert check_document_number("") == []


def test_written_on_in_the_future_is_an_error():
    [finding] = check_dates(
        written_on=date(2026, 3, 11), published_on=None, today=TODAY
    )
    assert (finding.kind, finding.location, finding.text) == (
        "date",
        "成文日期",
        "2026-03-11",
    )
    assert "晚于今天" in finding.message
    assert check_dates(written_on=TODAY, published_on=None, today=TODAY) == []


def test_published_before_written_is_an_error():
    [finding] = check_dates(
        written_on=date(2026, 3, 5), published_on=date(2026, 3, 4), today=TODAY
    )
    assert finding.location == "发布日期"
    assert "早于成文日期" in finding.message


def test_missing_title_blocks_and_missing_summary_needs_a_reason():
    findings = check_metadata(
        {
            "index_number": "x/2026-00001",
            "title": " ",
            "written_on": TODAY,
            "publisher": "局",
            "summary": "",
        }
    )
    assert [(f.location, f.severity) for f in findings] == [
        ("标题", Severity.ERROR),
        ("内容概述", Severity.WARNING),
    ]
    assert len(blocking(findings)) == len(needing_reason(findings)) == 1
    assert count_by_kind(findings) == {"metadata": 2}


# --- Links -------------------------------------------------------------------


def test_links_and_references_are_extracted_from_html():
    html = (
        '<p><a linktype="page" id="3">通知</a> <a href="/a/b/?x=1">站内</a>'
        '<a href="https://www.gov.cn/">中国政府网</a><a>无链接</a>'
        '<embed embedtype="image" id="4" format="left"/><img src="/media/x.png"></p>'
    )
    assert [(link.target, link.label) for link in extract_links(html)] == [
        ("page:3", "通知"),
        ("/a/b/?x=1", "站内"),
        ("https://www.gov.cn/", "中国政府网"),
        ("image:4", ""),
        ("/media/x.png", ""),
    ]


def test_link_checker_uses_the_injected_resolver():
    html = (
        '<a linktype="page" id="3">有</a><a linktype="page" id="99">无</a>'
        '<a href="/missing/">坏</a><a href="/ok/">好</a>'
        '<a href="http://example.org/">外</a><a href="file:///C:/报告.docx">本机</a>'
        '<a href="mailto:ban@example.org">信</a><a href="#top">顶</a>'
        '<a href="list.html">相对</a>'
    )
    existing = {"page:3", "/ok/"}
    asked = []

    def resolve(target):
        asked.append(target)
        return target in existing

    findings = check_links(extract_links(html), resolve=resolve)
    assert [(f.text, f.severity) for f in findings] == [
        ("page:99", Severity.ERROR),
        ("/missing/", Severity.ERROR),
        ("http://example.org/", Severity.WARNING),
        ("file:///C:/报告.docx", Severity.ERROR),
        ("list.html", Severity.WARNING),
    ]
    assert "未检查外部链接" in findings[2].message
    # No network by default: the external link was never looked up.
    assert "http://example.org/" not in asked

    checked = check_links(
        [Link("http://example.org/", 0)], resolve=lambda url: False, check_external=True
    )
    assert "无法打开" in checked[0].message


@pytest.fixture
def local_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_head_request_answers_for_reachable_links_only(local_server):
    assert http_head_ok(f"{local_server}/ok", allow_private=True)
    assert not http_head_ok(f"{local_server}/gone", allow_private=True)
    # The internal network is never probed from a link in an item.
    assert not http_head_ok(f"{local_server}/ok")


# --- Files -------------------------------------------------------------------


def test_id_inside_a_docx_attachment_is_found_in_that_file():
    data = make_docx(
        ["征收土地补偿明细"], table_rows=[("姓名", "身份证号"), ("张三", VALID_ID)]
    )
    findings = check_file(name="明细.docx", data=data, lists=seed_lists())
    assert [(f.kind, f.text, f.location) for f in findings] == [
        (FindingKind.PERSONAL_ID, VALID_ID, "附件《明细.docx》")
    ]
    assert findings[0].suggestion == "370305********1237"


def test_xlsx_and_pdf_attachments_are_checked():
    xlsx = make_xlsx([["姓名", "手机"], ["李四", "13812345678"]])
    assert kinds(check_file(name="名单.xlsx", data=xlsx, lists=seed_lists())) == [
        "mobile"
    ]
    pdf = make_pdf([["Gonggao"], [f"Zhang San {VALID_ID}", f"Ka hao {CARD}"]])
    findings = check_file(name="公告.pdf", data=pdf, lists=seed_lists())
    assert [(f.kind, f.location) for f in findings] == [
        ("personal_id", "附件《公告.pdf》"),
        ("bank_card", "附件《公告.pdf》"),
    ]


def test_a_file_without_text_is_a_warning_to_check_it_by_hand():
    [finding] = check_file(name="扫描件.jpg", data=b"\xff\xd8\xff", lists=seed_lists())
    assert (finding.kind, finding.severity) == ("unreadable", "warning")
    assert "人工检查" in finding.message


# --- Items on the platform ---------------------------------------------------


def draft_item(column, *, attachments=(), **fields):
    number = GovernmentInformationPage.objects.count() + 1
    values = {
        "title": "关于凤凰镇征收土地补偿安置情况的公示",
        "slug": f"draft-{number}",
        "live": False,
        "written_on": date(2026, 3, 2),
        "summary": "公示补偿安置情况。",
        "document_number": f"临自然资发〔2026〕{number}号",
        **fields,
    }
    item = GovernmentInformationPage(**values)
    column.add_child(instance=item)
    item.attachments = [
        ItemAttachment(
            document=store_attachment(file=file, actor=None), sort_order=order
        )
        for order, file in enumerate(attachments)
    ]
    item.save()
    return item


@pytest.mark.django_db
def test_an_id_number_in_an_attached_docx_blocks_submission(columns):
    data = make_docx(["补偿明细", f"张三 {VALID_ID} 补偿款12万元"])
    item = draft_item(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        attachments=[AttachmentFile(name="明细.docx", data=data)],
        document_number="临自然资发[2026]3号",
    )
    findings = check_item(item=item, lists=seed_lists(), today=TODAY)
    assert [(f.kind, f.location) for f in blocking(findings)] == [
        ("document_number", "文号"),
        ("personal_id", "附件《明细.docx》"),
    ]


@pytest.mark.django_db
def test_a_clean_item_passes(columns):
    item = draft_item(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        body=[("text", "<p>经审查，现予公示。联系电话：0533-7180000。</p>")],
    )
    assert check_item(item=item, lists=seed_lists(), today=TODAY) == []


@pytest.mark.django_db
def test_item_links_resolve_against_the_page_tree_and_documents(columns):
    column = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    target = draft_item(column, live=True)
    document = store_attachment(
        file=AttachmentFile(name="图.docx", data=make_docx(["无个人信息"])), actor=None
    )
    body = (
        f'<p><a linktype="page" id="{target.pk}">已发布</a>'
        '<a linktype="page" id="999999">已删除</a>'
        f'<a linktype="document" id="{document.pk}">附件</a>'
        f'<a href="{target.url}">路径</a><a href="{column.url}nothing-here/">坏路径</a>'
        f'<a href="/documents/{document.pk}/{document.filename}">下载</a>'
        f'<a href="http://testserver{target.url}">本站全址</a>'
        '<a href="https://www.gov.cn/">外链</a></p>'
    )
    item = draft_item(column, body=[("text", body)])
    findings = check_item(item=item, lists=seed_lists(), today=TODAY)
    assert [(f.text, f.severity) for f in findings] == [
        ("page:999999", Severity.ERROR),
        (f"{column.url}nothing-here/", Severity.ERROR),
        ("https://www.gov.cn/", Severity.WARNING),
    ]
    assert all(f.location == "正文链接" for f in findings)


@pytest.mark.django_db
def test_a_missing_attachment_file_is_an_error(columns):
    item = draft_item(
        columns["法定主动公开内容/重点领域信息公开/征地信息"],
        attachments=[AttachmentFile(name="表.docx", data=make_docx(["表"]))],
    )
    document = item.attachments.first().document
    document.file.storage.delete(document.file.name)
    [finding] = check_item(item=item, lists=seed_lists(), today=TODAY)
    assert (finding.kind, finding.location) == ("link", "附件《表.docx》")


# --- The editable lists ------------------------------------------------------


@pytest.mark.django_db
def test_loading_the_seed_lists_is_idempotent_and_keeps_office_edits():
    call_command("load_check_lists", stdout=StringIO())
    seed = seed_lists()
    assert CommonMisspelling.objects.count() == len(seed.misspellings)
    assert SensitiveExpression.objects.count() == len(seed.sensitive)
    entry = CommonMisspelling.objects.get(wrong="布署")
    assert entry.revisions.count() == 1

    entry.note = "办公室补充的说明"
    entry.save()
    entry.save_revision(log_action=True)
    deleted = SensitiveExpression.objects.get(expression="弱智")
    log(instance=deleted, action="wagtail.delete")
    deleted.delete()

    output = StringIO()
    call_command("load_check_lists", stdout=output)
    assert "新增敏感表述0条、常见错别字0条" in output.getvalue()
    assert CommonMisspelling.objects.count() == len(seed.misspellings)
    assert CommonMisspelling.objects.get(wrong="布署").note == "办公室补充的说明"
    assert not SensitiveExpression.objects.filter(expression="弱智").exists()


@pytest.mark.django_db
def test_checks_use_the_lists_the_office_keeps():
    assert current_lists() == seed_lists()
    CommonMisspelling.objects.create(wrong="征地公式", right="征地公示")
    lists = current_lists()
    assert [f.suggestion for f in check_text("征地公式", lists=lists)] == ["征地公示"]


@pytest.mark.django_db
def test_office_edits_the_lists_in_the_admin_with_history(client):
    admin = User.objects.create_superuser("office-admin", password="a-long-password-1")
    client.force_login(admin)
    call_command("load_check_lists", stdout=StringIO())
    listing = client.get(
        reverse("wagtailsnippets_review_commonmisspelling:list"), {"q": "布署"}
    )
    assert listing.status_code == 200
    assert "布署" in listing.content.decode()
    entry = SensitiveExpression.objects.get(expression="台湾政府")
    response = client.post(
        reverse("wagtailsnippets_review_sensitiveexpression:edit", args=[entry.pk]),
        {"expression": "台湾政府", "severity": "error", "note": "应称台湾当局。"},
    )
    assert response.status_code == 302
    assert entry.revisions.count() == 2
    history = client.get(
        reverse("wagtailsnippets_review_sensitiveexpression:history", args=[entry.pk])
    )
    assert history.status_code == 200
