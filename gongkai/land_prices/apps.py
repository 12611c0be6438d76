from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LandPricesConfig(AppConfig):
    name = "gongkai.land_prices"
    label = "land_prices"
    verbose_name = _("地价信息")

    def ready(self):
        from gongkai.land_prices import receivers  # noqa: F401
