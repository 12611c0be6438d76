from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "portal_search"
    verbose_name = _("站内检索")

    def ready(self) -> None:
        from gongkai.search import receivers  # noqa: F401
