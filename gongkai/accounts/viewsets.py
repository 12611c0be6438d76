"""Wagtail's user admin, with the department each user belongs to, and the
snippet viewset of records scoped to an agency and its departments."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
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


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose records belong to an agency (and a
    department): the list shows what ``visible(user)`` returns, and every
    view that opens one record (edit, delete, history, usage, inspect)
    refuses any other with 403, whatever its address. Copying is off: a copy
    would show another department's record in a new form."""

    copy_view_enabled = False

    def visible(self, user) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self, request):
        return self.visible(request.user)

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object"):
            view_class = _scoped_view(view_class, self.visible)
        return super().construct_view(view_class, **kwargs)


def _scoped_view(view_class, visible):
    def get_object(self, *args, **kwargs):
        instance = super(scoped, self).get_object(*args, **kwargs)
        if instance is None or instance.pk is None:  # a form to add one
            return instance
        if not visible(self.request.user).filter(pk=instance.pk).exists():
            raise PermissionDenied
        return instance

    scoped = type(view_class.__name__, (view_class,), {"get_object": get_object})
    return scoped
