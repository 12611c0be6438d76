"""Land-price systems with their prices, the office's renewal cycle, and
the quarterly figures."""

import datetime as dt
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from gongkai.accounts.models import DepartmentRecord
from gongkai.core.models import BaseModel
from gongkai.land_prices.choices import Indicator, PriceKind, PriceUse

POSITIVE = [MinValueValidator(Decimal("0"))]


@register_setting(icon="date")
class LandPricePolicy(BaseGenericSetting):
    """《城市房地产管理法》Art. 33: land prices are determined and published
    periodically; the 3-year full update is UNCONFIRMED (domain-rules §4.4),
    so the cycle is a setting."""

    renewal_years = models.PositiveSmallIntegerField(
        _("基准地价更新周期（年）"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("现行基准地价实施满该年数时提醒承办科室更新。"),
    )

    class Meta:
        verbose_name = _("地价更新周期")


class LandPriceSystem(ClusterableModel, DepartmentRecord):
    """One determination of benchmark or standard land prices, in force
    from ``effective_on`` until the next one of its kind."""

    kind = models.CharField(_("类别"), max_length=20, choices=PriceKind.choices)
    title = models.CharField(_("名称"), max_length=200)
    document_number = models.CharField(_("批准文号"), max_length=100, blank=True)
    effective_on = models.DateField(_("实施日期"))
    valuation_on = models.DateField(_("估价期日"), null=True, blank=True)
    published_on = models.DateField(
        _("公布日期"),
        null=True,
        blank=True,
        help_text=_("留空表示尚未公布：门户网站不显示。"),
    )
    document = models.ForeignKey(
        "publishing.GovernmentInformationPage",
        verbose_name=_("公布文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("经三审发布的地价公布文件。"),
    )
    note = models.TextField(_("说明"), blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("agency"), FieldPanel("department"), FieldPanel("kind")]
        ),
        FieldPanel("title"),
        FieldRowPanel(
            [
                FieldPanel("document_number"),
                FieldPanel("valuation_on"),
                FieldPanel("effective_on"),
                FieldPanel("published_on"),
            ]
        ),
        FieldPanel("document"),
        FieldPanel("note"),
        InlinePanel("prices", heading=_("地价"), label=_("地价")),
    ]

    class Meta:
        verbose_name = _("地价标准")
        verbose_name_plural = _("地价标准")
        ordering = ["kind", "-effective_on"]

    def __str__(self):
        return self.title

    def renewal_due_on(self, years: int) -> dt.date:
        try:
            return self.effective_on.replace(year=self.effective_on.year + years)
        except ValueError:  # 29 February
            return self.effective_on.replace(
                year=self.effective_on.year + years, day=28
            )


class LandPrice(models.Model):
    system = ParentalKey(
        LandPriceSystem, on_delete=models.CASCADE, related_name="prices"
    )
    use = models.CharField(_("用途"), max_length=20, choices=PriceUse.choices)
    grade = models.CharField(
        _("级别或宗地"),
        max_length=60,
        help_text=_("基准地价填土地级别（如“一级”）；标定地价填标定宗地编号或位置。"),
    )
    price = models.DecimalField(
        _("地价（元/平方米）"), max_digits=10, decimal_places=2, validators=POSITIVE
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("use"),
                FieldPanel("grade"),
                FieldPanel("price"),
                FieldPanel("sort_order"),
            ]
        )
    ]

    class Meta:
        verbose_name = _("地价")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["system", "use", "grade"],
                name="land_price_unique_grade",
                violation_error_message=_("同一用途的同一级别只能填写一次。"),
            )
        ]

    def __str__(self):
        return f"{self.get_use_display()} {self.grade} {self.price}"


class QuarterlyFigure(BaseModel):
    """A quarter's figure for one use: supply of real-estate land or the
    monitored urban land price."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("季度"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    indicator = models.CharField(_("指标"), max_length=30, choices=Indicator.choices)
    use = models.CharField(_("用途"), max_length=20, choices=PriceUse.choices)
    value = models.DecimalField(
        _("数值"), max_digits=12, decimal_places=2, validators=POSITIVE
    )
    published_on = models.DateField(
        _("公布日期"),
        null=True,
        blank=True,
        help_text=_("留空表示尚未公布：门户网站、下载和接口都不提供。"),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("agency"), FieldPanel("year"), FieldPanel("quarter")]
        ),
        FieldRowPanel(
            [FieldPanel("indicator"), FieldPanel("use"), FieldPanel("value")]
        ),
        FieldPanel("published_on"),
    ]

    class Meta:
        verbose_name = _("季度数据")
        verbose_name_plural = _("季度数据")
        ordering = ["year", "quarter", "indicator", "use"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "quarter", "indicator", "use"],
                name="quarterly_figure_unique",
                violation_error_message=_("该季度该指标该用途的数据已存在。"),
            )
        ]

    def __str__(self):
        return f"{self.year}Q{self.quarter} {self.get_indicator_display()} {self.get_use_display()}"

    @property
    def period(self) -> str:
        return _("%(year)d年第%(quarter)d季度") % {
            "year": self.year,
            "quarter": self.quarter,
        }
