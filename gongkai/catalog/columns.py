"""The standard column tree (栏目) of a 政府信息公开 platform.

国办公开办函〔2019〕61号 fixes the four sub-columns 政府信息公开指南、政府信息公开
制度、法定主动公开内容、政府信息公开年报 (names UNCONFIRMED, domain-rules §3.4 and
§7 item 6: editable in the page tree after creation). 法定主动公开内容 follows
条例 Art. 20–21 and the bureau's 2023 work plan.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColumnKind(models.TextChoices):
    """What a column publishes, which sets how often it must change
    (国办秘函〔2019〕19号 单项否决 item 4, domain-rules §3.2)."""

    NEWS = "news", _("动态/要闻")
    NOTICES = "notices", _("通知公告")
    POLICIES = "policies", _("政策文件")
    TOPIC = "topic", _("专题")
    BASIC = "basic", _("基本信息")
    OTHER = "other", _("其他")


# The expected update cycle of each kind, in days, when a column sets none:
# 动态/要闻 2 weeks, 通知公告 and 政策文件 6 months (§3.2 item 4); 专题 and
# other columns 6 months, the operators' rule of thumb; 基本信息 (指南, 机构
# 职能, 制度) changes rarely, so a year. Each column may set its own.
KIND_UPDATE_INTERVAL_DAYS: dict[str, int] = {
    ColumnKind.NEWS: 14,
    ColumnKind.NOTICES: 180,
    ColumnKind.POLICIES: 180,
    ColumnKind.TOPIC: 180,
    ColumnKind.BASIC: 365,
    ColumnKind.OTHER: 180,
}
# The kinds whose staleness adds up towards the ≥5 veto of §3.2 item 4.
FREQUENT_KINDS = frozenset({ColumnKind.NEWS, ColumnKind.NOTICES, ColumnKind.POLICIES})


@dataclass(frozen=True)
class ColumnSpec:
    title: str
    slug: str
    description: str = ""
    # Departments (by name) responsible for the column's content.
    departments: tuple[str, ...] = ()
    kind: str = ColumnKind.OTHER
    # None: the cycle of the kind (KIND_UPDATE_INTERVAL_DAYS).
    update_interval_days: int | None = None
    # 三同步: documents here are released only with their 政策解读 (work
    # plan task 9: 行政规范性文件 are always interpreted).
    requires_interpretation: bool = False
    # Where the agency's 政策解读 go (drafted from their document).
    holds_interpretations: bool = False
    children: tuple["ColumnSpec", ...] = field(default_factory=tuple)


ROOT_TITLE = "政府信息公开"
ROOT_SLUG = "xxgk"
# The 政府信息公开指南 column shows the generated guide (catalog.guide).
GUIDE_SLUG = "guide"

STANDARD_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        "政府信息公开指南",
        "guide",
        "公开方式、公开内容分类编排、获取方式和工作机构联系方式。",
        kind=ColumnKind.BASIC,
    ),
    ColumnSpec(
        "政府信息公开制度",
        "rules",
        "本机关政府信息公开工作制度。",
        kind=ColumnKind.BASIC,
    ),
    ColumnSpec(
        "法定主动公开内容",
        "statutory",
        "依照《中华人民共和国政府信息公开条例》第二十条、第二十一条主动公开的政府信息。",
        children=(
            ColumnSpec(
                "机构职能",
                "organisation",
                "机构设置、主要职责、领导信息和联系方式。",
                kind=ColumnKind.BASIC,
            ),
            ColumnSpec(
                "政策文件",
                "policies",
                "本机关制发的政策文件。",
                kind=ColumnKind.POLICIES,
                departments=("法规科",),
                children=(
                    ColumnSpec(
                        "行政规范性文件",
                        "normative",
                        kind=ColumnKind.POLICIES,
                        departments=("法规科",),
                        requires_interpretation=True,
                    ),
                    ColumnSpec(
                        "其他文件",
                        "other-documents",
                        kind=ColumnKind.POLICIES,
                        departments=("法规科",),
                    ),
                ),
            ),
            ColumnSpec(
                "政策解读",
                "interpretations",
                "政策文件的解读材料，与原文件双向关联。",
                kind=ColumnKind.POLICIES,
                departments=("法规科",),
                holds_interpretations=True,
            ),
            ColumnSpec(
                "规划信息",
                "planning",
                "国土空间规划及相关规划信息。",
                departments=("国土空间规划科",),
            ),
            ColumnSpec(
                "财政信息",
                "finance",
                "部门预算、决算，政府采购，逾期未支付中小企业款项情况。",
                departments=("财审科",),
            ),
            ColumnSpec(
                "行政许可和服务",
                "services",
                "行政许可事项目录、权责清单、公共服务事项目录和办事指南。",
                departments=("行政许可科",),
            ),
            ColumnSpec(
                "行政执法公示",
                "enforcement",
                "行政执法主体、依据、程序和结果信息。",
                kind=ColumnKind.NOTICES,
                departments=("执法监察大队",),
            ),
            ColumnSpec(
                "重大行政决策",
                "major-decisions",
                "决策预公开、意见征集及采纳情况、决策结果。",
                departments=("法规科",),
            ),
            ColumnSpec(
                "就业创业",
                "employment",
                "重点群体就业创业政策和培训信息。",
                departments=("人事科",),
            ),
            ColumnSpec(
                "信访信息",
                "petitions",
                "网络信访渠道、通信地址、投诉电话、接待时间地点和办理进展查询方式。",
                kind=ColumnKind.BASIC,
                departments=("信访室",),
            ),
            ColumnSpec(
                "重点领域信息公开",
                "key-areas",
                "自然资源市场交易、地价、征地和矿业权信息。",
                children=(
                    ColumnSpec(
                        "自然资源市场交易",
                        "land-market",
                        "土地供应计划、出让公告、成交公示和供应结果。",
                        kind=ColumnKind.NOTICES,
                        departments=("自然资源利用科",),
                        update_interval_days=14,
                    ),
                    ColumnSpec(
                        "地价信息",
                        "land-prices",
                        "基准地价、标定地价。",
                        departments=("自然资源利用科",),
                    ),
                    ColumnSpec(
                        "征地信息",
                        "expropriation",
                        "农用地转用征收批复、“一书四方案”、征收土地预公告、征收土地公告、征地补偿安置方案公告。",
                        kind=ColumnKind.NOTICES,
                        departments=("耕保科", "国土资源保障中心"),
                        # 征地 notices run on statutory periods of 10 working
                        # and 30 days; the bureau looks every 2 weeks.
                        update_interval_days=14,
                    ),
                    ColumnSpec(
                        "矿业权信息",
                        "mining-rights",
                        "矿业权出让公告公示、审批结果、勘查开采信息公示。",
                        kind=ColumnKind.NOTICES,
                        departments=("矿产资源管理科",),
                    ),
                ),
            ),
        ),
    ),
    ColumnSpec(
        "政府信息公开年报",
        "annual-reports",
        "本机关政府信息公开工作年度报告。",
        # Published once a year by 1/31 (条例 Art. 49), so a year and a month.
        update_interval_days=400,
    ),
    ColumnSpec(
        "依申请公开",
        "on-request",
        "政府信息公开申请的渠道、流程和办理结果。",
        kind=ColumnKind.BASIC,
    ),
)

STANDARD_DEPARTMENTS: tuple[str, ...] = (
    "办公室",
    "财审科",
    "人事科",
    "信访室",
    "法规科",
    "行政许可科",
    "耕保科",
    "国土资源保障中心",
    "国土空间规划科",
    "自然资源利用科",
    "矿产资源管理科",
    "执法监察大队",
)
OFFICE_DEPARTMENT = "办公室"


def column_paths(
    specs: tuple[ColumnSpec, ...] = STANDARD_COLUMNS, prefix: str = ""
) -> list[str]:
    """Every column's path below the 政府信息公开 root, in tree order, e.g.
    "法定主动公开内容/政策文件/行政规范性文件" (the form imports use)."""
    paths = []
    for spec in specs:
        path = f"{prefix}{spec.title}"
        paths.append(path)
        paths.extend(column_paths(spec.children, f"{path}/"))
    return paths
