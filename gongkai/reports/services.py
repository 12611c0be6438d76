"""Writes of the annual report: drafting it pre-filled from the platform's
data, sending it to 三审 as a portal item in the 年报 column with its DOCX and
PDF, recording its publication, and the due reminder. Each service is one
transaction and leaves an audit entry."""

import datetime as dt
import secrets

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import Agency, User
from gongkai.applications.report import ReportCheckError
from gongkai.reports import documents, figures, selectors
from gongkai.reports.choices import ReportStatus, can_move
from gongkai.reports.due import report_due_on
from gongkai.reports.errors import ReportRefusedError
from gongkai.reports.models import AnnualDisclosureReport

ANNUAL_REPORT_COLUMN_SLUG = "annual-reports"


def _move(report: AnnualDisclosureReport, target: str) -> None:
    if not can_move(report.status, target):
        raise ReportRefusedError(
            _("年度报告当前状态为“%(status)s”，不能执行该操作。")
            % {"status": report.get_status_display()}
        )
    report.status = target


@transaction.atomic
def draft_annual_report(
    *, agency: Agency, year: int, actor: User | None
) -> AnnualDisclosureReport:
    """The report on ``year``, created pre-filled when it does not exist:
    section 一 from the platform's figures, 五 and 六 with prompts. An
    existing report is returned as it is (staff text is never replaced)."""
    existing = AnnualDisclosureReport.objects.filter(agency=agency, year=year).first()
    if existing is not None:
        return existing
    report = AnnualDisclosureReport(
        agency=agency, year=year, created_by=actor, **selectors.section_titles()
    )
    try:
        data = selectors.live_figures(agency=agency, year=year)
    except ReportCheckError:
        data = None
    if data is not None:
        for name, text in selectors.overview_facts(
            agency=agency, year=year, data=data
        ).items():
            setattr(report, name, text)
        fees = _("本年度收取信息处理费%(amount)s元。") % {"amount": _fee_yuan(data)}
    else:
        fees = _("（请填写本年度收取信息处理费情况。）")
    report.problems_text = _(
        "（请填写本年度政府信息公开工作存在的主要问题，以及上一年度问题的改进情况。）"
    )
    report.other_text = "\n".join(
        prompt.format(fees=fees) for prompt in selectors.section6_prompts()
    )
    report.save()
    log(instance=report, action="wagtail.create", user=actor, data={"year": year})
    return report


def _fee_yuan(data: dict) -> str:
    """信息处理费 collected. The platform does not yet record fees paid on
    applications, so the office states the amount; 0 until then."""
    return "0"


def _annual_report_column(agency: Agency):
    from gongkai.publishing.models import ColumnPage

    column = ColumnPage.objects.filter(
        agency=agency, slug=ANNUAL_REPORT_COLUMN_SLUG
    ).first()
    if column is None:
        raise ReportRefusedError(
            _(
                "门户网站没有“政府信息公开年报”栏目（annual-reports），无法发布年度报告。"
            )
        )
    return column


def build_files(
    report: AnnualDisclosureReport, data: dict
) -> tuple[documents.ReportDocument, bytes, bytes]:
    document = selectors.report_document(report, data)
    return document, documents.render_docx(document), documents.render_pdf(document)


@transaction.atomic
def submit_annual_report(
    *, report: AnnualDisclosureReport, actor: User
) -> AnnualDisclosureReport:
    """发布: freeze the figures, render the report and send it to 三审 as an
    item of the 年报 column with the DOCX and PDF attached. Nothing is
    published directly; the report counts as published when the item goes
    live.

    The figures are frozen here, at submission, because what the reviewers
    approve (the body and the attached files) must be what goes public.

    Refused when a required section is empty or table 三's check rule
    (一 + 二 = 三（七）总计 + 四) fails."""
    from gongkai.publishing.errors import SubmissionRefusedError
    from gongkai.publishing.services import (
        AttachmentFile,
        ItemData,
        submit_generated_item,
    )

    report = AnnualDisclosureReport.objects.select_for_update().get(pk=report.pk)
    _move(report, ReportStatus.IN_REVIEW)
    empty = selectors.empty_sections(report)
    if empty:
        raise ReportRefusedError(
            _("以下部分尚未填写，不能发布：%(sections)s。")
            % {"sections": "、".join(empty)}
        )
    try:
        data = selectors.live_figures(agency=report.agency, year=report.year)
    except ReportCheckError as error:
        raise ReportRefusedError(
            _(
                "表三数据不满足勾稽关系（第一项加第二项之和等于第三项加第四项之和），"
                "“%(column)s”列不符，请核对申请台账后再发布。"
            )
            % {"column": error}
        ) from error
    problems = figures.table_3_problems(data[figures.TABLE_3])
    if problems:
        raise ReportRefusedError(
            _(
                "表三数据不满足勾稽关系（第一项加第二项之和等于第三项加第四项之和），"
                "“%(column)s”列不符，请核对申请台账后再发布。"
            )
            % {"column": "、".join(problems)}
        )
    column = _annual_report_column(report.agency)
    report.submitted_at = timezone.now()
    report.frozen_figures = data
    document, docx, pdf = build_files(report, data)
    title = report.title
    try:
        item = submit_generated_item(
            column=column,
            data=ItemData(
                title=title,
                written_on=timezone.localdate(report.submitted_at),
                publisher=report.agency.name,
                department=actor.department if actor.department_id else None,
                summary=_(
                    "%(agency)s%(year)d年政府信息公开工作年度报告（全文及附件）。"
                )
                % {"agency": report.agency.name, "year": report.year},
                body_html=documents.render_html(document),
                attachments=[
                    AttachmentFile(
                        name=f"annual-report-{report.year}.{kind}",
                        data=content,
                        title=f"{title}（{label}）",
                    )
                    for kind, label, content in (
                        ("docx", "Word版", docx),
                        ("pdf", "PDF版", pdf),
                    )
                ],
            ),
            existing=report.item,
            slug=f"annual-report-{report.year}-{secrets.token_hex(3)}",
            actor=actor,
        )
    except SubmissionRefusedError as error:
        raise ReportRefusedError(str(error)) from error
    report.item = item
    report.save()
    log(
        instance=report,
        action="reports.submitted",
        user=actor,
        data={"item": item.pk, "year": report.year},
    )
    return report


