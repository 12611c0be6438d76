"""The evaluation editor's form: the methods as checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gongkai.decisions.choices import EvaluationMethod


class PolicyEvaluationForm(WagtailAdminModelForm):
    methods = forms.MultipleChoiceField(
        label=_("评价方式"),
        choices=EvaluationMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_methods(self):
        return list(self.cleaned_data["methods"])
