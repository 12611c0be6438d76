"""States of an annual report and the one table of allowed transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("审核中")
    PUBLISHED = "published", _("已发布")


# A draft goes to 三审 as a portal item; it is published when the item goes
# live, and back to draft when the review sends it back or it is withdrawn.
TRANSITIONS: dict[str, set[str]] = {
    ReportStatus.DRAFT: {ReportStatus.IN_REVIEW},
    ReportStatus.IN_REVIEW: {ReportStatus.PUBLISHED, ReportStatus.DRAFT},
    ReportStatus.PUBLISHED: set(),
}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())
