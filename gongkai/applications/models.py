"""Information-disclosure applications (依申请公开) and the reconsideration
and litigation cases arising from them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.applications.choices import (
    ApplicantType,
    Channel,
    ObtainWay,
    Outcome,
    ProvisionForm,
)
from gongkai.core.fields import EncryptedTextField, keyring
from gongkai.core.models import BaseModel


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
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    outcome = models.CharField(
        _("办理结果"), max_length=40, choices=Outcome.choices, blank=True
    )

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
    def masked_applicant_name(self) -> str:
        """A natural person's name as lists show it (张*, PI-04); an
        organisation's name in full."""
        if self.applicant_type != ApplicantType.NATURAL_PERSON:
            return self.applicant_name
        name = self.applicant_name.strip()
        return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


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
