"""Back-office forms of the applications: registering and editing a case,
and the steps of handling it."""

import dataclasses

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gongkai.applications import deadlines
from gongkai.applications.choices import Outcome
from gongkai.applications.models import (
    ConsultationKind,
    mask_address,
    mask_id_number,
    mask_phone,
)
from gongkai.core.errors import DomainError

# Sealed personal data: written, never shown back in the form (PI-04); the
# full values are seen only through the audited reveal.
WRITE_ONLY_FIELDS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "address": mask_address,
}
DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ApplicationForm(WagtailAdminModelForm):
    """Registration of an application received in person, by post, fax or
    e-mail (条例 Art. 31 fixes the receipt date by channel), and later
    corrections of its particulars while the case is open."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored = {}
        for name in WRITE_ONLY_FIELDS:
            if name in self.fields:  # one line each, not the text area
                self.fields[name].widget = forms.TextInput()
        if self.instance.pk:
            for name, mask in WRITE_ONLY_FIELDS.items():
                if name not in self.fields:
                    continue
                value = getattr(self.instance, name) or ""
                self._stored[name] = value
                self.initial[name] = ""
                field = self.fields[name]
                field.widget.attrs["placeholder"] = (
                    _("已保存：%(masked)s（不修改请留空）") % {"masked": mask(value)}
                    if value
                    else ""
                )
                field.widget.attrs["autocomplete"] = "off"
        self._lock_identity()

    def _lock_identity(self):
        """The number keys the applicant's query code, and the agency owns
        the case: neither changes once registered."""
        for name in ("number", "agency"):
            if self.instance.pk and name in self.fields:
                self.fields[name].disabled = True

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on and received_on > timezone.localdate():
            raise ValidationError(_("收到日期不能晚于今天。"))
        return received_on

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.is_closed:
            raise ValidationError(_("该申请已办结归档，不能再修改。"))
        for name, value in self._stored.items():
            if not data.get(name):
                data[name] = value
        received_on = data.get("received_on")
        if self.instance.pk and received_on:
            from gongkai.applications import selectors

            dates = selectors.case_dates(self.instance)
            try:
                deadlines.check_dates(
                    dataclasses.replace(dates, received_on=received_on)
                )
            except DomainError as error:
                self.add_error("received_on", str(error))
        return data

    def save(self, commit=True):
        for name, value in self._stored.items():
            if not self.cleaned_data.get(name):
                setattr(self.instance, name, value)
        return super().save(commit=commit)


def _today():
    return timezone.localdate()


class StepForm(forms.Form):
    """A step of handling a case; ``title`` names it, ``arguments()`` are
    what its service takes besides the case and the user."""

    title = ""

    def __init__(self, *args, application, calendar, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.calendar = calendar

    def arguments(self) -> dict:
        return dict(self.cleaned_data)


class CorrectionRequestForm(StepForm):
    title = _("补正告知")
    items = forms.CharField(
        label=_("需补正事项"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("一次性告知申请人需要补正的全部事项（条例第三十条）。"),
    )
    requested_on = forms.DateField(
        label=_("告知日期"), initial=_today, widget=DATE_INPUT
    )
    due_on = forms.DateField(
        label=_("补正期限"),
        widget=DATE_INPUT,
        help_text=_("给申请人的合理补正期限；逾期未补正的视为放弃申请。"),
    )

    def __init__(self, *args, application, calendar, **kwargs):
        super().__init__(*args, application=application, calendar=calendar, **kwargs)
        self.fields["due_on"].initial = calendar.deadline(_today(), 15).due_on


class CorrectionReceivedForm(StepForm):
    title = _("登记补正材料")
    received_on = forms.DateField(
        label=_("收到补正材料日期"),
        initial=_today,
        widget=DATE_INPUT,
        help_text=_("答复期限自收到补正后的申请之日起重新计算。"),
    )
    late_reason = forms.CharField(
        label=_("逾期补正的正当理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("补正期限后收到的，须写明申请人逾期的正当理由。"),
    )


class ConsultationForm(StepForm):
    title = _("会商、征求意见")
    kind = forms.ChoiceField(label=_("类别"), choices=ConsultationKind.choices)
    party = forms.CharField(
        label=_("征求对象"), max_length=200, help_text=_("科室、第三方或机关名称。")
    )
    subject = forms.CharField(
        label=_("征求意见事项"), widget=forms.Textarea(attrs={"rows": 3})
    )
    sent_on = forms.DateField(label=_("发出日期"), initial=_today, widget=DATE_INPUT)

    def __init__(self, *args, application, calendar, **kwargs):
        super().__init__(*args, application=application, calendar=calendar, **kwargs)
        self.fields["kind"].help_text = _(
            "征求第三方、其他机关意见的，对方%(days)d个工作日的答复时间不计入答复期限；"
            "内部会商不停止计时。"
        ) % {"days": deadlines.CONSULTATION_WORKING_DAYS}


class ConsultationAnswerForm(StepForm):
    title = _("登记意见")
    consultation = forms.ModelChoiceField(label=_("征求意见"), queryset=None)
    answered_on = forms.DateField(
        label=_("收到意见日期"), initial=_today, widget=DATE_INPUT
    )
    answer = forms.CharField(label=_("意见"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, application, calendar, **kwargs):
        super().__init__(*args, application=application, calendar=calendar, **kwargs)
        self.fields["consultation"].queryset = application.consultations.filter(
            answered_on__isnull=True
        )


class ExtensionForm(StepForm):
    title = _("延期答复")
    working_days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=deadlines.MAX_EXTENSION_WORKING_DAYS,
        initial=deadlines.MAX_EXTENSION_WORKING_DAYS,
    )
    reason = forms.CharField(
        label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 3})
    )
    approved_by = forms.CharField(
        label=_("批准人"),
        max_length=100,
        help_text=_("政府信息公开工作机构负责人（条例第三十三条）。"),
    )
    approved_on = forms.DateField(
        label=_("批准日期"), initial=_today, widget=DATE_INPUT
    )


class ReplyForm(StepForm):
    title = _("答复办结")
    outcome = forms.ChoiceField(
        label=_("办理结果"), choices=[("", "—"), *Outcome.choices]
    )
    legal_basis = forms.CharField(
        label=_("法律依据"),
        max_length=300,
        help_text=_("如：《中华人民共和国政府信息公开条例》第三十七条。"),
    )
    reply_text = forms.CharField(
        label=_("答复内容"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("告知书中的答复正文：提供的信息、获取方式，不予公开部分的理由等。"),
    )
    replied_on = forms.DateField(label=_("答复日期"), initial=_today, widget=DATE_INPUT)


class AssistanceForm(StepForm):
    title = _("协办意见")
    findings = forms.CharField(
        label=_("检索结果和协办意见"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("本科室是否掌握所申请的信息、信息的名称和文号，能否公开及理由。"),
    )


class AbandonForm(StepForm):
    title = _("视为放弃申请，办结")
    confirm = forms.BooleanField(
        label=_("申请人无正当理由逾期未补正，确认视为放弃申请，不再处理。"),
    )

    def arguments(self) -> dict:
        return {}


class DeliveryForm(StepForm):
    title = _("登记送达")
    letter = forms.ModelChoiceField(label=_("文书"), queryset=None)
    delivered_on = forms.DateField(
        label=_("送达日期"), initial=_today, widget=DATE_INPUT
    )
    method = forms.CharField(
        label=_("送达方式"),
        max_length=100,
        help_text=_("如：当面领取、邮寄（挂号信编号）、电子邮件、网上查询。"),
    )

    def __init__(self, *args, application, calendar, **kwargs):
        super().__init__(*args, application=application, calendar=calendar, **kwargs)
        self.fields["letter"].queryset = application.letters.all()


class RevealForm(forms.Form):
    """Seeing an applicant's full personal data asks for the password again."""

    password = forms.CharField(
        label=_("登录密码"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("查看完整个人信息须再次验证身份，查看行为将记入审计日志。"),
    )
    reason = forms.CharField(label=_("查看事由"), max_length=200)
