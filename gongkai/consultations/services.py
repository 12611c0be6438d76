"""Writes of consultations: publishing and withdrawing one, taking a comment
from the public, moderating it (先审后发), grouping similar comments and
answering each group, and sending the adoption report to 三审. Each is one
transaction; staff actions leave an audit entry."""

import secrets
from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.consultations import drafts, filters, grouping, rules, selectors
from gongkai.consultations.choices import (
    ADOPTION_TRANSITIONS,
    COMMENT_TRANSITIONS,
    AdoptionStatus,
    ChannelKind,
    CommentStatus,
    ConsultationStatus,
    Verdict,
    can_move,
)
from gongkai.consultations.errors import ConsultationRefusedError
from gongkai.consultations.models import (
    AdoptionReport,
    Comment,
    CommentGroup,
    Consultation,
    ConsultationChannel,
    ConsultationPolicy,
)
from gongkai.core.fields import keyring

DECISION_COLUMN_SLUG = "major-decisions"
GROUP_LABEL_LENGTH = 60


def _locked(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


@transaction.atomic
def publish_consultation(*, consultation: Consultation, actor: User) -> Consultation:
    """发布: the consultation appears on the portal and takes comments from
    its first day to its last. Refused when the period breaks the rule or
    the draft carries personal data; the portal is recorded as a channel."""
    from gongkai.review.masking import masked_hits

    consultation = _locked(consultation)
    if consultation.status == ConsultationStatus.PUBLISHED:
        raise ConsultationRefusedError(_("该征求意见已经发布。"))
    problems = rules.period_problems(
        opens_on=consultation.opens_on,
        closes_on=consultation.closes_on,
        shortened_reason=consultation.shortened_reason,
        min_days=ConsultationPolicy.load().min_period_days,
        published_on=timezone.localdate(),
    )
    if problems:
        raise ConsultationRefusedError(" ".join(problems.values()))
    text = "\n".join(
        (consultation.draft_text, consultation.explanation, consultation.background)
    )
    if masked_hits(text):
        raise ConsultationRefusedError(
            _("草案、说明或背景中含有身份证号、手机号等个人信息，请处理后再发布。")
        )
    if not drafts.section_choices(consultation.draft_text):
        raise ConsultationRefusedError(_("草案全文为空，不能发布。"))
    consultation.status = ConsultationStatus.PUBLISHED
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["status", "published_at", "updated_at"])
    if not consultation.channels.filter(kind=ChannelKind.PORTAL).exists():
        ConsultationChannel.objects.create(
            consultation=consultation,
            kind=ChannelKind.PORTAL,
            name=consultation.agency.name + _("门户网站"),
            announced_on=timezone.localdate(consultation.published_at),
        )
    log(instance=consultation, action="consultations.published", user=actor)
    return consultation


@transaction.atomic
def withdraw_consultation(
    *, consultation: Consultation, reason: str, actor: User
) -> Consultation:
    """撤回: the consultation leaves the portal; comments are kept."""
    consultation = _locked(consultation)
    if not reason.strip():
        raise ConsultationRefusedError(_("请填写撤回理由。"))
    if consultation.status != ConsultationStatus.PUBLISHED:
        raise ConsultationRefusedError(_("只有已发布的征求意见才能撤回。"))
    consultation.status = ConsultationStatus.WITHDRAWN
    consultation.save(update_fields=["status", "updated_at"])
    log(
        instance=consultation,
        action="consultations.withdrawn",
        user=actor,
        data={"reason": reason},
    )
    return consultation


def source_key(client_address: str) -> str:
    """A keyed hash of the commenter's address (never the address itself)."""
    if not client_address:
        return ""
    return keyring().blind_index(client_address, context="comment_source")


@dataclass(frozen=True)
class CommentData:
    body: str
    section_key: str = ""
    name: str = ""
    contact: str = ""


