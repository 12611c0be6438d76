from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MiningRightsConfig(AppConfig):
    name = "gongkai.mining_rights"
    label = "mining_rights"
    verbose_name = _("矿业权信息")

    def ready(self):
        from gongkai.mining_rights import receivers  # noqa: F401
