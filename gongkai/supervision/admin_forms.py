"""The forms a department reports progress on its task with, and the office
records a 保障措施 held with."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser


def not_in_future(value):
    if value > timezone.localdate():
        raise ValidationError(_("日期不能晚于今天。"))


def day_field(label):
    return forms.DateField(
        label=label,
        initial=timezone.localdate,
        validators=[not_in_future],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class EvidenceForm(forms.Form):
    """A date and what shows the work was done."""

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


class ProgressForm(EvidenceForm):
    reported_on = day_field(_("报送日期"))
    note = forms.CharField(
        label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 5})
    )
    evidence_case = forms.ModelChoiceField(
        label=_("佐证：依申请公开案件"),
        queryset=None,
        required=False,
        help_text=_("按申请编号选择本科室可查看的案件。"),
    )
    completes_task = forms.BooleanField(label=_("任务已完成"), required=False)

    field_order = ["reported_on", "note"]

    def __init__(self, *args, task, user, **kwargs):
        from gongkai.applications.selectors import visible_cases

        super().__init__(*args, **kwargs)
        cases = self.fields["evidence_case"]
        cases.queryset = visible_cases(user=user).order_by("-received_on")
        # The number only: an applicant's name is personal data.
        cases.label_from_instance = lambda case: case.number
        if task.due_on is None:
            # Standing tasks report each cycle; they are never "done".
            del self.fields["completes_task"]


class MeasureRecordForm(EvidenceForm):
    held_on = day_field(_("日期"))
    title = forms.CharField(label=_("名称"), max_length=200)
    note = forms.CharField(
        label=_("主要内容"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    participants = forms.IntegerField(label=_("参加人数"), required=False, min_value=1)

    field_order = ["held_on", "title", "note", "participants"]
