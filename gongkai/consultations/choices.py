"""States and classes of consultations, comments and adoption reports, with
the transitions they may make."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Phase(models.TextChoices):
    """Where a published consultation stands on a day (from its dates)."""

    NOT_PUBLISHED = "not_published", _("未发布")
    UPCOMING = "upcoming", _("尚未开始")
    OPEN = "open", _("正在征求意见")
    CLOSED = "closed", _("征求意见已结束")
    WITHDRAWN = "withdrawn", _("已撤回")


class ChannelKind(models.TextChoices):
    """The ways a consultation is announced (work plan 二、1; 713号 Art. 15)."""

    PORTAL = "portal", _("门户网站")
    NEW_MEDIA = "new_media", _("政务新媒体")
    READING_ROOM = "reading_room", _("政府信息查阅场所")
    NEWSPAPER = "newspaper", _("报刊")
    RADIO = "radio", _("广播")
    TV = "tv", _("电视")
    OTHER = "other", _("其他")


class ParticipationKind(models.TextChoices):
    SYMPOSIUM = "symposium", _("座谈会")
    HEARING = "hearing", _("听证会")
    FIELD_VISIT = "field_visit", _("实地走访")
    SURVEY = "survey", _("民意调查")
    OTHER = "other", _("其他")


class CommentStatus(models.TextChoices):
    """先审后发: a comment is shown only once approved. Comments the filters
    suspect wait as 疑似垃圾 for a person to decide; nothing is dropped."""

    PENDING = "pending", _("待审核")
    SUSPECTED = "suspected", _("疑似垃圾信息")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")


COMMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    CommentStatus.PENDING: frozenset({CommentStatus.APPROVED, CommentStatus.REJECTED}),
    CommentStatus.SUSPECTED: frozenset(
        {CommentStatus.APPROVED, CommentStatus.REJECTED}
    ),
    CommentStatus.APPROVED: frozenset({CommentStatus.REJECTED}),
    CommentStatus.REJECTED: frozenset({CommentStatus.APPROVED}),
}


class Verdict(models.TextChoices):
    UNDECIDED = "undecided", _("未处理")
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")


class AdoptionStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("审核中")
    PUBLISHED = "published", _("已发布")


ADOPTION_TRANSITIONS: dict[str, frozenset[str]] = {
    AdoptionStatus.DRAFT: frozenset({AdoptionStatus.IN_REVIEW}),
    AdoptionStatus.IN_REVIEW: frozenset(
        {AdoptionStatus.DRAFT, AdoptionStatus.PUBLISHED}
    ),
    AdoptionStatus.PUBLISHED: frozenset(),
}


def can_move(table: dict[str, frozenset[str]], current: str, target: str) -> bool:
    return target in table.get(current, frozenset())