@transaction.atomic
def submit_comment(
    *, consultation: Consultation, data: CommentData, client_address: str
) -> Comment:
    """A comment from the portal. It waits for moderation; the filters'
    suspicions are noted for the moderator (nothing is dropped)."""
    consultation = _locked(consultation)
    if not consultation.is_open():
        raise ConsultationRefusedError(_("该征求意见不在征求意见期内，不能提交意见。"))
    labels = dict(drafts.section_choices(consultation.draft_text))
    if data.section_key and data.section_key not in labels:
        raise ConsultationRefusedError(_("所选条款不存在，请重新选择。"))
    if consultation.requires_name and not data.name.strip():
        raise ConsultationRefusedError(_("本次征求意见须填写姓名或单位名称。"))
    if consultation.requires_contact and not data.contact.strip():
        raise ConsultationRefusedError(_("本次征求意见须填写联系方式。"))
    policy = ConsultationPolicy.load()
    if len(data.body) > policy.comment_max_length:
        raise ConsultationRefusedError(
            _("意见内容不能超过%(count)d字。") % {"count": policy.comment_max_length}
        )
    key = source_key(client_address)
    earlier = (
        list(
            Comment.objects.filter(consultation=consultation, source_key=key)
            .order_by("-pk")
            .values_list("body", flat=True)[:20]
        )
        if key
        else []
    )
    reasons = filters.suspicion_reasons(
        data.body,
        blocked_words=policy.blocked_word_list() + selectors.sensitive_words(),
        earlier_texts=earlier,
    )
    return Comment.objects.create(
        consultation=consultation,
        section_key=data.section_key,
        section_label=labels.get(data.section_key, ""),
        body=data.body.strip(),
        name=data.name.strip(),
        contact=data.contact.strip(),
        source_key=key,
        status=CommentStatus.SUSPECTED if reasons else CommentStatus.PENDING,
        suspicion="；".join(reasons),
    )


@transaction.atomic
def moderate_comment(
    *, comment: Comment, approve: bool, reason: str, actor: User
) -> Comment:
    """先审后发: approve a comment (it appears on the portal) or reject it
    (a reason is required and kept)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _editable_report(comment.consultation)
    target = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    if not can_move(COMMENT_TRANSITIONS, comment.status, target):
        raise ConsultationRefusedError(
            _("该意见当前为“%(status)s”，不能执行该操作。")
            % {"status": comment.get_status_display()}
        )
    if not approve and not reason.strip():
        raise ConsultationRefusedError(_("不予通过的意见须填写理由。"))
    if not approve and comment.group_id:
        comment.group = None
    comment.status = target
    comment.moderation_reason = reason.strip()
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    comment.save()
    _drop_empty_groups(comment.consultation)
    log(
        instance=comment.consultation,
        action="consultations.comment_approved"
        if approve
        else "consultations.comment_rejected",
        user=actor,
        data={"comment": comment.pk, "reason": comment.moderation_reason},
    )
    return comment


def _label(text: str) -> str:
    """A group's first label: the start of its first comment, with personal
    data masked (the label is printed in the public adoption report)."""
    from gongkai.consultations.privacy import public_text

    text = " ".join(public_text(text).split())
    if len(text) <= GROUP_LABEL_LENGTH:
        return text
    return text[: GROUP_LABEL_LENGTH - 1] + "…"


def _editable_report(consultation: Consultation) -> None:
    report = AdoptionReport.objects.filter(consultation=consultation).first()
    if report is not None and report.status != AdoptionStatus.DRAFT:
        raise ConsultationRefusedError(
            _("意见采纳情况已送审或已发布，不能再修改意见分类和采纳情况。")
        )


@transaction.atomic
def group_comments(*, consultation: Consultation, actor: User) -> int:
    """自动归类: put every approved comment not yet in a group with the
    comments it resembles. Groups already made (and answered) are kept: a
    new comment joins the group of the comments it resembles, or starts a
    group. Returns how many comments were placed."""
    consultation = _locked(consultation)
    _editable_report(consultation)
    approved = list(
        consultation.comments.filter(status=CommentStatus.APPROVED).order_by(
            "submitted_at", "pk"
        )
    )
    threshold = float(ConsultationPolicy.load().grouping_threshold)
    clusters = grouping.group_similar(
        [(comment, comment.body) for comment in approved], threshold=threshold
    )
    number = (
        consultation.groups.order_by("-number").values_list("number", flat=True).first()
        or 0
    )
    placed = 0
    for cluster in clusters:
        loose = [comment for comment in cluster if comment.group_id is None]
        if not loose:
            continue
        grouped = [comment.group_id for comment in cluster if comment.group_id]
        if grouped:
            group_id = max(set(grouped), key=grouped.count)
        else:
            number += 1
            group_id = CommentGroup.objects.create(
                consultation=consultation, number=number, label=_label(loose[0].body)
            ).pk
        Comment.objects.filter(pk__in=[comment.pk for comment in loose]).update(
            group_id=group_id
        )
        placed += len(loose)
    _drop_empty_groups(consultation)
    log(
        instance=consultation,
        action="consultations.grouped",
        user=actor,
        data={"placed": placed},
    )
    return placed


def _drop_empty_groups(consultation: Consultation) -> None:
    consultation.groups.filter(comments__isnull=True).delete()


@transaction.atomic
def answer_group(
    *, group: CommentGroup, label: str, verdict: str, reason: str, actor: User
) -> CommentGroup:
    """采纳情况: the department's answer to one group of similar comments."""
    _editable_report(group.consultation)
    if verdict not in Verdict.values:
        raise ConsultationRefusedError(_("请选择采纳情况。"))
    if not label.strip():
        raise ConsultationRefusedError(_("请填写意见摘要。"))
    group.label = label.strip()[:300]
    group.verdict = verdict
    group.reason = reason.strip()
    group.save()
    log(
        instance=group.consultation,
        action="consultations.group_answered",
        user=actor,
        data={"group": group.pk, "verdict": verdict},
    )
    return group


