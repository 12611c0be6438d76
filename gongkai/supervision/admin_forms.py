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
    completes_task = forms.BooleanField(label=_("任务已完成"), required=False)

    def __init__(self, *args, task, **kwargs):
        from wagtail.models import Page

        super().__init__(*args, **kwargs)
        self.fields["evidence_item"].queryset = Page.objects.live()
        if task.due_on is None:
            # Standing tasks report each cycle; they are never "done".
            del self.fields["completes_task"]

    def clean_reported_on(self):
        value = self.cleaned_data["reported_on"]
        if value > timezone.localdate():
            raise ValidationError(_("报送日期不能晚于今天。"))
        return value
