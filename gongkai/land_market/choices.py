"""States and kinds of the land market, with the one transition table of a
notice's publication."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.publishing.generated import GeneratedStatus


class LandUse(models.TextChoices):
    """Uses as 《土地利用现状分类》(GB/T 21010) groups them for supply."""

    COMMERCIAL = "commercial", _("商服用地")
    INDUSTRIAL = "industrial", _("工矿仓储用地")
    RESIDENTIAL = "residential", _("住宅用地")
    PUBLIC = "public", _("公共管理与公共服务用地")
    TRANSPORT = "transport", _("交通运输用地")
    OTHER = "other", _("其他用地")


class TransferMethod(models.TextChoices):
    TENDER = "tender", _("招标")
    AUCTION = "auction", _("拍卖")
    LISTING = "listing", _("挂牌")


class ParcelOutcome(models.TextChoices):
    PENDING = "pending", _("待出让")
    SOLD = "sold", _("成交")
    UNSOLD = "unsold", _("流拍")
    WITHDRAWN = "withdrawn", _("终止出让")


class NoticeKind(models.TextChoices):
    """The documents of one announcement's life, in order."""

    SUPPLY_PLAN = "supply_plan", _("土地供应计划")
    ANNOUNCEMENT = "announcement", _("出让公告")
    TRANSACTION = "transaction", _("成交公示")
    SUPPLY_RESULT = "supply_result", _("供应结果")


# The states of a notice are those of every generated notice.
NoticeStatus = GeneratedStatus
