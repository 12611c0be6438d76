"""Wagtail's user admin, with the department each user belongs to."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from gongkai.accounts.models import Department


class DepartmentFieldMixin(forms.ModelForm):
    department = forms.ModelChoiceField(
        queryset=Department.objects.select_related("agency"),
        required=False,
        label=_("所属科室"),
    )


class GongkaiUserCreationForm(DepartmentFieldMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"department"}


class GongkaiUserEditForm(DepartmentFieldMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"department"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return GongkaiUserEditForm if for_update else GongkaiUserCreationForm
