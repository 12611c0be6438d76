from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "gongkai.accounts"
    label = "accounts"
    verbose_name = _("机关与人员")

    def ready(self) -> None:
        from gongkai.accounts import receivers  # noqa: F401


class GongkaiUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the department field."""

    default = False
    user_viewset = "gongkai.accounts.viewsets.UserViewSet"
