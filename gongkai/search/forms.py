"""The public search form: every parameter of /search/ is parsed here."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.choices import Validity
from gongkai.search.selectors import SORT_DATE, SORT_RELEVANCE

MAX_QUERY_LENGTH = 100


class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=MAX_QUERY_LENGTH)
    column = forms.IntegerField(label=_("栏目"), required=False, min_value=1)
    year = forms.IntegerField(
        label=_("发布年份"), required=False, min_value=1990, max_value=2100
    )
    publisher = forms.CharField(label=_("发布机构"), required=False, max_length=100)
    validity = forms.ChoiceField(
        label=_("有效性"),
        required=False,
        choices=[("", _("全部")), *Validity.choices],
    )
    sort = forms.ChoiceField(
        label=_("排序"),
        required=False,
        choices=[(SORT_RELEVANCE, _("按相关度")), (SORT_DATE, _("按发布日期"))],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=500)
