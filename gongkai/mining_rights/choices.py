from django.db import models
from django.utils.translation import gettext_lazy as _


class RightType(models.TextChoices):
    EXPLORATION = "exploration", _("探矿权")
    EXTRACTION = "extraction", _("采矿权")


class SaleMethod(models.TextChoices):
    TENDER = "tender", _("招标")
    AUCTION = "auction", _("拍卖")
    LISTING = "listing", _("挂牌")


class SaleOutcome(models.TextChoices):
    PENDING = "pending", _("待出让")
    SOLD = "sold", _("成交")
    UNSOLD = "unsold", _("流拍")
    WITHDRAWN = "withdrawn", _("终止出让")


class ApprovalKind(models.TextChoices):
    NEW = "new", _("新立")
    EXTENSION = "extension", _("延续")
    CHANGE = "change", _("变更")
    CANCELLATION = "cancellation", _("注销")


class MiningNoticeKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("出让公告")
    RESULT = "result", _("出让结果公示")
    APPROVAL = "approval", _("审批结果公开")
    DISCLOSURE = "disclosure", _("勘查开采信息公示")
