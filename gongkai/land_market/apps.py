from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LandMarketConfig(AppConfig):
    name = "gongkai.land_market"
    label = "land_market"
    verbose_name = _("自然资源市场交易")

    def ready(self):
        from gongkai.land_market import receivers  # noqa: F401