@transaction.atomic
def move_comment(
    *, comment: Comment, group: CommentGroup | None, actor: User
) -> Comment:
    """Put a comment in another group, or (``group=None``) in a group of its
    own."""
    consultation = comment.consultation
    _editable_report(consultation)
    if comment.status != CommentStatus.APPROVED:
        raise ConsultationRefusedError(_("只有审核通过的意见才能归类。"))
    if group is not None and group.consultation_id != consultation.pk:
        raise ConsultationRefusedError(_("只能归入本次征求意见的同类意见。"))
    if group is None:
        number = (
            consultation.groups.order_by("-number")
            .values_list("number", flat=True)
            .first()
            or 0
        )
        group = CommentGroup.objects.create(
            consultation=consultation, number=number + 1, label=_label(comment.body)
        )
    comment.group = group
    comment.save(update_fields=["group", "updated_at"])
    _drop_empty_groups(consultation)
    log(
        instance=consultation,
        action="consultations.comment_moved",
        user=actor,
        data={"comment": comment.pk, "group": group.pk},
    )
    return comment


def adoption_problems(consultation: Consultation) -> list[str]:
    """Why the adoption report cannot be sent to review yet."""
    problems = []
    if consultation.status != ConsultationStatus.PUBLISHED:
        problems.append(_("征求意见尚未发布。"))
    elif consultation.is_open() or consultation.phase() != "closed":
        problems.append(_("征求意见尚未结束。"))
    if consultation.issued_on is None:
        problems.append(_("尚未填写决策文件出台日期。"))
    waiting = consultation.comments.filter(
        status__in=(CommentStatus.PENDING, CommentStatus.SUSPECTED)
    ).count()
    if waiting:
        problems.append(_("还有%(count)d条意见未审核。") % {"count": waiting})
    loose = consultation.comments.filter(
        status=CommentStatus.APPROVED, group__isnull=True
    ).count()
    if loose:
        problems.append(
            _("还有%(count)d条审核通过的意见未归类，请先自动归类。") % {"count": loose}
        )
    policy = ConsultationPolicy.load()
    problems += rules.answer_problems(
        [
            rules.GroupAnswer(
                label=group.label,
                comments=group.comment_count,
                verdict=group.verdict,
                reason=group.reason,
            )
            for group in selectors.groups_with_counts(consultation=consultation)
        ],
        concentrated=policy.concentrated_comments,
        undecided=Verdict.UNDECIDED,
        rejected={Verdict.NOT_ADOPTED, Verdict.PARTLY},
    )
    return problems