@transaction.atomic
def reopen_annual_report(
    *, report: AnnualDisclosureReport, actor: User
) -> AnnualDisclosureReport:
    """撤回修改: back to draft while the item is still in review (its review
    is cancelled); the figures are live again."""
    report = AnnualDisclosureReport.objects.select_for_update().get(pk=report.pk)
    _move(report, ReportStatus.DRAFT)
    if report.item is not None:
        state = report.item.current_workflow_state
        if state is not None:
            state.cancel(user=actor)
    report.frozen_figures = None
    report.submitted_at = None
    report.save()
    log(instance=report, action="reports.reopened", user=actor)
    return report


@transaction.atomic
def record_publication(*, item, actor: User | None = None) -> int:
    """The item of a report in review went live: the report is published.
    Idempotent; returns how many reports changed."""
    changed = 0
    for report in AnnualDisclosureReport.objects.select_for_update().filter(
        item_id=item.pk, status=ReportStatus.IN_REVIEW
    ):
        _move(report, ReportStatus.PUBLISHED)
        report.published_at = timezone.now()
        report.save(update_fields=["status", "published_at", "updated_at"])
        log(instance=report, action="reports.published", user=actor)
        changed += 1
    return changed


def remind_annual_report(*, today: dt.date | None = None) -> int:
    """From 1 January, e-mail each agency's office once that the report on
    the previous year is due by 31 January (条例 Art. 49), and once more
    when it is overdue; nothing after publication. A missing draft is
    created pre-filled so that the office finds it waiting. Returns the
    number of e-mails sent."""
    from gongkai.accounts.selectors import staff_emails

    today = today or timezone.localdate()
    sent = 0
    for agency in Agency.objects.all():
        reminder = selectors.reminder_for(agency=agency, today=today)
        if reminder is None:
            continue
        report = draft_annual_report(agency=agency, year=reminder.year, actor=None)
        due_on = report_due_on(reminder.year)
        already = report.reminded_on is not None and (
            not reminder.is_overdue or report.reminded_on > due_on
        )
        if already:
            continue
        recipients = staff_emails(agency=agency, departments=[])
        if recipients:
            if reminder.is_overdue:
                subject = _("【年度报告逾期】%(year)d年政府信息公开工作年度报告") % {
                    "year": reminder.year
                }
                body = _(
                    "按照《中华人民共和国政府信息公开条例》第四十九条，%(year)d年政府信息公开工作年度报告"
                    "应于%(due)s前公布，现已逾期%(days)d天。请尽快登录管理后台完成并发布。"
                ) % {
                    "year": reminder.year,
                    "due": documents.format_date(due_on),
                    "days": -reminder.days_left,
                }
            else:
                subject = _("【年度报告提醒】%(year)d年政府信息公开工作年度报告") % {
                    "year": reminder.year
                }
                body = _(
                    "按照《中华人民共和国政府信息公开条例》第四十九条，%(year)d年政府信息公开工作年度报告"
                    "应于%(due)s前公布，还剩%(days)d天。草稿已按平台数据生成，请登录管理后台完善后发布。"
                ) % {
                    "year": reminder.year,
                    "due": documents.format_date(due_on),
                    "days": reminder.days_left,
                }
            send_mail(subject, body, None, recipients)
            sent += 1
        report.reminded_on = today
        report.save(update_fields=["reminded_on", "updated_at"])
        log(instance=report, action="reports.reminded", user=None)
    return sent
