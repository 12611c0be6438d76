import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from docx import Document
from pypdf import PdfReader

from gongkai.applications.report import ReportCheckError
from gongkai.reports import documents, figures, selectors, services
from gongkai.reports.choices import ReportStatus
from gongkai.reports.due import due_reminder, report_due_on
from gongkai.reports.errors import ReportRefusedError
from gongkai.reports.models import EnteredFigure
from gongkai.reports.tests.conftest import fill_sections

pytestmark = pytest.mark.django_db

# 一、本年新收: 自然人 2, 商业企业 1, 法律服务机构 1; 二、上年结转: 科研机构 1;
# （一）予以公开 3, （二）部分公开 1; 四、结转下年度: 法律服务机构 1.
RECEIVED = ["2", "1", "0", "0", "1", "0", "4"]
CARRIED_IN = ["0", "0", "1", "0", "0", "0", "1"]
DISCLOSED = ["1", "1", "1", "0", "0", "0", "3"]
TOTAL = ["2", "1", "1", "0", "0", "0", "4"]
CARRIED_OUT = ["0", "0", "0", "0", "1", "0", "1"]


def _row_values(table, label):
    for row in table.rows:
        texts = [cell.text for cell in row.cells]
        if label in texts:
            return texts[-7:]
    raise AssertionError(label)


def _docx(report):
    data = selectors.report_figures(report)
    return Document(
        io.BytesIO(documents.render_docx(selectors.report_document(report, data)))
    )


def test_table_3_of_the_report_matches_the_imported_ledger(
    agency, office, imported_ledger
):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    table = selectors.report_figures(report)[figures.TABLE_3]
    assert table["一、本年新收政府信息公开申请数量"]["自然人"] == 2
    assert table["二、上年结转政府信息公开申请数量"]["科研机构"] == 1
    assert table["三、本年度办理结果"]["（一）予以公开"]["总计"] == 3
    assert table["三、本年度办理结果"]["（七）总计"]["总计"] == 4
    assert table["四、结转下年度继续办理"]["法律服务机构"] == 1
    assert "新收政府信息公开申请4件，上年结转1件，办结4件" in report.on_request_text


def test_the_docx_opens_with_the_three_tables_and_the_ledger_figures(
    agency, office, imported_ledger
):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    EnteredFigure.objects.create(
        agency=agency, year=2026, department=office.department,
        licensing_decisions=37, penalty_decisions=5, fees_amount="1.25",
    )  # fmt: skip
    document = _docx(report)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "临淄区自然资源局2026年政府信息公开工作年度报告" in text
    for title in (
        "一、总体情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "六、其他需要报告的事项",
    ):
        assert title in text
    assert len(document.tables) >= 3
    table_2, table_3, table_4 = document.tables[:3]
    cells_2 = [cell.text for row in table_2.rows for cell in row.cells]
    assert "行政规范性文件" in cells_2 and "37" in cells_2 and "1.25" in cells_2
    header = [cell.text for cell in table_3.rows[0].cells]
    assert "申请人情况" in header
    assert [cell.text for cell in table_3.rows[1].cells].count("法人或其他组织") == 5
    assert _row_values(table_3, "一、本年新收政府信息公开申请数量") == RECEIVED
    assert _row_values(table_3, "二、上年结转政府信息公开申请数量") == CARRIED_IN
    assert _row_values(table_3, "（一）予以公开") == DISCLOSED
    assert _row_values(table_3, "（七）总计") == TOTAL
    assert _row_values(table_3, "四、结转下年度继续办理") == CARRIED_OUT
    labels_4 = [cell.text for row in table_4.rows for cell in row.cells]
    assert labels_4.count("未经复议直接起诉") == 5 and labels_4.count("复议后起诉") == 5
    assert len(table_4.columns) == 15


def test_the_pdf_opens_and_carries_the_title(agency, office, imported_ledger):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    data = selectors.report_figures(report)
    pdf = documents.render_pdf(selectors.report_document(report, data))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "临淄区自然资源局2026年政府信息公开工作年度报告"
    assert "申请人情况" in "".join(page.extract_text() for page in reader.pages)


