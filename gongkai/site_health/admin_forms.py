"""Back-office form of closing a column."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.publishing.models import ColumnPage


class CloseColumnForm(forms.Form):
    successor = forms.ModelChoiceField(
        label=_("接收栏目"),
        queryset=ColumnPage.objects.none(),
        help_text=_("被关闭栏目的信息和下级栏目移入该栏目，原地址自动跳转到新位置。"),
    )

    def __init__(self, *args, column: ColumnPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = (
            ColumnPage.objects.live()
            .filter(agency_id=column.agency_id)
            .exclude(path__startswith=column.path)
            .order_by("path")
        )
        self.fields["successor"].label_from_instance = lambda page: (
            "　" * max(page.depth - 3, 0) + page.title
        )
