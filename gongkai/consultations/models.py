"""Consultations (征求意见) with their announcement channels and other
participation, the public's comments, the groups they are answered in, the
adoption report, and the consultation policy."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from gongkai.consultations import rules
from gongkai.consultations.choices import (
    AdoptionStatus,
    ChannelKind,
    CommentStatus,
    ConsultationStatus,
    ParticipationKind,
    Phase,
    Verdict,
)
from gongkai.core.fields import EncryptedTextField
from gongkai.core.masks import mask_contact, mask_name
from gongkai.core.models import BaseModel


@register_setting(icon="group")
class ConsultationPolicy(BaseGenericSetting):
    """Values the office may change: the minimum period (713号 Art. 15:
    "一般不少于30日"), the limits on comments, the words that hold a comment
    for a moderator, and how similar comments must be to be grouped."""

    min_period_days = models.PositiveSmallIntegerField(
        _("征求意见最短期限（天）"),
        default=rules.MIN_PERIOD_DAYS,
        validators=[MinValueValidator(1)],
        help_text=_("《重大行政决策程序暂行条例》第十五条：一般不少于30日。"),
    )
    comments_per_hour = models.PositiveSmallIntegerField(
        _("同一来源每小时可提交意见数"), default=5, validators=[MinValueValidator(1)]
    )
    comment_max_length = models.PositiveIntegerField(
        _("意见最大字数"), default=3000, validators=[MinValueValidator(100)]
    )
    blocked_words = models.TextField(
        _("屏蔽词"),
        blank=True,
        default="代开发票\n刷单\n博彩\n兼职日结",
        help_text=_(
            "每行一个。含有屏蔽词的意见标为“疑似垃圾信息”，由审核人员处理；"
            "敏感词表中的词同样适用。"
        ),
    )
    concentrated_comments = models.PositiveSmallIntegerField(
        _("较为集中意见的条数"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("同类意见达到该条数即为较为集中的意见，未采纳时必须说明理由。"),
    )
    grouping_threshold = models.DecimalField(
        _("同类意见相似度"),
        max_digits=3,
        decimal_places=2,
        default=0.35,
        validators=[MinValueValidator(0.05), MaxValueValidator(1)],
        help_text=_(
            "一条意见与某类意见（按分词和词的稀有程度计算）的相似度（0至1）"
            "达到该值即归入该类；调低则归类更宽，调高则更细。"
        ),
    )

    panels = [
        FieldPanel("min_period_days"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("comments_per_hour"), FieldPanel("comment_max_length")]
                ),
                FieldPanel("blocked_words"),
            ],
            heading=_("公众意见"),
        ),
        FieldRowPanel(
            [FieldPanel("concentrated_comments"), FieldPanel("grouping_threshold")],
            heading=_("意见归类和采纳"),
        ),
    ]

    class Meta:
        verbose_name = _("征求意见设置")

    def blocked_word_list(self) -> list[str]:
        return [
            word.strip() for word in self.blocked_words.splitlines() if word.strip()
        ]


class Consultation(ClusterableModel, BaseModel):
    """A draft put to the public (征求意见), usually of a major decision."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("承办科室"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("重大行政决策事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("标题"), max_length=200)
    draft_title = models.CharField(_("草案名称"), max_length=200)
    draft_text = models.TextField(
        _("草案全文"),
        help_text=_(
            "按条（第一条、第二条……）或按段落书写，公众可针对某一条或某一段提出意见。"
        ),
    )
    explanation = models.TextField(_("草案说明"))
    background = models.TextField(_("决策背景"), blank=True)
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    shortened_reason = models.TextField(
        _("缩短期限的理由"),
        blank=True,
        help_text=_("征求意见期限少于规定天数时必须填写，并在页面公开。"),
    )
    other_ways = models.TextField(
        _("其他提交方式"),
        blank=True,
        help_text=_("如信函地址、电子邮箱、传真，以及截止时间的说明。"),
    )
    requires_name = models.BooleanField(_("须填写姓名或单位"), default=False)
    requires_contact = models.BooleanField(_("须填写联系方式"), default=False)
    document_issued_on = models.DateField(
        _("文件出台日期"),
        null=True,
        blank=True,
        help_text=_("未关联决策事项时填写：文件出台后10个工作日内须公开意见采纳情况。"),
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
        editable=False,
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("department")]),
        FieldPanel("decision"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("draft_title"),
                FieldPanel("draft_text"),
                FieldPanel("explanation"),
                FieldPanel("background"),
            ],
            heading=_("草案"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("shortened_reason"),
                FieldPanel("other_ways"),
                FieldRowPanel(
                    [FieldPanel("requires_name"), FieldPanel("requires_contact")]
                ),
            ],
            heading=_("征求意见期限和方式"),
        ),
        InlinePanel("channels", heading=_("发布渠道"), label=_("渠道")),
        InlinePanel(
            "participations", heading=_("其他公众参与方式"), label=_("公众参与")
        ),
        FieldPanel("document_issued_on"),
    ]

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultation", args=[self.pk])

    def clean(self):
        errors = {}
        if (
            self.department_id
            and self.agency_id
            and self.department.agency_id != self.agency_id
        ):
            errors["department"] = _("承办科室须属于本机关。")
        if (
            self.decision_id
            and self.agency_id
            and self.decision.catalogue.agency_id != self.agency_id
        ):
            errors["decision"] = _("决策事项须属于本机关。")
        if self.pk and self.status != ConsultationStatus.DRAFT:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("draft_text", flat=True)
                .first()
            )
            if stored is not None and stored != self.draft_text:
                errors["draft_text"] = _(
                    "征求意见发布后不能修改草案全文：公众的意见针对的是已发布的条款。"
                )
        errors.update(
            rules.period_problems(
                opens_on=self.opens_on,
                closes_on=self.closes_on,
                shortened_reason=self.shortened_reason,
                min_days=ConsultationPolicy.load().min_period_days,
            )
        )
        if errors:
            raise ValidationError(errors)

    @property
    def period_days(self) -> int:
        return rules.period_days(self.opens_on, self.closes_on)

    @property
    def issued_on(self):
        """The day the document consulted on was issued, from which the
        adoption report's 10 working days run."""
        if self.decision_id:
            return self.decision.issued_on
        return self.document_issued_on

    def phase(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.status == ConsultationStatus.WITHDRAWN:
            return Phase.WITHDRAWN
        if self.status != ConsultationStatus.PUBLISHED:
            return Phase.NOT_PUBLISHED
        if today < self.opens_on:
            return Phase.UPCOMING
        if today > self.closes_on:
            return Phase.CLOSED
        return Phase.OPEN

    def phase_label(self) -> str:
        return Phase(self.phase()).label

    def is_open(self, today=None) -> bool:
        return self.phase(today) == Phase.OPEN


class ConsultationChannel(models.Model):
    """Where the consultation was announced, each with its date (work plan
    二、1: 综合选用门户网站、政务新媒体、政府信息查阅场所以及报刊、广播、电视)."""

    consultation = ParentalKey(
        Consultation, on_delete=models.CASCADE, related_name="channels"
    )
    kind = models.CharField(_("渠道"), max_length=20, choices=ChannelKind.choices)
    name = models.CharField(
        _("名称"),
        max_length=100,
        blank=True,
        help_text=_("如：“临淄自然资源”微信公众号、淄博日报。"),
    )
    announced_on = models.DateField(_("发布日期"))
    url = models.URLField(_("链接"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("announced_on")]),
        FieldPanel("name"),
        FieldPanel("url"),
    ]

    class Meta:
        verbose_name = _("发布渠道")
        ordering = ["announced_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}".strip()


class Participation(models.Model):
    """Participation other than written comments: a symposium, hearing,
    field visit or survey, published with the adoption report."""

    consultation = ParentalKey(
        Consultation, on_delete=models.CASCADE, related_name="participations"
    )
    kind = models.CharField(_("方式"), max_length=20, choices=ParticipationKind.choices)
    held_on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    participants = models.TextField(
        _("参加人员"),
        help_text=_("公开的参加人员名单或构成；听证会须在举行前公布听证参加人名单。"),
    )
    participants_published_on = models.DateField(
        _("参加人名单公布日期"), null=True, blank=True
    )
    materials_sent_on = models.DateField(
        _("材料送达日期"), null=True, blank=True, help_text=_("听证会：至少提前7日。")
    )
    summary = models.TextField(_("情况摘要"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("held_on")]),
        FieldPanel("place"),
        FieldPanel("participants"),
        FieldRowPanel(
            [FieldPanel("participants_published_on"), FieldPanel("materials_sent_on")]
        ),
        FieldPanel("summary"),
    ]

    class Meta:
        verbose_name = _("公众参与")
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on}"

    def clean(self):
        if self.kind == ParticipationKind.HEARING and self.held_on:
            problems = rules.hearing_problems(
                held_on=self.held_on,
                participants_published_on=self.participants_published_on,
                materials_sent_on=self.materials_sent_on,
            )
            if problems:
                raise ValidationError(problems)

    def is_announced(self, today=None) -> bool:
        """A hearing's participant list is public from its publication day."""
        today = today or timezone.localdate()
        if self.kind == ParticipationKind.HEARING:
            return (
                self.participants_published_on is not None
                and self.participants_published_on <= today
            )
        return self.held_on <= today


