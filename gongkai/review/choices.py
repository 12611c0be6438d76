"""The levels of the three-level review (三审)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewLevel(models.TextChoices):
    """初审 by the drafting department's head, 复审 by the office (办公室),
    终审 by the leader in charge (domain-rules §6; 条例 Art. 17)."""

    FIRST = "first", _("初审")
    SECOND = "second", _("复审")
    FINAL = "final", _("终审")
