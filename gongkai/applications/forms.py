"""The public application form (政府信息公开申请表), 条例 Art. 29."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.validators import validate_credit_code
from gongkai.applications.choices import ApplicantType, IdType, ObtainWay, ProvisionForm
from gongkai.publishing.uploads import check_upload
from gongkai.review.checks.personal_data import is_valid_id_number

PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{6,19}$")
# Kinds an applicant may attach (no video): judged by content, not name.
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several optional files in one input."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(ATTACHMENT_SUFFIXES)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(AttachmentsField, self).clean(file, initial) for file in files]


class OnlineApplicationForm(forms.Form):
    applicant_type = forms.ChoiceField(
        label=_("申请人类型"),
        choices=ApplicantType.choices,
        widget=forms.RadioSelect,
        help_text=_("自然人，或法人和其他组织的类别。"),
    )
    applicant_name = forms.CharField(
        label=_("姓名或名称"), max_length=200, help_text=_("法人或其他组织填写全称。")
    )
    id_type = forms.ChoiceField(
        label=_("证件类型"), choices=[("", "—")] + IdType.choices, required=False
    )
    id_number = forms.CharField(
        label=_("证件号码"), max_length=40, required=False, help_text=_("自然人必填。")
    )
    credit_code = forms.CharField(
        label=_("统一社会信用代码"),
        max_length=18,
        required=False,
        help_text=_("法人或其他组织必填。"),
    )
    legal_representative = forms.CharField(
        label=_("法定代表人或负责人"), max_length=100, required=False
    )
    contact_person = forms.CharField(label=_("联系人"), max_length=100, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20)
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    info_title = forms.CharField(
        label=_("所需信息的名称"), max_length=300, required=False
    )
    info_document_number = forms.CharField(
        label=_("文号"), max_length=100, required=False
    )
    description = forms.CharField(
        label=_("所需信息的其他特征描述"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("名称、文号、其他特征描述至少填写一项，以便查找。"),
    )
    purpose = forms.CharField(
        label=_("申请用途（选填）"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    provision_form = forms.ChoiceField(
        label=_("提供形式"), choices=ProvisionForm.choices, widget=forms.RadioSelect
    )
    obtain_way = forms.ChoiceField(
        label=_("获取方式"), choices=ObtainWay.choices, widget=forms.RadioSelect
    )
    attachments = AttachmentsField(
        label=_("附件（选填）"),
        required=False,
        help_text=_(
            "如申请书、委托书等，最多%(count)d个，每个不超过%(size)dMB，"
            "格式为PDF、Word（DOCX）、Excel（XLSX）、OFD、JPG或PNG。"
        )
        % {
            "count": settings.APPLICATION_ATTACHMENTS_MAX,
            "size": settings.APPLICATION_ATTACHMENT_MAX_BYTES // (1024 * 1024),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "我已阅读《个人信息处理告知》，同意本机关为办理本申请处理上述个人信息。"
        )
    )
    # Left empty by people; hidden from them and from screen readers.
    website = forms.CharField(required=False, label=_("请勿填写此项"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.APPLICATION_ATTACHMENTS_MAX <= 0:
            del self.fields["attachments"]

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > settings.APPLICATION_ATTACHMENTS_MAX:
            raise ValidationError(
                _("附件最多%(count)d个。")
                % {"count": settings.APPLICATION_ATTACHMENTS_MAX}
            )
        for upload in files:
            if upload.size > settings.APPLICATION_ATTACHMENT_MAX_BYTES:
                raise ValidationError(
                    _("附件“%(name)s”超过%(size)dMB。")
                    % {
                        "name": upload.name,
                        "size": settings.APPLICATION_ATTACHMENT_MAX_BYTES
                        // (1024 * 1024),
                    }
                )
            if not upload.name.lower().endswith(ATTACHMENT_SUFFIXES):
                raise ValidationError(
                    _("附件“%(name)s”的格式不能接收。") % {"name": upload.name}
                )
            data = upload.read()
            upload.seek(0)
            try:
                check_upload(name=upload.name, data=data)
            except ValidationError as error:
                message = " ".join(error.messages)
                if upload.name not in message:
                    message = _("附件“%(name)s”：%(problem)s") % {
                        "name": upload.name,
                        "problem": message,
                    }
                raise ValidationError(message) from error
        return files

    def clean_id_number(self):
        return "".join(self.cleaned_data["id_number"].split()).upper()

    def clean_credit_code(self):
        value = self.cleaned_data["credit_code"].strip().upper()
        if value:
            validate_credit_code(value)
        return value

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not PHONE_RE.match(value):
            raise ValidationError(_("请填写有效的联系电话。"))
        return value

    def clean(self):
        data = super().clean()
        natural = data.get("applicant_type") == ApplicantType.NATURAL_PERSON
        if natural:
            if not data.get("id_type"):
                self.add_error("id_type", _("自然人请选择证件类型。"))
            if not data.get("id_number"):
                self.add_error("id_number", _("自然人请填写证件号码。"))
            elif data.get("id_type") == IdType.RESIDENT_ID and not is_valid_id_number(
                data["id_number"]
            ):
                self.add_error(
                    "id_number", _("居民身份证号码不正确，请核对（含最后一位校验码）。")
                )
        elif data.get("applicant_type"):
            if not data.get("credit_code"):
                self.add_error(
                    "credit_code", _("法人或其他组织请填写统一社会信用代码。")
                )
            if not data.get("legal_representative"):
                self.add_error("legal_representative", _("请填写法定代表人或负责人。"))
        if not any(
            data.get(key)
            for key in ("info_title", "info_document_number", "description")
        ):
            self.add_error(
                "description",
                _("请至少填写所需信息的名称、文号或其他特征描述中的一项。"),
            )
        return data

    def application_data(self) -> dict:
        """The fields of the ``Application`` to create."""
        data = self.cleaned_data
        keys = (
            "applicant_type", "applicant_name", "id_type", "id_number", "credit_code",
            "legal_representative", "contact_person", "phone", "address", "email",
            "info_title", "info_document_number", "purpose", "provision_form",
            "obtain_way",
        )  # fmt: skip
        values = {key: data[key] for key in keys}
        if values["id_type"]:
            values["id_type"] = str(IdType(values["id_type"]).label)
        values["description"] = (
            data["description"] or data["info_title"] or data["info_document_number"]
        )
        return values


class StatusQueryForm(forms.Form):
    number = forms.CharField(label=_("申请编号"), max_length=40)
    code = forms.CharField(label=_("查询码"), max_length=20)
