from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = _("公开目录")

    def ready(self) -> None:
        from gongkai.catalog import receivers  # noqa: F401  (connects them)
