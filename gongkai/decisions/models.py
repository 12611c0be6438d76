"""The decision catalogue (重大行政决策事项目录), its decisions with their
stages, and policy evaluations (政策评价)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from gongkai.core.models import BaseModel
from gongkai.decisions.choices import (
    EvaluationMethod,
    EvaluationStatus,
    StageKind,
)


class DecisionCatalogue(BaseModel):
    """One year's catalogue of major decision items. It goes public once the
    same-level Party committee has agreed (国务院令第713号 Art. 3) and the
    office publishes it."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=200, blank=True)
    approved_on = models.DateField(
        _("同级党委同意日期"),
        null=True,
        blank=True,
        help_text=_("决策事项目录经同级党委同意后向社会公布。"),
    )
    published_on = models.DateField(
        _("公布日期"),
        null=True,
        blank=True,
        help_text=_("留空表示尚未公布：门户网站不显示本年度目录。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("approved_on"), FieldPanel("published_on")]),
    ]

    class Meta:
        verbose_name = _("决策事项目录")
        verbose_name_plural = _("决策事项目录")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="decision_catalogue_unique_per_year",
                violation_error_message=_("本机关该年度的决策事项目录已存在。"),
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or _("%(year)d年度重大行政决策事项目录") % {"year": self.year}

    def clean(self):
        if self.published_on and not self.approved_on:
            raise ValidationError(
                {"approved_on": _("目录须经同级党委同意后才能公布，请填写同意日期。")}
            )
        if (
            self.published_on
            and self.approved_on
            and self.published_on < self.approved_on
        ):
            raise ValidationError({"published_on": _("公布日期不能早于党委同意日期。")})


class Decision(ClusterableModel, BaseModel):
    """A major decision item (重大行政决策事项): a line of the catalogue and
    the hub that links its stages as they are published."""

    catalogue = models.ForeignKey(
        DecisionCatalogue,
        verbose_name=_("决策事项目录"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    number = models.PositiveSmallIntegerField(_("序号"), default=1)
    title = models.CharField(_("决策事项名称"), max_length=200)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("承办科室"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    basis = models.TextField(_("决策依据"), blank=True)
    description = models.TextField(_("主要内容"), blank=True)
    planned_on = models.DateField(_("计划完成时间"), null=True, blank=True)
    meeting_on = models.DateField(_("决策会议日期"), null=True, blank=True)
    attendance = models.TextField(
        _("公众代表列席决策会议情况"),
        blank=True,
        help_text=_(
            "列席的公众代表、专家、利益相关方代表的身份和人数，在决策事项页面公开；"
            "不要填写身份证号、电话等个人信息。"
        ),
    )
    issued_on = models.DateField(
        _("决策文件出台日期"),
        null=True,
        blank=True,
        help_text=_("决策文件出台后10个工作日内须公开意见收集和采纳情况。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("catalogue"), FieldPanel("number")]),
        FieldPanel("title"),
        FieldPanel("department"),
        FieldPanel("basis"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("planned_on"), FieldPanel("issued_on")]),
        MultiFieldPanel(
            [FieldPanel("meeting_on"), FieldPanel("attendance")],
            heading=_("决策会议"),
        ),
        InlinePanel(
            "stages",
            heading=_("各阶段信息"),
            label=_("阶段"),
            help_text=_(
                "为每个阶段填写预计公开日期；信息发布后选择对应的政府信息，"
                "决策事项页面即链接到该信息。风险评估、专家论证、合法性审查、效果评估"
                "视情公开：添加该阶段即表示本事项需要公开。"
            ),
        ),
    ]

    class Meta:
        verbose_name = _("重大行政决策事项")
        verbose_name_plural = _("重大行政决策事项")
        ordering = ["catalogue", "number", "pk"]
        permissions = [
            ("oversee_decisions", _("查看和管理本机关全部决策事项、征求意见和政策评价"))
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decision_hub", args=[self.pk])

    def clean(self):
        if (
            self.catalogue_id
            and self.department_id
            and self.department.agency_id != self.catalogue.agency_id
        ):
            raise ValidationError({"department": _("承办科室须属于目录所属机关。")})
        if self.issued_on and self.meeting_on and self.issued_on < self.meeting_on:
            raise ValidationError(
                {"issued_on": _("决策文件出台日期不能早于决策会议日期。")}
            )


class DecisionStage(models.Model):
    """A stage of one decision: the day it is expected and, once published,
    the government-information item the hub links to."""

    decision = ParentalKey(Decision, on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(_("阶段"), max_length=20, choices=StageKind.choices)
    expected_on = models.DateField(_("预计公开日期"), null=True, blank=True)
    item = models.ForeignKey(
        "publishing.GovernmentInformationPage",
        verbose_name=_("已发布的信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_stages",
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("expected_on")]),
        FieldPanel("item"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("决策阶段")
        ordering = ["decision", "expected_on", "pk"]

    def __str__(self):
        return f"{self.decision} · {self.get_kind_display()}"


class PolicyEvaluation(BaseModel):
    """An evaluation of a normative document or a major decision after it
    took effect (政策评价, work plan 二、3), published on the portal as an item
    that links to what it evaluated."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("评价科室"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("评价名称"), max_length=200)
    document = models.ForeignKey(
        "publishing.GovernmentInformationPage",
        verbose_name=_("被评价的文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
        help_text=_("行政规范性文件或决策文件；与被评价的决策事项至少填写一项。"),
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("被评价的决策事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    evaluated_from = models.DateField(_("评价开始日期"))
    evaluated_to = models.DateField(_("评价结束日期"))
    methods = models.JSONField(_("评价方式"), default=list, blank=True)
    standards = models.TextField(_("执行标准"), blank=True)
    scope = models.TextField(_("适用范围"), blank=True)
    usage = models.TextField(_("使用情况"), blank=True)
    results = models.TextField(_("取得成效"), blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    conclusion = models.TextField(_("评价结论"), blank=True)
    application = models.TextField(
        _("评价结果运用情况"),
        blank=True,
        help_text=_("如：继续执行、修订、废止，或改进执行的措施。"),
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.DRAFT,
        editable=False,
    )
    item = models.OneToOneField(
        "publishing.GovernmentInformationPage",
        verbose_name=_("门户网站信息"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="evaluation_report",
    )
    submitted_at = models.DateTimeField(_("送审时间"), null=True, editable=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, editable=False)

    class Meta:
        verbose_name = _("政策评价")
        verbose_name_plural = _("政策评价")
        ordering = ["-evaluated_to", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == EvaluationStatus.DRAFT

    def method_labels(self) -> list[str]:
        labels = dict(EvaluationMethod.choices)
        return [str(labels[method]) for method in self.methods if method in labels]

    def clean(self):
        errors = {}
        if not self.document_id and not self.decision_id:
            errors["document"] = _("请选择被评价的文件或决策事项。")
        if (
            self.evaluated_from
            and self.evaluated_to
            and self.evaluated_to < self.evaluated_from
        ):
            errors["evaluated_to"] = _("评价结束日期不能早于开始日期。")
        unknown = set(self.methods or []) - set(EvaluationMethod.values)
        if unknown:
            errors["methods"] = _("未知的评价方式。")
        if self.department_id and self.department.agency_id != self.agency_id:
            errors["department"] = _("所选科室不属于该机关。")
        if self.decision_id and self.decision.catalogue.agency_id != self.agency_id:
            errors["decision"] = _("所选决策事项不属于该机关。")
        if errors:
            raise ValidationError(errors)