def test_table_2_counts_what_nobody_entered_as_zero_and_says_so(agency, office):
    EnteredFigure.objects.create(
        agency=agency, year=2026, department=office.department, licensing_decisions=4
    )
    data = selectors.live_figures(agency=agency, year=2026)
    table = data[figures.TABLE_2]
    assert table["第二十条第（五）项"]["行政许可"]["本年处理决定数量"] == 4
    assert table["第二十条第（六）项"]["行政处罚"]["本年处理决定数量"] == 0
    assert "行政处罚·本年处理决定数量" in data["未填报"]
    assert "行政许可·本年处理决定数量" not in data["未填报"]


def test_publication_is_refused_while_a_section_is_empty(agency, office):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    with pytest.raises(ReportRefusedError, match="存在的主要问题|尚未填写"):
        services.submit_annual_report(report=report, actor=office)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.item is None


def test_publication_is_refused_when_table_3_breaks_its_check_rule(
    agency, office, monkeypatch
):
    report = fill_sections(
        services.draft_annual_report(agency=agency, year=2026, actor=office)
    )

    def inconsistent(*, agency, year):
        raise ReportCheckError("自然人")

    monkeypatch.setattr(
        "gongkai.applications.selectors.annual_report_figures", inconsistent
    )
    with pytest.raises(ReportRefusedError, match="勾稽关系.*自然人"):
        services.submit_annual_report(report=report, actor=office)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.frozen_figures is None


def test_the_check_rule_names_the_column_that_does_not_add_up():
    row = dict.fromkeys(["自然人", "总计"], 0)
    table = {
        "一、本年新收政府信息公开申请数量": {**row, "自然人": 2, "总计": 2},
        "二、上年结转政府信息公开申请数量": row,
        "三、本年度办理结果": {"（七）总计": {**row, "自然人": 1, "总计": 2}},
        "四、结转下年度继续办理": row,
    }
    assert figures.table_3_problems(table) == ["自然人"]


def test_publication_sends_the_annual_report_item_to_review_with_both_files(
    client, agency, office, imported_ledger
):
    report = fill_sections(
        services.draft_annual_report(agency=agency, year=2026, actor=office)
    )
    report = services.submit_annual_report(report=report, actor=office)
    item = report.item
    assert report.status == ReportStatus.IN_REVIEW
    assert item.get_parent().slug == "annual-reports" and not item.live
    assert item.current_workflow_state is not None
    names = sorted(
        a.document.file.name.rsplit(".", 1)[1] for a in item.attachments.all()
    )
    assert names == ["docx", "pdf"]
    assert "申请人情况" in str(item.body[0].value)
    # Frozen at submission: a new application no longer changes the report.
    assert (
        report.frozen_figures[figures.TABLE_3]["一、本年新收政府信息公开申请数量"][
            "总计"
        ]
        == 4
    )
    item.get_latest_revision().publish(skip_permission_checks=True)
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.published_at
    page = client.get(item.url).content.decode()
    assert (
        "申请人情况" in page
        and "annual-report-2026.docx" in page.lower()
        or "Word版" in page
    )


def test_the_due_date_is_31_january_of_the_next_year():
    assert report_due_on(2026) == dt.date(2027, 1, 31)
    first = due_reminder(today=dt.date(2027, 1, 1), published=False)
    assert (first.year, first.days_left, first.is_overdue) == (2026, 30, False)
    last = due_reminder(today=dt.date(2027, 1, 31), published=False)
    assert (last.days_left, last.is_overdue) == (0, False)
    assert due_reminder(today=dt.date(2027, 2, 1), published=False).is_overdue
    assert due_reminder(today=dt.date(2027, 1, 10), published=True) is None


