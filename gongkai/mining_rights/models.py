"""Mining-right transfers, approval results and 勘查开采信息公示, and their
notices through 三审."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from gongkai.accounts.models import DepartmentRecord
from gongkai.core.models import BaseModel
from gongkai.land_market.periods import Periods
from gongkai.mining_rights.choices import (
    ApprovalKind,
    MiningNoticeKind,
    RightType,
    SaleMethod,
    SaleOutcome,
)
from gongkai.publishing.generated import GeneratedNotice

POSITIVE = [MinValueValidator(Decimal("0"))]


@register_setting(icon="date")
class MiningRightsPolicy(BaseGenericSetting):
    """The periods of a mining-right sale. The national values are
    UNCONFIRMED (domain-rules §4.3); the defaults are the Sichuan rule's."""

    lead_working_days = models.PositiveSmallIntegerField(
        _("出让公告提前工作日数"), default=20, validators=[MinValueValidator(1)]
    )
    min_listing_working_days = models.PositiveSmallIntegerField(
        _("网上挂牌最短工作日数"), default=10, validators=[MinValueValidator(1)]
    )
    confirmation_working_days = models.PositiveSmallIntegerField(
        _("成交确认书签订期限（交易结束后工作日）"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("竞得后若干个工作日内签订成交确认书；超出的，结果公示须说明原因。"),
    )
    result_working_days = models.PositiveSmallIntegerField(
        _("结果公示期限（成交确认后工作日）"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("成交确认书生效后若干个工作日内公示出让结果。"),
    )
    publicity_working_days = models.PositiveSmallIntegerField(
        _("结果公示期最短工作日数"), default=10, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("矿业权出让期限设置")

    def periods(self) -> Periods:
        return Periods(
            lead=self.lead_working_days,
            lead_working=True,
            min_listing=self.min_listing_working_days,
            listing_working=True,
            listing_warning_working_days=0,
            result=self.result_working_days,
        )


class MiningRightTransfer(DepartmentRecord):
    """One mining right offered by tender, auction or listing, with its
    result."""

    number = models.CharField(_("公告编号"), max_length=100)
    right_type = models.CharField(
        _("矿业权类型"), max_length=20, choices=RightType.choices
    )
    name = models.CharField(_("矿区（勘查区）名称"), max_length=200)
    mineral = models.CharField(_("矿种"), max_length=50)
    location = models.CharField(_("位置"), max_length=200)
    township = models.CharField(_("镇（街道）"), max_length=50, blank=True)
    area_km2 = models.DecimalField(
        _("面积（平方千米）"), max_digits=10, decimal_places=4, validators=POSITIVE
    )
    term_years = models.PositiveSmallIntegerField(
        _("出让年限（年）"), null=True, blank=True
    )
    method = models.CharField(
        _("出让方式"),
        max_length=10,
        choices=SaleMethod.choices,
        default=SaleMethod.LISTING,
    )
    starting_price = models.DecimalField(
        _("起始价（万元）"), max_digits=14, decimal_places=2, validators=POSITIVE
    )
    deposit = models.DecimalField(
        _("竞买保证金（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    sale_starts_on = models.DateField(_("出让活动开始日期"))
    listing_starts_on = models.DateField(_("挂牌开始日期"), null=True, blank=True)
    listing_ends_on = models.DateField(_("挂牌截止日期"), null=True, blank=True)
    outcome = models.CharField(
        _("出让结果"),
        max_length=10,
        choices=SaleOutcome.choices,
        default=SaleOutcome.PENDING,
    )
    winner = models.CharField(_("竞得人"), max_length=200, blank=True)
    deal_price = models.DecimalField(
        _("成交价（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    confirmed_on = models.DateField(_("成交确认书生效日期"), null=True, blank=True)
    publicity_until = models.DateField(_("结果公示截止日期"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
        FieldRowPanel(
            [FieldPanel("number"), FieldPanel("right_type"), FieldPanel("method")]
        ),
        FieldRowPanel([FieldPanel("name"), FieldPanel("mineral")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("township")]),
        FieldRowPanel(
            [
                FieldPanel("area_km2"),
                FieldPanel("term_years"),
                FieldPanel("starting_price"),
                FieldPanel("deposit"),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("sale_starts_on"),
                FieldPanel("listing_starts_on"),
                FieldPanel("listing_ends_on"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("outcome"),
                        FieldPanel("winner"),
                        FieldPanel("deal_price"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("confirmed_on"), FieldPanel("publicity_until")]
                ),
            ],
            heading=_("出让结果"),
        ),
    ]

    class Meta:
        verbose_name = _("矿业权出让")
        verbose_name_plural = _("矿业权出让")
        ordering = ["-sale_starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"],
                name="mining_transfer_unique_number",
                violation_error_message=_("本机关已有该编号的矿业权出让公告。"),
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return _("%(name)s%(type)s%(method)s出让公告") % {
            "name": self.name,
            "type": self.get_right_type_display(),
            "method": self.get_method_display(),
        }

    def get_absolute_url(self):
        return reverse("mining_transfer", args=[self.pk])

    def clean(self):
        if self.method == SaleMethod.LISTING and not (
            self.listing_starts_on and self.listing_ends_on
        ):
            raise ValidationError(
                {"listing_ends_on": _("挂牌出让须填写挂牌开始和截止日期。")}
            )
        if self.outcome == SaleOutcome.SOLD and not (
            self.winner and self.deal_price is not None and self.confirmed_on
        ):
            raise ValidationError(
                {"outcome": _("成交的须填写竞得人、成交价和成交确认书生效日期。")}
            )


class MiningApproval(DepartmentRecord):
    """审批结果: a mining right granted, extended, changed or cancelled."""

    right_type = models.CharField(
        _("矿业权类型"), max_length=20, choices=RightType.choices
    )
    kind = models.CharField(_("审批事项"), max_length=20, choices=ApprovalKind.choices)
    holder = models.CharField(_("矿业权人"), max_length=200)
    name = models.CharField(_("矿山（项目）名称"), max_length=200)
    license_number = models.CharField(_("许可证号"), max_length=60)
    mineral = models.CharField(_("矿种"), max_length=50)
    approved_on = models.DateField(_("审批日期"))
    valid_from = models.DateField(_("有效期起"), null=True, blank=True)
    valid_until = models.DateField(_("有效期止"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
        FieldRowPanel(
            [FieldPanel("right_type"), FieldPanel("kind"), FieldPanel("approved_on")]
        ),
        FieldRowPanel([FieldPanel("holder"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("license_number"), FieldPanel("mineral")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta:
        verbose_name = _("矿业权审批结果")
        verbose_name_plural = _("矿业权审批结果")
        ordering = ["-approved_on", "-pk"]

    def __str__(self):
        return f"{self.name}{self.get_right_type_display()}{self.get_kind_display()}"


class MiningDisclosure(DepartmentRecord):
    """勘查开采信息公示: a holder's yearly exploration or extraction
    information, and what the check found."""

    year = models.PositiveSmallIntegerField(_("年度"))
    holder = models.CharField(_("矿业权人"), max_length=200)
    name = models.CharField(_("矿山（项目）名称"), max_length=200)
    license_number = models.CharField(_("许可证号"), max_length=60)
    summary = models.TextField(_("公示内容"))
    finding = models.CharField(
        _("抽查结果"),
        max_length=200,
        blank=True,
        help_text=_("如：未发现问题；列入异常名录。"),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("agency"), FieldPanel("department"), FieldPanel("year")]
        ),
        FieldRowPanel(
            [FieldPanel("holder"), FieldPanel("name"), FieldPanel("license_number")]
        ),
        FieldPanel("summary"),
        FieldPanel("finding"),
    ]

    class Meta:
        verbose_name = _("勘查开采信息公示")
        verbose_name_plural = _("勘查开采信息公示")
        ordering = ["-year", "name"]

    def __str__(self):
        return _("%(year)d年度 %(name)s") % {"year": self.year, "name": self.name}


class MiningNotice(GeneratedNotice, BaseModel):
    kind = models.CharField(_("类别"), max_length=20, choices=MiningNoticeKind.choices)
    transfer = models.ForeignKey(
        MiningRightTransfer,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    approval = models.ForeignKey(
        MiningApproval,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    disclosure = models.ForeignKey(
        MiningDisclosure,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )

    class Meta:
        verbose_name = _("矿业权信息发布")
        verbose_name_plural = _("矿业权信息发布")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["transfer", "kind"],
                condition=models.Q(transfer__isnull=False),
                name="mining_notice_one_per_transfer_kind",
            ),
            models.UniqueConstraint(
                fields=["approval"],
                condition=models.Q(approval__isnull=False),
                name="mining_notice_one_per_approval",
            ),
            models.UniqueConstraint(
                fields=["disclosure"],
                condition=models.Q(disclosure__isnull=False),
                name="mining_notice_one_per_disclosure",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.subject}"

    @property
    def subject(self):
        return self.transfer or self.approval or self.disclosure
