"""The form a department reports progress on its task with."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser


class ProgressForm(forms.Form):
    reported_on = forms.DateField(
        label=_("报送日期"),
        initial=timezone.localdate,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 5})
    )
    evidence_item = forms.ModelChoiceField(
        label=_("佐证：已发布的政府信息"),
        queryset=None,
        required=False,
        widget=AdminPageChooser(),
    )
    evidence_url = forms.URLField(
        label=_("佐证链接"), required=False, assume_scheme="https"
    )
    evidence_case = forms.ModelChoiceField(
        label=_("佐证：依申请公开案件"),
        queryset=None,
        required=False,
        help_text=_("按申请编号选择本科室可查看的案件。"),
    )
    completes_task = forms.BooleanField(label=_("任务已完成"), required=False)

    def __init__(self, *args, task, user, **kwargs):
        from wagtail.models import Page

        from gongkai.applications.selectors import visible_cases

        super().__init__(*args, **kwargs)
        self.fields["evidence_item"].queryset = Page.objects.live()
        cases = self.fields["evidence_case"]
        cases.queryset = visible_cases(user=user).order_by("-received_on")
        # The number only: an applicant's name is personal data.
        cases.label_from_instance = lambda case: case.number
        if task.due_on is None:
            # Standing tasks report each cycle; they are never "done".
            del self.fields["completes_task"]

    def clean_reported_on(self):
        value = self.cleaned_data["reported_on"]
        if value > timezone.localdate():
            raise ValidationError(_("报送日期不能晚于今天。"))
        return value


class MeasureRecordForm(forms.Form):
    held_on = forms.DateField(
        label=_("日期"),
        initial=timezone.localdate,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    title = forms.CharField(label=_("名称"), max_length=200)
    note = forms.CharField(
        label=_("主要内容"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    participants = forms.IntegerField(label=_("参加人数"), required=False, min_value=1)
    evidence_item = forms.ModelChoiceField(
        label=_("佐证：已发布的政府信息"),
        queryset=None,
        required=False,
        widget=AdminPageChooser(),
    )
    evidence_url = forms.URLField(
        label=_("佐证链接"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        from wagtail.models import Page

        super().__init__(*args, **kwargs)
        self.fields["evidence_item"].queryset = Page.objects.live()

    def clean_held_on(self):
        value = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise ValidationError(_("日期不能晚于今天。"))
        return value