class CommentGroup(BaseModel):
    """Similar comments answered together in the adoption report."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="groups"
    )
    number = models.PositiveSmallIntegerField(_("序号"), default=1)
    label = models.CharField(_("意见摘要"), max_length=300)
    verdict = models.CharField(
        _("采纳情况"), max_length=20, choices=Verdict.choices, default=Verdict.UNDECIDED
    )
    reason = models.TextField(_("理由或采纳方式"), blank=True)

    class Meta:
        verbose_name = _("同类意见")
        ordering = ["consultation", "number", "pk"]

    def __str__(self):
        return self.label


class Comment(BaseModel):
    """A comment from the public. Name and contact are sealed and never
    shown on the portal; the text is shown once approved (先审后发), with
    any personal data in it masked."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    section_key = models.CharField(_("针对条款"), max_length=30, blank=True)
    section_label = models.CharField(_("针对条款"), max_length=30, blank=True)
    body = models.TextField(_("意见内容"))
    name = EncryptedTextField(_("姓名或单位"), blank=True)
    contact = EncryptedTextField(_("联系方式"), blank=True)
    submitted_at = models.DateTimeField(
        _("提交时间"), default=timezone.now, db_index=True
    )
    # A keyed hash of the client's address: enough to limit and to spot the
    # same text sent again, not enough to find the person.
    source_key = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )
    status = models.CharField(
        _("审核状态"),
        max_length=20,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
    )
    suspicion = models.TextField(_("疑似原因"), blank=True)
    moderated_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    moderation_reason = models.TextField(_("审核理由"), blank=True)
    group = models.ForeignKey(
        CommentGroup,
        verbose_name=_("同类意见"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("公众意见")
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.consultation} #{self.pk}"

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)

    @property
    def masked_contact(self) -> str:
        return mask_contact(self.contact)


class AdoptionReport(BaseModel):
    """采纳情况反馈: how the comments were collected and used, and why the
    main ones not adopted were not; due 10 working days after the decision
    document is issued, published as an item through 三审."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="adoption_report"
    )
    introduction = models.TextField(
        _("总体情况"),
        blank=True,
        help_text=_(
            "意见收集的总体情况；意见数量、渠道和各类意见的采纳情况由平台生成。"
        ),
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=AdoptionStatus.choices,
        default=AdoptionStatus.DRAFT,
    )
    item = models.OneToOneField(
        "publishing.GovernmentInformationPage",
        verbose_name=_("门户网站信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_report",
    )
    submitted_at = models.DateTimeField(_("送审时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("意见采纳情况")
        verbose_name_plural = _("意见采纳情况")

    def __str__(self):
        return _("关于%(title)s意见采纳情况的说明") % {
            "title": self.consultation.draft_title
        }

    @property
    def published_on(self):
        return timezone.localdate(self.published_at) if self.published_at else None
