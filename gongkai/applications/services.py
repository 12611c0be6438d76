"""Writes of the applications: an application filed online, and each step
staff take on a case (补正, 会商 and consultations, extension, reply), every
one audited, with the notice it requires made from the agency's template.
A closed case is read-only."""

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import Agency
from gongkai.accounts.selectors import staff_emails
from gongkai.applications import deadlines, letters, selectors
from gongkai.applications.choices import Channel, Outcome
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    Consultation,
    ConsultationKind,
    Letter,
    LetterTemplate,
    ProactiveDecision,
    ProactiveReview,
)
from gongkai.core.errors import DomainError
from gongkai.core.fields import keyring
from gongkai.core.selectors import working_day_calendar

logger = logging.getLogger(__name__)

# The processing notice shown on the form (PI-02); a new text gets a new version.
NOTICE_VERSION = "2026-1"
# Unambiguous characters: no 0/O, 1/I/L.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8


def query_code_digest(*, number: str, code: str) -> str:
    return keyring().blind_index(code.strip().upper(), context=f"query:{number}")


def query_code_matches(application: Application, code: str) -> bool:
    digest = query_code_digest(number=application.number, code=code)
    return bool(application.query_code_digest) and secrets.compare_digest(
        digest, application.query_code_digest
    )


@dataclass(frozen=True)
class FiledApplication:
    application: Application
    # Shown once to the applicant; only its digest is kept.
    query_code: str


@transaction.atomic
def file_online_application(
    *, agency: Agency, data: dict, attachments=()
) -> FiledApplication:
    """Register an application sent through the portal. Online, the day
    both parties confirm is the receipt date (条例 Art. 31(三)): the platform
    confirms at once, so it is the day of submission."""
    today = timezone.localdate()
    application = Application(
        agency=agency,
        number=f"pending-{secrets.token_hex(8)}",
        channel=Channel.ONLINE,
        received_on=today,
        notice_version=NOTICE_VERSION,
        **data,
    )
    application.save()
    application.number = f"WS{today:%Y}{application.pk:06d}"
    code = "".join(
        secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH)
    )
    application.query_code_digest = query_code_digest(
        number=application.number, code=code
    )
    application.save(update_fields=["number", "query_code_digest", "updated_at"])
    for upload in attachments:
        store_attachment(application=application, upload=upload)
    log(instance=application, action="wagtail.create", user=None)
    refresh_deadline(application)
    prompt_proactive_review(application)
    return FiledApplication(application=application, query_code=code)


def _attachment_context(stored_name: str) -> str:
    return f"applications.ApplicationAttachment:{Path(stored_name).name}"


def store_attachment(*, application: Application, upload) -> ApplicationAttachment:
    """Keep an applicant's file sealed (it may show an ID card: SEC-CRYPT-02)
    under a random name (SEC-UP-04) in private storage."""
    stored_name = f"{secrets.token_hex(16)}.sealed"
    data = upload.read()
    sealed = keyring().seal_bytes(data, context=_attachment_context(stored_name))
    return ApplicationAttachment.objects.create(
        application=application,
        file=ContentFile(sealed, name=stored_name),
        name=Path(upload.name).name[:200],
        size=len(data),
    )


def attachment_content(attachment: ApplicationAttachment) -> bytes:
    with attachment.file.open("rb") as handle:
        sealed = handle.read()
    return keyring().open_bytes(
        sealed, context=_attachment_context(attachment.file.name)
    )


# Deadlines kept on the record -------------------------------------------------


def refresh_deadline(application: Application, *, calendar=None) -> None:
    """Store the reply deadline as the calendar now gives it (none once the
    case is closed, or while it waits for its correction)."""
    due_on, provisional = None, False
    if not application.is_closed:
        case = selectors.case_deadlines(
            application=application, calendar=calendar or working_day_calendar()
        )
        if case.reply_due is not None:
            due_on, provisional = case.reply_due.due_on, case.provisional
    if (due_on, provisional) != (
        application.reply_due_on,
        application.reply_due_provisional,
    ):
        moved = due_on != application.reply_due_on
        application.reply_due_on = due_on
        application.reply_due_provisional = provisional
        changes = {"reply_due_on": due_on, "reply_due_provisional": provisional}
        if moved:
            # A new date gets its own reminders.
            changes.update(reminded_due_soon_on=None, reminded_overdue_on=None)
            application.reminded_due_soon_on = application.reminded_overdue_on = None
        Application.objects.filter(pk=application.pk).update(**changes)


