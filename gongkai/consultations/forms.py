"""The portal's comment form."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from gongkai.consultations import drafts
from gongkai.core import abuse


class CommentForm(forms.Form):
    section_key = forms.ChoiceField(label=_("针对条款"), required=False)
    body = forms.CharField(
        label=_("意见建议"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "请勿填写身份证号、手机号等个人信息；意见经审核后公开，不公开姓名和联系方式。"
        ),
    )
    name = forms.CharField(label=_("姓名或单位"), max_length=100, required=False)
    contact = forms.CharField(
        label=_("联系方式"),
        max_length=100,
        required=False,
        help_text=_("电话或电子邮箱，仅用于就意见与您联系，不会公开。"),
    )
    website = forms.CharField(required=False, label=_("请勿填写此项"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, consultation, max_length: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section_key"].choices = [
            ("", _("草案整体"))
        ] + drafts.section_choices(consultation.draft_text)
        self.fields["body"].max_length = max_length
        self.fields["body"].widget.attrs["maxlength"] = str(max_length)
        self.fields["body"].validators.append(MaxLengthValidator(max_length))
        self.fields["name"].required = consultation.requires_name
        self.fields["contact"].required = consultation.requires_contact
        if not self.is_bound:
            self.initial["started"] = abuse.form_token()
