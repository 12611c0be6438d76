"""Information-disclosure applications (依申请公开) and the reconsideration
and litigation cases arising from them."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.applications.choices import (
    ApplicantType,
    Channel,
    ObtainWay,
    Outcome,
    ProvisionForm,
)
from gongkai.applications.letters import LetterKind, check_template
from gongkai.core.errors import DomainError
from gongkai.core.fields import EncryptedTextField, keyring
from gongkai.core.masks import (  # noqa: F401  (re-exported)
    mask_address,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
)
from gongkai.core.models import BaseModel, private_storage


def id_number_index(id_number: str) -> str:
    """The blind index of an ID number (case and spaces ignored), "" for none."""
    value = "".join(id_number.split()).upper()
    return keyring().blind_index(value, context="id_number") if value else ""


class Application(BaseModel):
    """One application for government information, from receipt to reply."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    number = models.CharField(_("申请编号"), max_length=40)
    channel = models.CharField(_("申请方式"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(
        _("收到日期"),
        help_text=_(
            "当面提交为提交之日；邮寄为签收之日；网络、传真为双方确认之日（条例第三十一条）。"
        ),
    )
    applicant_type = models.CharField(
        _("申请人类型"), max_length=20, choices=ApplicantType.choices
    )
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=200)
    # Personal data (条例 Art. 29, PI-01): sealed at rest (SEC-CRYPT-02);
    # the ID number is found through its blind index.
    id_type = models.CharField(_("证件类型"), max_length=30, blank=True)
    id_number = EncryptedTextField(_("证件号码"), blank=True)
    id_number_index = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    phone = EncryptedTextField(_("联系电话"), blank=True)
    address = EncryptedTextField(_("通信地址"), blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    info_title = models.CharField(_("所需信息名称"), max_length=300, blank=True)
    info_document_number = models.CharField(_("文号"), max_length=100, blank=True)
    description = models.TextField(_("申请内容"))
    purpose = models.TextField(_("申请用途"), blank=True)
    provision_form = models.CharField(
        _("提供形式"), max_length=20, choices=ProvisionForm.choices, blank=True
    )
    obtain_way = models.CharField(
        _("获取方式"), max_length=20, choices=ObtainWay.choices, blank=True
    )
    # Online applications: the version of the processing notice the applicant
    # was shown (PI-02) and the keyed digest of their private query code.
    notice_version = models.CharField(_("告知书版本"), max_length=20, blank=True)
    query_code_digest = models.CharField(max_length=64, blank=True, editable=False)
    # Handling (协助调查): the departments that hold the information.
    handling_departments = models.ManyToManyField(
        "accounts.Department",
        verbose_name=_("承办科室"),
        blank=True,
        related_name="applications",
        help_text=_("负责检索、提供所申请信息的科室（协助调查）。"),
    )
    # 补正 (条例 Art. 30): one notice within 7 working days of receipt.
    correction_requested_on = models.DateField(_("补正告知日期"), null=True, blank=True)
    correction_items = models.TextField(_("需补正事项"), blank=True)
    correction_due_on = models.DateField(_("补正期限"), null=True, blank=True)
    correction_received_on = models.DateField(
        _("收到补正材料日期"), null=True, blank=True
    )
    # One extension (Art. 33): approved by the disclosure office's head.
    extension_working_days = models.PositiveSmallIntegerField(
        _("延期工作日数"), default=0
    )
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_approved_by = models.CharField(
        _("批准人（政府信息公开工作机构负责人）"), max_length=100, blank=True
    )
    extension_approved_on = models.DateField(_("批准日期"), null=True, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    outcome = models.CharField(
        _("办理结果"), max_length=40, choices=Outcome.choices, blank=True
    )
    legal_basis = models.CharField(_("法律依据"), max_length=300, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    # The reply deadline as last computed, kept for lists, the dashboard and
    # reminders; provisional while a year it counts has no loaded
    # arrangement, and recomputed when one is loaded.
    reply_due_on = models.DateField(
        _("答复期限"), null=True, blank=True, editable=False
    )
    reply_due_provisional = models.BooleanField(default=False, editable=False)
    reminded_due_soon_on = models.DateField(null=True, blank=True, editable=False)
    reminded_overdue_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"], name="application_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True, outcome="")
                | (models.Q(replied_on__isnull=False) & ~models.Q(outcome="")),
                name="application_reply_has_outcome",
                violation_error_message=_("答复日期和办理结果须同时填写。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.masked_applicant_name}"

    def save(self, *args, **kwargs):
        self.id_number_index = id_number_index(self.id_number)
        super().save(*args, **kwargs)

    @property
    def is_closed(self) -> bool:
        """Replied (or closed otherwise): the case is archived, read-only."""
        return self.replied_on is not None

    @property
    @admin.display(description=_("申请人"))
    def masked_applicant_name(self) -> str:
        """A natural person's name as lists show it (张*, PI-04); an
        organisation's name in full."""
        if self.applicant_type != ApplicantType.NATURAL_PERSON:
            return self.applicant_name
        return mask_name(self.applicant_name)


class ApplicationAttachment(BaseModel):
    """A file the applicant sent with the application (an ID proof, a
    letter): personal data, kept in private storage and shown only to staff
    who may see the case."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("文件"), storage=private_storage, upload_to="applications/%Y/%m/"
    )
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")

    def __str__(self) -> str:
        return self.name


class ConsultationKind(models.TextChoices):
    """Who was consulted. Only third parties (Art. 32) and other agencies
    (Art. 34) stop the clock; consulting the agency's own departments
    (会商) does not."""

    DEPARTMENT = "department", _("内部会商")
    THIRD_PARTY = "third_party", _("征求第三方意见")
    OTHER_AGENCY = "other_agency", _("征求其他机关意见")

    @classmethod
    def pausing(cls) -> set[str]:
        return {cls.THIRD_PARTY, cls.OTHER_AGENCY}


class Consultation(BaseModel):
    """A consultation on a case: 会商 with departments, or a written request
    for opinions to a third party or another agency, and its answer."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    kind = models.CharField(_("类别"), max_length=20, choices=ConsultationKind.choices)
    party = models.CharField(_("征求对象"), max_length=200)
    subject = models.TextField(_("征求意见事项"), blank=True)
    sent_on = models.DateField(_("发出日期"))
    answered_on = models.DateField(_("收到意见日期"), null=True, blank=True)
    answer = models.TextField(_("意见"), blank=True)

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = _("会商和征求意见")
        verbose_name_plural = _("会商和征求意见")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.party}"


class Letter(BaseModel):
    """A notice sent to the applicant or a third party, its text fixed when
    it was made (DOCX and PDF are rendered from it), and its delivery."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    kind = models.CharField(_("文书类别"), max_length=20, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=100)
    reference = models.CharField(_("文书编号"), max_length=100, blank=True)
    recipient = models.CharField(_("送达对象"), max_length=200)
    body = models.TextField(_("正文"))
    dated = models.DateField(_("落款日期"))
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("制作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivery_method = models.CharField(_("送达方式"), max_length=100, blank=True)

    class Meta:
        ordering = ["dated", "pk"]
        verbose_name = _("告知文书")
        verbose_name_plural = _("告知文书")

    def __str__(self) -> str:
        return f"{self.title} {self.dated:%Y-%m-%d}"

    @property
    def shown_to_applicant(self) -> bool:
        """Notices addressed to the applicant appear on the status page."""
        return self.kind != LetterKind.THIRD_PARTY


class LetterTemplate(BaseModel):
    """The agency's editable text of one kind of notice, with placeholders
    such as {{申请人}}."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    kind = models.CharField(_("文书类别"), max_length=20, choices=LetterKind.choices)
    body = models.TextField(_("模板正文"))

    class Meta:
        ordering = ["agency", "kind"]
        verbose_name = _("告知文书模板")
        verbose_name_plural = _("告知文书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind"], name="letter_template_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.get_kind_display()}"

    @property
    @admin.display(description=_("文书类别"))
    def kind_label(self) -> str:
        return self.get_kind_display()

    def clean(self):
        try:
            check_template(self.body)
        except DomainError as error:
            raise ValidationError({"body": str(error)}) from error


class ProactiveDecision(models.TextChoices):
    PENDING = "pending", _("待审查")
    PUBLISH = "publish", _("转为主动公开")
    DECLINE = "decline", _("不转为主动公开")


class ProactiveReview(BaseModel):
    """依申请转主动 (条例 Art. 44): several applicants asked for the same or
    similar information; the office reviews whether to disclose it
    proactively, and links the item published as a result."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="proactive_reviews",
    )
    topic = models.CharField(_("所申请信息"), max_length=300)
    applications = models.ManyToManyField(
        Application, verbose_name=_("相关申请"), related_name="proactive_reviews"
    )
    decision = models.CharField(
        _("审查结论"),
        max_length=20,
        choices=ProactiveDecision.choices,
        default=ProactiveDecision.PENDING,
    )
    reason = models.TextField(_("理由"), blank=True)
    item = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("主动公开的信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("转为主动公开后发布的政府信息。"),
    )
    decided_on = models.DateField(_("审查日期"), null=True, blank=True)

    class Meta:
        ordering = ["decision", "-created_at"]
        verbose_name = _("依申请转主动")
        verbose_name_plural = _("依申请转主动")

    def __str__(self) -> str:
        return self.topic

    def clean(self):
        if self.decision == ProactiveDecision.PENDING:
            return
        if self.decision == ProactiveDecision.PUBLISH and self.item_id is None:
            raise ValidationError({"item": _("转为主动公开的，请关联发布的政府信息。")})
        if not self.reason.strip():
            raise ValidationError({"reason": _("请写明审查理由。")})
        if not self.decided_on:
            raise ValidationError({"decided_on": _("请填写审查日期。")})

    @property
    @admin.display(description=_("申请数"))
    def applicant_count(self) -> int:
        return self.applications.count()


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_RECONSIDERATION = (
        "litigation_after_reconsideration",
        _("行政诉讼（复议后起诉）"),
    )


class AppealResult(models.TextChoices):
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")


class Appeal(BaseModel):
    """An administrative reconsideration (行政复议) or lawsuit (行政诉讼) over
    the agency's information disclosure; pending until decided."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("被申请/被诉机关"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("相关申请"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appeals",
    )
    kind = models.CharField(_("类别"), max_length=40, choices=AppealKind.choices)
    filed_on = models.DateField(_("提起日期"))
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    result = models.CharField(
        _("结果"), max_length=20, choices=AppealResult.choices, blank=True
    )

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("行政复议、行政诉讼")
        verbose_name_plural = _("行政复议、行政诉讼")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on:%Y-%m-%d}"
