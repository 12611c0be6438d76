"""Reads of consultations: what the portal shows (published consultations,
approved comments with personal data masked), what a department may see and
moderate, the adoption countdowns, and the adoption report's content."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.consultations import rules
from gongkai.consultations.choices import (
    AdoptionStatus,
    CommentStatus,
    ConsultationStatus,
    Verdict,
)
from gongkai.consultations.models import (
    AdoptionReport,
    Comment,
    CommentGroup,
    Consultation,
)


def sensitive_words() -> list[str]:
    """The office's sensitive expressions (机器预审 word list): a comment
    containing one waits as suspected."""
    from gongkai.review.models import SensitiveExpression

    return list(SensitiveExpression.objects.values_list("expression", flat=True))


def public_consultations(*, agency) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(agency=agency, status=ConsultationStatus.PUBLISHED)
        .select_related("department", "decision")
        .order_by("-opens_on", "-pk")
    )


def public_comments(*, consultation: Consultation) -> list[dict]:
    """Approved comments as the portal shows them: the article, the day and
    the text with ID numbers, phone numbers and e-mails masked; never a
    name."""
    from gongkai.consultations.privacy import public_text

    return [
        {
            "section": comment.section_label,
            "submitted_on": timezone.localdate(comment.submitted_at),
            "body": public_text(comment.body),
        }
        for comment in consultation.comments.filter(status=CommentStatus.APPROVED)
    ]


def visible_consultations(user) -> QuerySet[Consultation]:
    """The office (and whoever oversees decisions) sees every consultation of
    the agency; a department sees those it handles."""
    from gongkai.decisions.selectors import scoped_to_user

    return scoped_to_user(
        Consultation.objects.select_related("agency", "department", "decision"),
        user,
        agency_field="agency",
    )


def moderation_queue(*, consultation: Consultation) -> QuerySet[Comment]:
    return consultation.comments.select_related("moderated_by", "group").order_by(
        "status", "submitted_at", "pk"
    )


def comment_counts(*, consultation: Consultation) -> dict[str, int]:
    counts = dict(
        consultation.comments.values_list("status").annotate(total=Count("pk"))
    )
    return {status: counts.get(status, 0) for status in CommentStatus.values}


def groups_with_counts(*, consultation: Consultation) -> QuerySet[CommentGroup]:
    return consultation.groups.annotate(
        comment_count=Count(
            "comments", filter=Q(comments__status=CommentStatus.APPROVED)
        )
    ).order_by("number", "pk")


def adoption_countdown(
    *, consultation: Consultation, today: dt.date | None = None, calendar=None
) -> rules.AdoptionCountdown:
    from gongkai.core.selectors import working_day_calendar

    report = getattr(consultation, "adoption_report", None)
    published_on = (
        report.published_on
        if report is not None and report.status == AdoptionStatus.PUBLISHED
        else None
    )
    return rules.adoption_countdown(
        issued_on=consultation.issued_on,
        published_on=published_on,
        today=today or timezone.localdate(),
        calendar=calendar or working_day_calendar(),
    )


@dataclass(frozen=True)
class CountdownRow:
    consultation: Consultation
    countdown: rules.AdoptionCountdown


def adoption_countdowns(
    *, consultations, today: dt.date | None = None
) -> list[CountdownRow]:
    """Each consultation's adoption report clock, the breaches first."""
    from gongkai.core.selectors import working_day_calendar

    calendar = working_day_calendar()
    today = today or timezone.localdate()
    rows = [
        CountdownRow(
            consultation=consultation,
            countdown=adoption_countdown(
                consultation=consultation, today=today, calendar=calendar
            ),
        )
        for consultation in consultations.select_related("decision", "adoption_report")
    ]
    order = {"overdue": 0, "due_soon": 1, "running": 2, "late": 3}
    rows.sort(key=lambda row: (order.get(row.countdown.state, 4), -row.consultation.pk))
    return rows


@dataclass(frozen=True)
class AnsweredGroup:
    number: int
    label: str
    comments: int
    verdict: str
    reason: str
    sections: str


@dataclass(frozen=True)
class AdoptionDocument:
    """What the adoption report says, rendered into the item's body."""

    title: str
    introduction: str
    period: str
    channels: list[str]
    received: int
    approved: int
    rejected: int
    groups: list[AnsweredGroup]
    verdict_counts: dict[str, int]
    participations: list = field(default_factory=list)

    @property
    def summary(self) -> str:
        return _(
            "公开征求意见期间共收到意见%(received)d条，经审核有效意见%(approved)d条，"
            "归纳为%(groups)d类，采纳%(adopted)d类、部分采纳%(partly)d类、未采纳%(not)d类。"
        ) % {
            "received": self.received,
            "approved": self.approved,
            "groups": len(self.groups),
            "adopted": self.verdict_counts.get(Verdict.ADOPTED, 0),
            "partly": self.verdict_counts.get(Verdict.PARTLY, 0),
            "not": self.verdict_counts.get(Verdict.NOT_ADOPTED, 0),
        }


def adoption_document(*, report: AdoptionReport) -> AdoptionDocument:
    consultation = report.consultation
    counts = comment_counts(consultation=consultation)
    groups = []
    for group in groups_with_counts(consultation=consultation):
        sections = sorted(
            {
                label
                for label in group.comments.filter(
                    status=CommentStatus.APPROVED
                ).values_list("section_label", flat=True)
                if label
            }
        )
        groups.append(
            AnsweredGroup(
                number=group.number,
                label=group.label,
                comments=group.comment_count,
                verdict=group.get_verdict_display(),
                reason=group.reason,
                sections="、".join(sections),
            )
        )
    verdicts: dict[str, int] = {}
    for group in consultation.groups.all():
        verdicts[group.verdict] = verdicts.get(group.verdict, 0) + 1
    return AdoptionDocument(
        title=str(report),
        introduction=report.introduction,
        period=_("%(start)s至%(end)s，共%(days)d天")
        % {
            "start": f"{consultation.opens_on:%Y年%m月%d日}",
            "end": f"{consultation.closes_on:%Y年%m月%d日}",
            "days": consultation.period_days,
        },
        channels=[
            f"{channel.get_kind_display()}{('（' + channel.name + '）') if channel.name else ''}"
            f" {channel.announced_on:%Y-%m-%d}"
            for channel in consultation.channels.all()
        ],
        received=sum(counts.values()),
        approved=counts[CommentStatus.APPROVED],
        rejected=counts[CommentStatus.REJECTED],
        groups=groups,
        verdict_counts=verdicts,
        participations=list(consultation.participations.all()),
    )
