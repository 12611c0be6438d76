"""An expropriation project, the villages it affects, its documents in the
order of the procedure, and the deliveries of its notices to villages."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from gongkai.accounts.models import DepartmentRecord
from gongkai.core.models import BaseModel, private_storage
from gongkai.expropriation.choices import DeliveryChannel, StageKind


class ExpropriationProject(ClusterableModel, DepartmentRecord):
    """One expropriation (a 批次 or a single project) with its hub."""

    name = models.CharField(_("项目名称"), max_length=200)
    purpose = models.CharField(_("征收目的"), max_length=200, blank=True)
    area_hectares = models.DecimalField(
        _("征收面积（公顷）"),
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    approval_number = models.CharField(_("批复文号"), max_length=100, blank=True)
    approval_received_on = models.DateField(
        _("收到批复日期"),
        null=True,
        blank=True,
        help_text=_(
            "征收土地公告应在收到批复之日起15个工作日内发布（实施条例第三十一条）。"
        ),
    )
    registration_until = models.DateField(
        _("补偿登记截止日期"),
        null=True,
        blank=True,
        help_text=_("征地补偿安置方案公告须写明办理补偿登记的方式和期限。"),
    )
    registration_place = models.CharField(
        _("补偿登记地点和方式"), max_length=300, blank=True
    )
    objection_channel = models.CharField(
        _("异议反馈渠道"),
        max_length=300,
        blank=True,
        help_text=_("如：书面意见送镇政府征地办公室，电话 0533-7xxxxxx（单位电话）。"),
    )
    majority_objected = models.BooleanField(
        _("多数成员认为方案不符合法律法规"),
        default=False,
        help_text=_(
            "过半数被征地的农村集体经济组织成员认为方案不符合法律、法规规定的，应当组织听证。"
        ),
    )
    contact = models.CharField(_("咨询电话"), max_length=100, blank=True)
    published_on = models.DateField(
        _("公开日期"),
        null=True,
        blank=True,
        help_text=_("留空表示项目专题尚未公开：门户网站不显示。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("purpose"), FieldPanel("area_hectares")]),
        FieldRowPanel(
            [FieldPanel("approval_number"), FieldPanel("approval_received_on")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_until"), FieldPanel("registration_place")]
                ),
                FieldPanel("objection_channel"),
                FieldPanel("majority_objected"),
            ],
            heading=_("补偿登记和异议"),
        ),
        FieldRowPanel([FieldPanel("contact"), FieldPanel("published_on")]),
        InlinePanel("villages", heading=_("涉及村（社区）"), label=_("村"), min_num=1),
        InlinePanel("documents", heading=_("公开文件"), label=_("文件")),
    ]

    class Meta:
        verbose_name = _("征地项目")
        verbose_name_plural = _("征地项目")
        ordering = ["-pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expropriation_project", args=[self.pk])


class AffectedVillage(models.Model):
    project = ParentalKey(
        ExpropriationProject, on_delete=models.CASCADE, related_name="villages"
    )
    township = models.CharField(_("镇（街道）"), max_length=50)
    village = models.CharField(_("村（社区）"), max_length=50)
    groups = models.CharField(_("村民小组"), max_length=200, blank=True)
    area_hectares = models.DecimalField(
        _("涉及面积（公顷）"),
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("township"),
                FieldPanel("village"),
                FieldPanel("groups"),
                FieldPanel("area_hectares"),
            ]
        )
    ]

    class Meta:
        verbose_name = _("涉及村")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "township", "village"],
                name="affected_village_unique",
                violation_error_message=_("该村已在项目中。"),
            )
        ]

    def __str__(self):
        return f"{self.township}{self.village}"


class ProjectDocument(models.Model):
    """A document of the project: a published item of the portal, or a
    document published elsewhere (the province's approval), with the dates
    it was posted in the villages where the law sets a period."""

    project = ParentalKey(
        ExpropriationProject, on_delete=models.CASCADE, related_name="documents"
    )
    stage = models.CharField(_("环节"), max_length=30, choices=StageKind.choices)
    item = models.ForeignKey(
        "publishing.GovernmentInformationPage",
        verbose_name=_("门户网站信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(
        _("标题"), max_length=200, blank=True, help_text=_("未选择门户网站信息时必填。")
    )
    url = models.URLField(_("链接"), blank=True)
    published_on = models.DateField(
        _("发布日期"), null=True, blank=True, help_text=_("未选择门户网站信息时必填。")
    )
    posted_from = models.DateField(_("张贴开始日期"), null=True, blank=True)
    posted_until = models.DateField(_("张贴截止日期"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("stage"), FieldPanel("item")]),
        FieldRowPanel(
            [FieldPanel("title"), FieldPanel("url"), FieldPanel("published_on")]
        ),
        FieldRowPanel([FieldPanel("posted_from"), FieldPanel("posted_until")]),
    ]

    class Meta:
        verbose_name = _("征地公开文件")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.item.title if self.item_id else self.title

    @property
    def link(self) -> str:
        return (self.item.url or "") if self.item_id else self.url

    @property
    def public_on(self):
        """The day it went public: its item's, else the date entered."""
        if self.item_id:
            return self.item.published_on if self.item.live else None
        return self.published_on

    def clean(self):
        if not self.item_id and not (self.title and self.published_on):
            raise ValidationError(
                {"title": _("请选择门户网站信息，或填写标题和发布日期。")}
            )
        if (
            self.posted_from
            and self.posted_until
            and self.posted_until < self.posted_from
        ):
            raise ValidationError({"posted_until": _("张贴截止日期不能早于开始日期。")})


def delivery_photo_path(instance, filename):
    return f"expropriation/deliveries/{instance.project_id}/{filename}"


class NoticeDelivery(BaseModel):
    """A notice delivered to a village (定点定向公开): where, when, by whom,
    how, with a photo as evidence."""

    project = models.ForeignKey(
        ExpropriationProject, on_delete=models.CASCADE, related_name="deliveries"
    )
    village = models.ForeignKey(
        AffectedVillage,
        verbose_name=_("村（社区）"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    stage = models.CharField(_("送达的文件"), max_length=30, choices=StageKind.choices)
    channel = models.CharField(
        _("方式"), max_length=20, choices=DeliveryChannel.choices
    )
    place = models.CharField(_("地点"), max_length=200)
    delivered_on = models.DateField(_("日期"))
    delivered_by = models.CharField(_("送达人"), max_length=100)
    photo = models.FileField(
        _("照片"), storage=private_storage, upload_to=delivery_photo_path, blank=True
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("送达记录")
        verbose_name_plural = _("送达记录")
        ordering = ["-delivered_on", "-pk"]

    def __str__(self):
        return f"{self.village} {self.get_channel_display()} {self.delivered_on}"
