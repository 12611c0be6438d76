"""Back-office forms of the annual report."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gongkai.accounts.selectors import agency_of


class DraftForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2008, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - (
            1 if timezone.localdate().month == 1 else 0
        )


class FiguresImportForm(forms.Form):
    file = forms.FileField(
        label=_("填报表格（.xlsx 或 .csv）"),
        help_text=_(
            "表头：年度、填报科室、规章本年制发件数、规章本年废止件数、规章现行有效件数、"
            "行政许可本年处理决定数量、行政处罚本年处理决定数量、行政强制本年处理决定数量、"
            "行政事业性收费本年收费金额（万元）、说明。CSV 可为 UTF-8 或 GBK 编码。"
        ),
    )


class EnteredFigureForm(WagtailAdminModelForm):
    """A department enters its own figures only; the office any
    department's of its agency."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        user = for_user
        if user is None or user.is_superuser:
            return
        agency = agency_of(user)
        if "agency" in self.fields:
            self.fields["agency"].queryset = self.fields["agency"].queryset.filter(
                pk=getattr(agency, "pk", None)
            )
            self.fields["agency"].initial = agency
        if "department" in self.fields:
            departments = self.fields["department"].queryset.filter(agency=agency)
            if not user.is_in_office:
                departments = departments.filter(pk=user.department_id)
                self.fields["department"].initial = user.department_id
            self.fields["department"].queryset = departments
