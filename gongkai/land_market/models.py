"""The land market: yearly supply plans, transfer announcements with their
parcels, and the notices (plan, announcement, 成交公示, 供应结果) that go
public through 三审 as government-information items."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from gongkai.accounts.models import DepartmentRecord
from gongkai.core.models import BaseModel
from gongkai.land_market.choices import (
    LandUse,
    NoticeKind,
    ParcelOutcome,
    TransferMethod,
)
from gongkai.land_market.periods import Periods
from gongkai.publishing.generated import GeneratedNotice

POSITIVE = [MinValueValidator(Decimal("0"))]


@register_setting(icon="date")
class LandMarketPolicy(BaseGenericSetting):
    """The periods of 国土资源部令第39号, kept editable because the listing
    minimum is unconfirmed verbatim (domain-rules §4.2)."""

    announcement_lead_days = models.PositiveSmallIntegerField(
        _("出让公告提前天数"),
        default=20,
        help_text=_("出让公告至少在招标、拍卖、挂牌开始前若干日发布（39号令：20日）。"),
    )
    min_listing_days = models.PositiveSmallIntegerField(
        _("挂牌最短天数"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("挂牌时间不得少于若干日（自然日，含首尾两日）。"),
    )
    listing_warning_working_days = models.PositiveSmallIntegerField(
        _("挂牌期提醒工作日数"),
        default=10,
        help_text=_("挂牌期的工作日少于该数时提示（如跨越节假日）；0 表示不提示。"),
    )
    result_working_days = models.PositiveSmallIntegerField(
        _("结果公布期限（工作日）"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("出让活动结束后若干个工作日内公布出让结果。"),
    )

    class Meta:
        verbose_name = _("土地出让期限设置")

    def periods(self) -> Periods:
        return Periods(
            lead=self.announcement_lead_days,
            min_listing=self.min_listing_days,
            listing_warning_working_days=self.listing_warning_working_days,
            result=self.result_working_days,
        )


class SupplyPlan(ClusterableModel, DepartmentRecord):
    """土地供应计划: one year's planned supply of construction land by use."""

    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=200, blank=True)
    description = models.TextField(_("编制说明"), blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("agency"), FieldPanel("department"), FieldPanel("year")]
        ),
        FieldPanel("title"),
        FieldPanel("description"),
        InlinePanel("lines", heading=_("计划供应面积"), label=_("用途")),
    ]

    class Meta:
        verbose_name = _("土地供应计划")
        verbose_name_plural = _("土地供应计划")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="supply_plan_unique_per_year",
                violation_error_message=_("本机关该年度的土地供应计划已存在。"),
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or _("%(year)d年度国有建设用地供应计划") % {"year": self.year}

    @property
    def planned_hectares(self) -> Decimal:
        return sum((line.hectares for line in self.lines.all()), Decimal("0"))


class SupplyPlanLine(models.Model):
    plan = ParentalKey(SupplyPlan, on_delete=models.CASCADE, related_name="lines")
    use = models.CharField(_("用途"), max_length=20, choices=LandUse.choices)
    hectares = models.DecimalField(
        _("计划面积（公顷）"), max_digits=10, decimal_places=4, validators=POSITIVE
    )

    panels = [FieldRowPanel([FieldPanel("use"), FieldPanel("hectares")])]

    class Meta:
        verbose_name = _("计划供应面积")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "use"],
                name="supply_plan_line_unique_use",
                violation_error_message=_("同一用途只能填写一行。"),
            )
        ]

    def __str__(self):
        return f"{self.get_use_display()} {self.hectares}"