def refresh_open_deadlines() -> int:
    """Recompute every open case's deadline (after the calendar changed);
    returns how many changed."""
    calendar = working_day_calendar()
    changed = 0
    for application in Application.objects.filter(replied_on__isnull=True).iterator():
        before = (application.reply_due_on, application.reply_due_provisional)
        try:
            refresh_deadline(application, calendar=calendar)
        except DomainError as error:
            logger.warning("deadline of application %s: %s", application.pk, error)
            continue
        changed += before != (
            application.reply_due_on,
            application.reply_due_provisional,
        )
    return changed


# Notices -----------------------------------------------------------------------


def _chinese_date(day: dt.date | None) -> str:
    return letters.format_date(day) if day else ""


def _due_text(due) -> str:
    """A deadline as a letter states it, with the caveat while provisional."""
    if due is None:
        return ""
    text = _chinese_date(due.due_on)
    if due.provisional:
        text += _("（暂定，如国务院公布的节假日安排有调整，相应顺延）")
    return text


def letter_template(*, agency: Agency, kind: str) -> LetterTemplate:
    """The agency's template of ``kind``, made from the default text the
    first time it is needed, so the office always edits a real record."""
    template, _created = LetterTemplate.objects.get_or_create(
        agency=agency, kind=kind, defaults={"body": letters.DEFAULT_TEMPLATES[kind]}
    )
    return template


def case_facts(application: Application, **extra: str) -> dict[str, str]:
    """The values of the template placeholders for ``application``."""
    agency = application.agency
    facts = {
        "机关名称": agency.name,
        "申请人": application.applicant_name,
        "申请编号": application.number,
        "收到日期": _chinese_date(application.received_on),
        "申请内容": application.info_title or application.description,
        "救济途径": letters.REMEDIES_TEXT,
        "联系电话": agency.phone,
    }
    if application.outcome:
        category, _colon, reason = str(application.get_outcome_display()).partition(
            "："
        )
        facts.update(
            {
                "办理结果": f"{category}（{reason}）" if reason else category,
                "法律依据": application.legal_basis,
                "答复内容": application.reply_text,
                "答复日期": _chinese_date(application.replied_on),
            }
        )
    if application.correction_requested_on:
        facts.update(
            {
                "补正事项": application.correction_items,
                "补正期限": _chinese_date(application.correction_due_on),
            }
        )
    if application.extension_working_days:
        case = selectors.case_deadlines(application=application)
        facts.update(
            {
                "延期天数": str(application.extension_working_days),
                "延期后答复期限": _due_text(case.reply_due),
                "延期理由": application.extension_reason,
            }
        )
    facts.update({key: value for key, value in extra.items() if value})
    return facts


def _letter_reference(agency: Agency, year: int) -> str:
    """The next number of the agency's notices of ``year``; the agency row is
    locked so that two notices never get the same number."""
    list(Agency.objects.select_for_update().filter(pk=agency.pk).values_list("pk"))
    count = Letter.objects.filter(application__agency=agency, dated__year=year).count()
    # 临自然资发 (the agency's document code) → 临自然资依申告〔2026〕1号
    code = (agency.document_code or agency.short_name or "").removesuffix("发")
    return f"{code}依申告〔{year}〕{count + 1}号"


