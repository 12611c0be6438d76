"""The documents of an expropriation, in the order of the procedure, and
the ways a notice reaches a village."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StageKind(models.TextChoices):
    POLICY = "policy", _("法律法规及政策")
    PRE_ANNOUNCEMENT = "pre_announcement", _("征收土地预公告")
    SURVEY = "survey", _("土地现状调查结果")
    COMPENSATION_PLAN = "compensation_plan", _("征地补偿安置方案公告")
    HEARING = "hearing", _("听证")
    PROPOSAL = "proposal", _("建设用地项目呈报说明书")
    CONVERSION_PLAN = "conversion_plan", _("农用地转用方案")
    FARMLAND_PLAN = "farmland_plan", _("补充耕地方案")
    EXPROPRIATION_PLAN = "expropriation_plan", _("征收土地方案")
    SUPPLY_PLAN = "supply_plan", _("供地方案")
    APPROVAL = "approval", _("农用地转用和土地征收批复")
    FORWARDING = "forwarding", _("批复转发文件")
    ANNOUNCEMENT = "announcement", _("征收土地公告")
    COMPENSATION_DECISION = "compensation_decision", _("征地补偿安置决定")
    COMPENSATION_RECORD = "compensation_record", _("征地补偿登记及支付情况")


STAGE_ORDER = tuple(StageKind.values)
# 一书四方案: the explanation and the four plans sent up with the request.
ONE_BOOK_FOUR_PLANS = (
    StageKind.PROPOSAL,
    StageKind.CONVERSION_PLAN,
    StageKind.FARMLAND_PLAN,
    StageKind.EXPROPRIATION_PLAN,
    StageKind.SUPPLY_PLAN,
)
REQUIRED_STAGES = frozenset(
    {
        StageKind.PRE_ANNOUNCEMENT,
        StageKind.COMPENSATION_PLAN,
        *ONE_BOOK_FOUR_PLANS,
        StageKind.APPROVAL,
        StageKind.ANNOUNCEMENT,
    }
)
# Stages posted in the villages for a period (Art. 26, 28).
POSTED_STAGES = frozenset({StageKind.PRE_ANNOUNCEMENT, StageKind.COMPENSATION_PLAN})


class StageState(models.TextChoices):
    DONE = "done", _("已公开")
    PENDING = "pending", _("待公开")
    LATE = "late", _("已超期")
    PROBLEM = "problem", _("不符合要求")
    NOT_NEEDED = "not_needed", _("无需公开")


class DeliveryChannel(models.TextChoices):
    BULLETIN_BOARD = "bulletin_board", _("村务公开栏张贴")
    WECHAT_GROUP = "wechat_group", _("村民微信群")
    BROADCAST = "broadcast", _("村广播")
    DOOR_TO_DOOR = "door_to_door", _("入户送达")