class TransferAnnouncement(DepartmentRecord):
    """One sale (出让公告) of one or more parcels by tender, auction or
    listing."""

    number = models.CharField(
        _("公告编号"), max_length=100, help_text=_("如：临自然资告字〔2026〕3号")
    )
    title = models.CharField(_("公告标题"), max_length=200, blank=True)
    method = models.CharField(
        _("出让方式"),
        max_length=10,
        choices=TransferMethod.choices,
        default=TransferMethod.LISTING,
    )
    sale_starts_on = models.DateField(
        _("出让活动开始日期"), help_text=_("招标投标、拍卖会或挂牌开始的日期。")
    )
    listing_starts_on = models.DateField(_("挂牌开始日期"), null=True, blank=True)
    listing_ends_on = models.DateField(_("挂牌截止日期"), null=True, blank=True)
    place = models.CharField(
        _("交易地点"), max_length=200, blank=True, default=_("网上交易系统")
    )
    registration = models.TextField(
        _("竞买申请方式"),
        blank=True,
        help_text=_("竞买资格、申请方式、保证金缴纳和咨询电话（单位电话）。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("method")]),
        FieldPanel("title"),
        FieldRowPanel(
            [
                FieldPanel("sale_starts_on"),
                FieldPanel("listing_starts_on"),
                FieldPanel("listing_ends_on"),
            ]
        ),
        FieldPanel("place"),
        FieldPanel("registration"),
    ]

    class Meta:
        verbose_name = _("出让公告")
        verbose_name_plural = _("出让公告")
        ordering = ["-sale_starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"],
                name="transfer_announcement_unique_number",
                violation_error_message=_("本机关已有该编号的出让公告。"),
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or _("%(number)s 国有建设用地使用权%(method)s出让公告") % {
            "number": self.number,
            "method": self.get_method_display(),
        }

    @property
    def sold_on(self):
        """The day the sale ends (the listing's last day, else its start)."""
        return self.listing_ends_on or self.sale_starts_on

    def get_absolute_url(self):
        return reverse("land_announcement", args=[self.pk])

    def clean(self):
        if self.method == TransferMethod.LISTING and not (
            self.listing_starts_on and self.listing_ends_on
        ):
            raise ValidationError(
                {"listing_ends_on": _("挂牌出让须填写挂牌开始和截止日期。")}
            )
        if (
            self.listing_starts_on
            and self.listing_ends_on
            and self.listing_ends_on < self.listing_starts_on
        ):
            raise ValidationError(
                {"listing_ends_on": _("挂牌截止日期不能早于挂牌开始日期。")}
            )


class Parcel(BaseModel):
    """A parcel (宗地) from the plan to its supply result: the announcement
    that offers it, its outcome and buyer, and its contract."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    code = models.CharField(_("宗地编号"), max_length=60)
    plan = models.ForeignKey(
        SupplyPlan,
        verbose_name=_("供应计划"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcels",
    )
    announcement = models.ForeignKey(
        TransferAnnouncement,
        verbose_name=_("出让公告"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcels",
    )
    location = models.CharField(_("位置"), max_length=200)
    township = models.CharField(_("镇（街道）"), max_length=50, blank=True)
    area_m2 = models.DecimalField(
        _("面积（平方米）"), max_digits=14, decimal_places=2, validators=POSITIVE
    )
    use = models.CharField(_("用途"), max_length=20, choices=LandUse.choices)
    term_years = models.PositiveSmallIntegerField(_("出让年限（年）"), null=True)
    plot_ratio = models.CharField(_("容积率"), max_length=40, blank=True)
    building_density = models.CharField(_("建筑密度"), max_length=40, blank=True)
    green_ratio = models.CharField(_("绿地率"), max_length=40, blank=True)
    height_limit = models.CharField(_("建筑限高"), max_length=40, blank=True)
    starting_price = models.DecimalField(
        _("起始价（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    deposit = models.DecimalField(
        _("竞买保证金（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    increment = models.DecimalField(
        _("增价幅度（万元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    outcome = models.CharField(
        _("出让结果"),
        max_length=10,
        choices=ParcelOutcome.choices,
        default=ParcelOutcome.PENDING,
    )
    sold_on = models.DateField(_("成交日期"), null=True, blank=True)
    buyer = models.CharField(_("受让人"), max_length=200, blank=True)
    deal_price = models.DecimalField(
        _("成交价（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    contract_number = models.CharField(
        _("合同编号（电子监管号）"), max_length=60, blank=True
    )
    contract_signed_on = models.DateField(_("合同签订日期"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("plan"), FieldPanel("announcement")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("township")]),
        FieldRowPanel(
            [FieldPanel("area_m2"), FieldPanel("use"), FieldPanel("term_years")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("plot_ratio"),
                        FieldPanel("building_density"),
                        FieldPanel("green_ratio"),
                        FieldPanel("height_limit"),
                    ]
                )
            ],
            heading=_("规划指标"),
        ),
        FieldRowPanel(
            [
                FieldPanel("starting_price"),
                FieldPanel("deposit"),
                FieldPanel("increment"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("outcome"), FieldPanel("sold_on"), FieldPanel("buyer")]
                ),
                FieldPanel("deal_price"),
                FieldRowPanel(
                    [FieldPanel("contract_number"), FieldPanel("contract_signed_on")]
                ),
            ],
            heading=_("出让结果和供应结果"),
        ),
    ]

    class Meta:
        verbose_name = _("宗地")
        verbose_name_plural = _("宗地")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"],
                name="parcel_unique_code",
                violation_error_message=_("本机关已有该宗地编号。"),
            )
        ]

    def __str__(self):
        return f"{self.code} {self.location}"

    def get_absolute_url(self):
        return reverse("land_parcel", args=[self.pk])

    @property
    def hectares(self) -> Decimal:
        return (self.area_m2 / Decimal(10000)).quantize(Decimal("0.0001"))

    def clean(self):
        if self.outcome == ParcelOutcome.SOLD and not (
            self.buyer and self.deal_price is not None and self.sold_on
        ):
            raise ValidationError(
                {"outcome": _("成交的宗地须填写成交日期、受让人和成交价。")}
            )


class LandMarketNotice(GeneratedNotice, BaseModel):
    """A document of the land market that goes public as an item through
    三审: the year's plan, a sale's announcement, its 成交公示 or its
    供应结果. ``published_on`` is the day its item went live."""

    kind = models.CharField(_("类别"), max_length=20, choices=NoticeKind.choices)
    plan = models.ForeignKey(
        SupplyPlan,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    announcement = models.ForeignKey(
        TransferAnnouncement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )

    class Meta:
        verbose_name = _("土地市场信息发布")
        verbose_name_plural = _("土地市场信息发布")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "kind"],
                condition=models.Q(announcement__isnull=False),
                name="land_notice_one_per_kind",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(plan__isnull=False),
                name="land_notice_one_per_plan",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind=NoticeKind.SUPPLY_PLAN, plan__isnull=False)
                    & models.Q(announcement__isnull=True)
                )
                | (
                    ~models.Q(kind=NoticeKind.SUPPLY_PLAN)
                    & models.Q(announcement__isnull=False, plan__isnull=True)
                ),
                name="land_notice_subject_matches_kind",
            ),
        ]

    def __str__(self):
        subject = self.plan if self.plan_id else self.announcement
        return f"{self.get_kind_display()}：{subject}"