def test_the_office_is_e_mailed_once_from_1_january_and_once_when_overdue(
    agency, office
):
    with time_machine.travel(dt.date(2027, 1, 2), tick=False):
        assert services.remind_annual_report() == 1
        assert services.remind_annual_report() == 0
    assert mail.outbox[0].to == ["office@example.com"]
    assert "2027年1月31日" in mail.outbox[0].body and "还剩29天" in mail.outbox[0].body
    with time_machine.travel(dt.date(2027, 2, 3), tick=False):
        assert services.remind_annual_report() == 1
        assert services.remind_annual_report() == 0
    assert "逾期" in mail.outbox[1].subject


def test_no_reminder_once_the_report_is_published(agency, office):
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    report.status = ReportStatus.PUBLISHED
    report.save()
    with time_machine.travel(dt.date(2027, 1, 5), tick=False):
        assert services.remind_annual_report() == 0
        assert selectors.reminder_for(agency=agency) is None


def test_the_report_is_published_when_the_third_reviewer_approves_its_item(
    agency, office, imported_ledger
):
    from gongkai.accounts.models import User
    from gongkai.accounts.services import assign_user_to_department
    from gongkai.review.choices import ReviewLevel
    from gongkai.review.services import appoint_reviewer
    from gongkai.review.tests.steps import decide

    def reviewer(username, level):
        user = User.objects.create_user(username, password="a-long-password-1")
        assign_user_to_department(user=user, department=office.department)
        appoint_reviewer(agency=agency, user=user, level=level)
        return user

    first = reviewer("first", ReviewLevel.FIRST)
    second = reviewer("second", ReviewLevel.SECOND)
    final = reviewer("final", ReviewLevel.FINAL)
    report = fill_sections(
        services.draft_annual_report(agency=agency, year=2026, actor=office)
    )
    item = services.submit_annual_report(report=report, actor=office).item
    decide(item, first)
    decide(item, second)
    report.refresh_from_db()
    assert report.status == ReportStatus.IN_REVIEW and not item.live
    decide(item, final, comment="同意发布")
    report.refresh_from_db()
    assert item.live and report.status == ReportStatus.PUBLISHED


def test_a_report_in_review_can_be_reopened_and_its_figures_are_live_again(
    agency, office, imported_ledger
):
    report = fill_sections(
        services.draft_annual_report(agency=agency, year=2026, actor=office)
    )
    item = services.submit_annual_report(report=report, actor=office).item
    report = services.reopen_annual_report(report=report, actor=office)
    item.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.frozen_figures is None
    assert item.current_workflow_state is None and not item.live
    with pytest.raises(ReportRefusedError, match="草稿"):
        services.reopen_annual_report(report=report, actor=office)
    again = services.submit_annual_report(report=report, actor=office)
    assert again.item.pk == item.pk and again.status == ReportStatus.IN_REVIEW
    from gongkai.publishing.models import Attachment

    assert Attachment.objects.count() == 2


def test_new_drafts_take_the_configured_titles_and_prompts(agency, office, settings):
    settings.REPORT_SECTION_TITLES = {
        "title_problems": "五、政府信息公开工作存在的主要问题及改进情况"
    }
    settings.REPORT_SECTION6_PROMPTS = ("（一）信息处理费：{fees}", "（二）其他。")
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    assert report.title_problems == "五、政府信息公开工作存在的主要问题及改进情况"
    assert report.title_appeals == "四、政府信息公开行政复议、行政诉讼情况"
    assert report.other_text.splitlines() == [
        "（一）信息处理费：本年度收取信息处理费0元。",
        "（二）其他。",
    ]


def test_section_one_counts_the_items_published_in_the_year_by_column(
    agency, office, columns
):
    from gongkai.publishing.services import ItemData, publish_item

    column = columns["政府信息公开年报"]
    for title in ("甲", "乙"):
        publish_item(
            column=column,
            data=ItemData(title=title, written_on=dt.date(2026, 3, 1), summary="摘要"),
            published_on=dt.date(2026, 3, 2),
            actor=None,  # an import: published before, elsewhere
        )
    report = services.draft_annual_report(agency=agency, year=2026, actor=office)
    assert "主动公开政府信息2条，其中政府信息公开年报2条" in report.proactive_text