@transaction.atomic
def make_letter(
    *,
    application: Application,
    kind: str,
    dated: dt.date,
    user=None,
    recipient: str = "",
    **extra: str,
) -> Letter:
    """Fill the agency's template of ``kind`` with the case's facts and
    keep the text; the DOCX and PDF are rendered from it on download."""
    template = letter_template(agency=application.agency, kind=kind)
    body = letters.fill(template.body, case_facts(application, **extra))
    letter = Letter.objects.create(
        application=application,
        kind=kind,
        title=letters.LetterKind(kind).label,
        reference=_letter_reference(application.agency, dated.year),
        recipient=recipient or application.applicant_name,
        body=body,
        dated=dated,
        created_by=user,
    )
    log(
        instance=application,
        action="applications.letter",
        user=user,
        data={"letter": letter.pk, "kind": kind, "title": letter.title},
    )
    return letter


def rendered_letter(letter: Letter, file_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of ``letter`` as DOCX or PDF."""
    document = letters.Letter(
        title=letter.title,
        agency_name=letter.application.agency.name,
        body=letter.body,
        dated=letter.dated,
        reference=letter.reference,
    )
    name = f"{letter.application.number}-{letter.title}"
    if file_format == "pdf":
        return letters.render_pdf(document), "application/pdf", f"{name}.pdf"
    return (
        letters.render_docx(document),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"{name}.docx",
    )


LETTER_LINK_SECONDS = 3600


def letter_token(letter: Letter) -> str:
    """A signed token for the applicant's download link, valid an hour."""
    return signing.dumps(letter.pk, salt="applications.letter")


def letter_from_token(token: str) -> Letter | None:
    try:
        pk = signing.loads(
            token, salt="applications.letter", max_age=LETTER_LINK_SECONDS
        )
    except signing.BadSignature:
        return None
    letter = Letter.objects.select_related("application__agency").filter(pk=pk).first()
    return letter if letter is not None and letter.shown_to_applicant else None


# Steps of a case ----------------------------------------------------------------


def _open_case(application: Application) -> Application:
    """The case locked for the step, refused once closed."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.is_closed:
        raise DomainError(_("该申请已办结归档，不能再修改。"))
    return locked


def _check(application: Application) -> None:
    deadlines.check_dates(selectors.case_dates(application))


def _not_future(day: dt.date, what: str) -> None:
    if day > timezone.localdate():
        raise DomainError(_("%(what)s不能晚于今天。") % {"what": what})


def _record(application: Application, action: str, user, data: dict) -> None:
    application.save()
    _check(application)
    refresh_deadline(application)
    log(instance=application, action=action, user=user, data=data)


@transaction.atomic
def request_correction(
    *,
    application: Application,
    items: str,
    requested_on: dt.date,
    due_on: dt.date,
    user=None,
) -> Letter:
    """The one-time 补正告知 (条例 Art. 30) and its notice."""
    application = _open_case(application)
    if application.correction_requested_on:
        raise DomainError(_("补正告知只能一次性发出，本申请已发出过补正告知。"))
    if not items.strip():
        raise DomainError(_("请写明需要补正的事项。"))
    _not_future(requested_on, _("补正告知日期"))
    latest = selectors.case_deadlines(application=application).correction_notice_due
    if requested_on > latest.due_on:
        raise DomainError(
            _(
                "补正告知应在收到申请之日起%(days)d个工作日内（%(due)s前）发出，"
                "已超过期限，请直接答复。"
            )
            % {
                "days": deadlines.CORRECTION_NOTICE_WORKING_DAYS,
                "due": _chinese_date(latest.due_on),
            }
        )
    if due_on <= requested_on:
        raise DomainError(_("补正期限须晚于补正告知日期。"))
    application.correction_requested_on = requested_on
    application.correction_items = items.strip()
    application.correction_due_on = due_on
    _record(
        application,
        "applications.correction_requested",
        user,
        {"requested_on": requested_on.isoformat(), "due_on": due_on.isoformat()},
    )
    return make_letter(
        application=application,
        kind=letters.LetterKind.CORRECTION,
        dated=requested_on,
        user=user,
    )


@transaction.atomic
def record_correction(
    *,
    application: Application,
    received_on: dt.date,
    late_reason: str = "",
    user=None,
) -> Application:
    """The corrected application arrived: the clock restarts from that day.
    After the period the notice set, only with the applicant's good reason
    (正当理由, Art. 30), which is recorded."""
    application = _open_case(application)
    if not application.correction_requested_on:
        raise DomainError(_("未发出补正通知，不能登记补正材料。"))
    if application.correction_received_on:
        raise DomainError(_("本申请已登记过补正材料。"))
    _not_future(received_on, _("收到补正材料日期"))
    late = received_on > application.correction_due_on
    if late and not late_reason.strip():
        raise DomainError(
            _("补正材料在补正期限（%(due)s）后收到，请写明申请人逾期的正当理由。")
            % {"due": _chinese_date(application.correction_due_on)}
        )
    application.correction_received_on = received_on
    data = {"received_on": received_on.isoformat()}
    if late:
        data["late_reason"] = late_reason.strip()
    _record(application, "applications.correction_received", user, data)
    return application


@transaction.atomic
def start_consultation(
    *,
    application: Application,
    kind: str,
    party: str,
    subject: str,
    sent_on: dt.date,
    user=None,
) -> Consultation:
    """会商 with departments, or a written request for opinions to a third
    party (Art. 32, with its 征求第三方意见书) or another agency (Art. 34)."""
    application = _open_case(application)
    if not party.strip():
        raise DomainError(_("请填写征求意见的对象。"))
    _not_future(sent_on, _("发出日期"))
    consultation = Consultation.objects.create(
        application=application,
        kind=kind,
        party=party.strip(),
        subject=subject.strip(),
        sent_on=sent_on,
    )
    _record(
        application,
        "applications.consultation",
        user,
        {"consultation": consultation.pk, "kind": kind, "party": party},
    )
    if kind == ConsultationKind.THIRD_PARTY:
        due = working_day_calendar().deadline(
            sent_on, deadlines.CONSULTATION_WORKING_DAYS
        )
        make_letter(
            application=application,
            kind=letters.LetterKind.THIRD_PARTY,
            dated=sent_on,
            user=user,
            recipient=consultation.party,
            第三方=consultation.party,
            意见期限=_chinese_date(due.due_on),
        )
    return consultation


@transaction.atomic
def report_assistance(
    *, application: Application, department, findings: str, user=None
) -> Consultation:
    """A handling department's answer (协助调查): what it searched and found,
    recorded as its 会商 with the day it answered."""
    application = _open_case(application)
    if not application.handling_departments.filter(pk=department.pk).exists():
        raise DomainError(_("本科室不是该申请的承办科室。"))
    if not findings.strip():
        raise DomainError(_("请填写检索结果和协办意见。"))
    today = timezone.localdate()
    consultation = Consultation.objects.create(
        application=application,
        kind=ConsultationKind.DEPARTMENT,
        party=department.name,
        subject=_("协助调查"),
        sent_on=today,
        answered_on=today,
        answer=findings.strip(),
    )
    log(
        instance=application,
        action="applications.assisted",
        user=user,
        data={"consultation": consultation.pk, "department": department.name},
    )
    return consultation


@transaction.atomic
def record_answer(
    *, consultation: Consultation, answered_on: dt.date, answer: str, user=None
) -> Consultation:
    """The consulted party's answer: the clock runs again from the next day."""
    application = _open_case(consultation.application)
    if consultation.answered_on:
        raise DomainError(_("该征求意见已登记过答复。"))
    _not_future(answered_on, _("收到意见日期"))
    consultation.answered_on = answered_on
    consultation.answer = answer.strip()
    consultation.save()
    _record(
        application,
        "applications.consultation_answered",
        user,
        {"consultation": consultation.pk, "answered_on": answered_on.isoformat()},
    )
    return consultation


@transaction.atomic
def extend(
    *,
    application: Application,
    working_days: int,
    reason: str,
    approved_by: str,
    approved_on: dt.date,
    user=None,
) -> Letter:
    """The one extension (Art. 33): at most 20 working days, approved by the
    head of the disclosure office, and notified to the applicant."""
    application = _open_case(application)
    if application.extension_working_days:
        raise DomainError(_("答复期限只能延长一次，本申请已经延期。"))
    if not 1 <= working_days <= deadlines.MAX_EXTENSION_WORKING_DAYS:
        raise DomainError(
            _("延期答复最长不得超过%(days)d个工作日。")
            % {"days": deadlines.MAX_EXTENSION_WORKING_DAYS}
        )
    if not approved_by.strip() or not reason.strip():
        raise DomainError(_("延期须写明理由，并经政府信息公开工作机构负责人同意。"))
    _not_future(approved_on, _("批准日期"))
    case = selectors.case_deadlines(application=application)
    if case.reply_due is None:
        raise DomainError(_("申请尚待补正，答复期限未开始计算，不能延期。"))
    if not application.received_on <= approved_on <= case.reply_due.due_on:
        raise DomainError(
            _("延期须在答复期限（%(due)s）届满前批准。")
            % {"due": _chinese_date(case.reply_due.due_on)}
        )
    application.extension_working_days = working_days
    application.extension_reason = reason.strip()
    application.extension_approved_by = approved_by.strip()
    application.extension_approved_on = approved_on
    _record(
        application,
        "applications.extended",
        user,
        {"working_days": working_days, "approved_by": approved_by},
    )
    return make_letter(
        application=application,
        kind=letters.LetterKind.EXTENSION,
        dated=approved_on,
        user=user,
    )


@transaction.atomic
def reply(
    *,
    application: Application,
    outcome: str,
    legal_basis: str,
    reply_text: str,
    replied_on: dt.date,
    user=None,
) -> Letter:
    """Close the case with one outcome and its legal basis, and make the
    reply letter (告知书) with the applicant's remedies. The case becomes
    read-only."""
    application = _open_case(application)
    if outcome not in Outcome.values:
        raise DomainError(_("请选择办理结果。"))
    if not legal_basis.strip():
        raise DomainError(_("请填写答复的法律依据。"))
    if replied_on < application.received_on:
        raise DomainError(_("答复日期不能早于收到申请日期。"))
    _not_future(replied_on, _("答复日期"))
    application.outcome = outcome
    application.legal_basis = legal_basis.strip()
    application.reply_text = reply_text.strip()
    application.replied_on = replied_on
    _record(
        application,
        "applications.replied",
        user,
        {"outcome": outcome, "replied_on": replied_on.isoformat()},
    )
    return make_letter(
        application=application,
        kind=letters.LetterKind.REPLY,
        dated=replied_on,
        user=user,
    )


@transaction.atomic
def close_abandoned(
    *, application: Application, today: dt.date | None = None, user=None
) -> Application:
    """An application not corrected within the period the notice set is
    deemed abandoned (视为放弃申请, 条例 Art. 30) and processing ends: the
    case closes under 其他处理 (annual-report row （六）1) without a letter."""
    today = today or timezone.localdate()
    application = _open_case(application)
    case = selectors.case_deadlines(application=application, today=today)
    if not case.is_abandoned:
        raise DomainError(_("补正期限未过或已收到补正材料，不能按视为放弃申请办结。"))
    application.outcome = Outcome.OTHER_NOT_CORRECTED
    application.legal_basis = _("《中华人民共和国政府信息公开条例》第三十条")
    application.reply_text = _(
        "申请人未在补正期限（%(due)s）内补正，视为放弃申请，不再处理。"
    ) % {"due": _chinese_date(application.correction_due_on)}
    application.replied_on = today
    _record(
        application,
        "applications.abandoned",
        user,
        {"correction_due_on": application.correction_due_on.isoformat()},
    )
    return application


def close_all_abandoned(*, today: dt.date | None = None) -> int:
    """Close every case still uncorrected ``ABANDONMENT_GRACE_WORKING_DAYS``
    after its correction period (daily job): the grace lets a correction
    that arrived in time by post be registered first. Until then the case
    is flagged on the dashboard, where the office may close it at once."""
    today = today or timezone.localdate()
    calendar = working_day_calendar()
    closed = 0
    for application in Application.objects.filter(
        replied_on__isnull=True,
        correction_requested_on__isnull=False,
        correction_received_on__isnull=True,
        correction_due_on__lt=today,
    ):
        grace_ends = calendar.deadline(
            application.correction_due_on, settings.ABANDONMENT_GRACE_WORKING_DAYS
        ).due_on
        if today <= grace_ends:
            continue
        try:
            close_abandoned(application=application, today=today)
        except DomainError as error:
            logger.warning("abandoning application %s: %s", application.pk, error)
            continue
        closed += 1
    return closed


@transaction.atomic
def record_delivery(
    *, letter: Letter, delivered_on: dt.date, method: str, user=None
) -> Letter:
    """How and when a notice reached its addressee (also after closing)."""
    letter.delivered_on = delivered_on
    letter.delivery_method = method.strip()
    letter.save()
    log(
        instance=letter.application,
        action="applications.delivered",
        user=user,
        data={"letter": letter.pk, "delivered_on": delivered_on.isoformat()},
    )
    return letter


# 依申请转主动 ------------------------------------------------------------------


def prompt_proactive_review(application: Application) -> ProactiveReview | None:
    """When enough different applicants asked for similar information,
    put it before the office for review (Art. 44): join the review one of
    them is already in, or open a new one."""
    similar = [
        other for other, _score in selectors.similar_requests(application=application)
    ]
    applicants = {selectors.applicant_key(application)} | {
        selectors.applicant_key(other) for other in similar
    }
    if len(applicants) < settings.PROACTIVE_PROMPT_MIN_APPLICANTS:
        return None
    review = (
        ProactiveReview.objects.filter(
            applications__in=[application, *similar],
            decision=ProactiveDecision.PENDING,
        )
        .order_by("-created_at")
        .first()
    )
    if review is None:
        review = ProactiveReview.objects.create(
            agency=application.agency,
            topic=(selectors.request_text(application) or application.number)[:300],
        )
        log(instance=review, action="wagtail.create", user=None)
    review.applications.add(application, *similar)
    return review


# Reminders ----------------------------------------------------------------------


def remind_deadlines(*, today: dt.date | None = None) -> int:
    """E-mail the office and the handling departments once when a case
    comes within 5 working days of its reply deadline, and once when it is
    overdue; returns how many reminders went out."""
    today = today or timezone.localdate()
    sent = 0
    for application, case in selectors.due_cases(today=today):
        if case.is_overdue:
            field, subject = (
                "reminded_overdue_on",
                _("【已超期】政府信息公开申请 %(number)s 已超过答复期限"),
            )
        elif case.is_due_soon:
            field, subject = (
                "reminded_due_soon_on",
                _("【即将到期】政府信息公开申请 %(number)s 将于 %(due)s 到期"),
            )
        else:
            continue
        if getattr(application, field):
            continue
        recipients = staff_emails(
            agency=application.agency,
            departments=application.handling_departments.all(),
        )
        due = case.reply_due.due_on
        body = _(
            "申请编号：%(number)s\n申请内容：%(content)s\n收到日期：%(received)s\n"
            "答复期限：%(due)s%(provisional)s\n剩余工作日：%(left)s\n\n"
            "请登录管理后台及时办理。"
        ) % {
            "number": application.number,
            "content": application.info_title or application.description[:80],
            "received": _chinese_date(application.received_on),
            "due": _chinese_date(due),
            "provisional": _("（暂定）") if case.provisional else "",
            "left": case.working_days_left,
        }
        if recipients:
            send_mail(
                subject % {"number": application.number, "due": _chinese_date(due)},
                body,
                None,
                recipients,
            )
            sent += 1
        Application.objects.filter(pk=application.pk).update(**{field: today})
        log(
            instance=application,
            action="applications.reminded",
            user=None,
            data={"kind": field, "recipients": len(recipients)},
        )
    return sent
