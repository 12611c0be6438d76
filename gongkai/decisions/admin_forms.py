"""The back office's forms of decisions, catalogues, consultations and
evaluations: they offer only the user's own agency, its departments (a
department's staff: their own), its catalogues and the decisions the user
may see; a choice outside them is refused as invalid. The evaluation's
methods are checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gongkai.decisions.choices import EvaluationMethod


class ScopedAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        for name, queryset in _choices_for(user).items():
            if name in self.fields:
                self.fields[name].queryset = queryset


def _choices_for(user) -> dict:
    from gongkai.accounts.models import Agency, Department
    from gongkai.accounts.selectors import agency_of
    from gongkai.decisions.models import DecisionCatalogue
    from gongkai.decisions.selectors import OVERSEE, visible_decisions

    agency = agency_of(user)
    departments = Department.objects.filter(agency=agency)
    if not user.has_perm(OVERSEE):
        departments = departments.filter(pk=user.department_id)
    return {
        "agency": Agency.objects.filter(pk=getattr(agency, "pk", None)),
        "department": departments,
        "catalogue": DecisionCatalogue.objects.filter(agency=agency),
        "decision": visible_decisions(user),
    }


class PolicyEvaluationForm(ScopedAdminForm):
    methods = forms.MultipleChoiceField(
        label=_("评价方式"),
        choices=EvaluationMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_methods(self):
        return list(self.cleaned_data["methods"])