def _decision_column(consultation: Consultation):
    from gongkai.publishing.models import ColumnPage

    column = ColumnPage.objects.filter(
        agency=consultation.agency, slug=DECISION_COLUMN_SLUG
    ).first()
    if column is None:
        raise ConsultationRefusedError(
            _(
                "门户网站没有“重大行政决策”栏目（major-decisions），无法发布意见采纳情况。"
            )
        )
    return column


@transaction.atomic
def submit_adoption_report(
    *, consultation: Consultation, introduction: str, actor: User
) -> AdoptionReport:
    """送审: the adoption report, written from the groups and their answers,
    goes to 三审 as an item of the 重大行政决策 column; it counts as published
    when the item goes live."""
    from gongkai.catalog.choices import Genre
    from gongkai.publishing.errors import SubmissionRefusedError
    from gongkai.publishing.services import ItemData, submit_generated_item

    consultation = _locked(consultation)
    report, _created = AdoptionReport.objects.select_for_update().get_or_create(
        consultation=consultation
    )
    if not can_move(ADOPTION_TRANSITIONS, report.status, AdoptionStatus.IN_REVIEW):
        raise ConsultationRefusedError(_("意见采纳情况已送审或已发布。"))
    problems = adoption_problems(consultation)
    if problems:
        raise ConsultationRefusedError(" ".join(problems))
    report.introduction = introduction.strip()
    document = selectors.adoption_document(report=report)
    try:
        item = submit_generated_item(
            column=_decision_column(consultation),
            data=ItemData(
                title=str(report),
                written_on=timezone.localdate(),
                publisher=consultation.agency.name,
                department=consultation.department,
                genre=Genre.REPORT,
                summary=document.summary,
                body_html=render_to_string(
                    "consultations/adoption_body.html", {"document": document}
                ),
            ),
            existing=report.item,
            slug=f"adoption-{consultation.pk}-{secrets.token_hex(3)}",
            actor=actor,
        )
    except SubmissionRefusedError as error:
        raise ConsultationRefusedError(str(error)) from error
    report.item = item
    report.status = AdoptionStatus.IN_REVIEW
    report.submitted_at = timezone.now()
    report.save()
    log(
        instance=consultation,
        action="consultations.adoption_submitted",
        user=actor,
        data={"item": item.pk},
    )
    return report


@transaction.atomic
def reopen_adoption_report(*, report: AdoptionReport, actor: User) -> AdoptionReport:
    """撤回修改: back to draft while its item is still in review."""
    report = AdoptionReport.objects.select_for_update().get(pk=report.pk)
    if not can_move(ADOPTION_TRANSITIONS, report.status, AdoptionStatus.DRAFT):
        raise ConsultationRefusedError(_("只有审核中的意见采纳情况才能撤回。"))
    if report.item is not None and report.item.current_workflow_state is not None:
        report.item.current_workflow_state.cancel(user=actor)
    report.status = AdoptionStatus.DRAFT
    report.submitted_at = None
    report.save()
    log(
        instance=report.consultation,
        action="consultations.adoption_reopened",
        user=actor,
    )
    return report


@transaction.atomic
def record_adoption_publication(*, item, actor: User | None = None) -> int:
    """The adoption report's item went live at the end of 三审: the report is
    published (and the decision hub links it). Idempotent."""
    changed = 0
    for report in AdoptionReport.objects.select_for_update().filter(
        item_id=item.pk, status=AdoptionStatus.IN_REVIEW
    ):
        report.status = AdoptionStatus.PUBLISHED
        report.published_at = timezone.now()
        report.save(update_fields=["status", "published_at", "updated_at"])
        log(
            instance=report.consultation,
            action="consultations.adoption_published",
            user=actor,
        )
        changed += 1
    return changed
